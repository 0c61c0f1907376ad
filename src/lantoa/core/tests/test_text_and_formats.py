import datetime as dt
import unicodedata

from lantoa.core.formats import vn_date, vn_number, vnd
from lantoa.core.text import clean_line, fold, nfc, slugify_vi


def test_nfc_composes_decomposed_vietnamese():
    decomposed = unicodedata.normalize("NFD", "Người lao động")
    assert decomposed != "Người lao động"
    assert nfc(decomposed) == "Người lao động"


def test_fold_removes_tones_and_turns_d_stroke_into_d():
    assert fold("Đoàn viên CÔNG ĐOÀN được nghỉ") == "doan vien cong doan duoc nghi"


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
