import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from lantoa.plans import periods


def test_quarter_code_gives_dates_label_and_deadline():
    spec = periods.period_parse("2026-q1")
    assert (spec.code, spec.kind, spec.label) == ("2026-Q1", "quarter", "Quý I năm 2026")
    assert (spec.starts_on, spec.ends_on, spec.due_on) == (
        dt.date(2026, 1, 1),
        dt.date(2026, 3, 31),
        dt.date(2026, 4, 10),
    )


def test_half_year_and_year_codes():
    assert periods.period_parse("2026-H2").starts_on == dt.date(2026, 7, 1)
    assert periods.period_parse("2026").ends_on == dt.date(2026, 12, 31)


def test_bad_period_code_is_refused_with_a_code():
    with pytest.raises(ValidationError) as error:
        periods.period_parse("Q1/2026")
    assert error.value.code == "period_invalid"


def test_previous_periods_wrap_around_the_year():
    assert periods.period_previous_code("2026-Q1") == "2025-Q4"
    assert periods.period_previous_code("2026-H1") == "2025-H2"
    assert periods.quarter_codes_until("2026-H1", 3) == ["2025-Q4", "2026-Q1", "2026-Q2"]
