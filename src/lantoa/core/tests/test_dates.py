import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.forms import Form

from lantoa.core.dates import DateField, date_parse

HOSTILE = {
    "1.19e-07": "date_invalid",
    "2026-13-01": "date_invalid",
    "99999-01-01": "date_invalid",
    "31/02/2026": "date_invalid",
    "2026/01/15": "date_invalid",
    "15.01.2026": "date_invalid",
    "١٥/٠١/٢٠٢٦": "date_invalid",
    "": "date_invalid",
    "1" * 20_000: "date_invalid",
    "15/01/2026" + " x" * 10_000: "date_invalid",
    "0001-01-01": "date_out_of_range",
    "01/01/2101": "date_out_of_range",
}


@pytest.mark.parametrize(
    ("text", "day"),
    [("15/01/2026", dt.date(2026, 1, 15)), ("1/7/2025", dt.date(2025, 7, 1)), (" 2026-01-15 ", dt.date(2026, 1, 15))],
)
def test_date_parse_reads_day_month_year_and_iso_dates(text: str, day: dt.date) -> None:
    assert date_parse(text) == day


@pytest.mark.parametrize(("text", "code"), HOSTILE.items(), ids=lambda value: value[:12])
def test_date_parse_refuses_anything_else_with_a_code(text: str, code: str) -> None:
    with pytest.raises(ValidationError) as error:
        date_parse(text)
    assert error.value.code == code


class DayForm(Form):
    day = DateField(required=False)


def test_date_field_leaves_a_blank_optional_date_empty() -> None:
    form = DayForm({"day": ""})
    assert form.is_valid() and form.cleaned_data["day"] is None


@pytest.mark.parametrize("text", ["1.19e-07", "2026-13-01", "99999-01-01", "x" * 20_000])
def test_date_field_shows_the_vietnamese_way_to_write_a_date(text: str) -> None:
    form = DayForm({"day": text})
    assert not form.is_valid()
    assert form.errors.as_data()["day"][0].code == "date_invalid"
    assert form.errors["day"] == ["Ngày không hợp lệ: hãy nhập theo dạng ngày/tháng/năm, ví dụ 15/01/2026."]


def test_date_field_names_the_years_it_accepts() -> None:
    form = DayForm({"day": "01/01/1800"})
    assert form.errors["day"] == ["Năm phải từ 1900 đến 2100."]
