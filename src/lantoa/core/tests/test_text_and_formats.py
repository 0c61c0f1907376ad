import datetime as dt
import unicodedata
from types import SimpleNamespace

import pytest
import time_machine
from django.template import Context, Template
from django.template.loader import render_to_string
from django.utils import timezone

from lantoa.core.formats import local_day, vn_date, vn_datetime, vn_number, vnd
from lantoa.core.text import clean_line, fold, nfc, slugify_vi


def test_nfc_composes_decomposed_vietnamese():
    decomposed = unicodedata.normalize("NFD", "Người lao động")
    assert decomposed != "Người lao động"
    assert nfc(decomposed) == "Người lao động"


def test_fold_removes_tones_and_turns_d_stroke_into_d():
    assert fold("Đoàn viên CÔNG ĐOÀN được nghỉ") == "doan vien cong doan duoc nghi"


def test_fold_reads_decomposed_and_upper_case_input_like_composed():
    assert fold(unicodedata.normalize("NFD", "ĐƯỜNG Thưởng Tết")) == "duong thuong tet" == fold("đường thưởng tết")


def test_slugify_vi_keeps_d_from_d_stroke():
    assert slugify_vi("Đối thoại định kỳ") == "doi-thoai-dinh-ky"


def test_clean_line_collapses_whitespace_and_normalises():
    assert clean_line("  Công   ty\tTNHH  ") == "Công ty TNHH"


def test_dates_render_day_month_year():
    assert vn_date(dt.date(2026, 1, 5)) == "05/01/2026"
    assert vn_date(None) == ""


def test_money_renders_with_dot_thousands_and_dong_sign():
    assert vn_number(5310000) == "5.310.000"
    assert vnd(5310000) == "5.310.000 đ"


# 00:30 and 06:30 in Asia/Ho_Chi_Minh are 17:30 and 23:30 UTC of the day before.
NIGHT_SHIFT = [
    (dt.datetime(2026, 12, 1, 17, 30, tzinfo=dt.UTC), "02/12/2026", "00:30 02/12/2026"),
    (dt.datetime(2026, 12, 1, 23, 30, tzinfo=dt.UTC), "02/12/2026", "06:30 02/12/2026"),
]


@pytest.mark.parametrize(("moment", "day", "stamp"), NIGHT_SHIFT)
def test_aware_moments_print_the_vietnamese_wall_clock(moment, day, stamp):
    assert vn_date(moment) == day
    assert vn_datetime(moment) == stamp
    assert local_day(moment) == dt.date(2026, 12, 2)


@pytest.mark.parametrize(("moment", "day", "stamp"), NIGHT_SHIFT)
def test_templates_print_local_dates_at_night(moment, day, stamp):
    with time_machine.travel(moment, tick=False):
        rendered = Template("{% load lantoa %}{{ now|vn_date }}|{{ now|vn_datetime }}|{{ now|date:'d/m/Y' }}").render(
            Context({"now": timezone.now()})
        )
    assert rendered == f"{day}|{stamp}|{day}"


@pytest.mark.parametrize(("moment", "day", "stamp"), NIGHT_SHIFT)
def test_official_approval_reads_the_local_day(moment, day, stamp):
    page = SimpleNamespace(official_approval=SimpleNamespace(approved_at=moment))
    html = render_to_string("content/_official.html", {"page": page})
    assert f"đã duyệt ngày {day}" in html
