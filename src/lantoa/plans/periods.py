"""Reporting period codes: 2026-Q1 (quarter), 2026-H1 (six months), 2026 (year)."""

import datetime as dt
import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

PERIOD_CODE = re.compile(r"^(?P<year>20\d\d)(?:-(?P<part>Q[1-4]|H[12]))?$")
# Reports are due this many days after the period ends (the plan says "định kỳ báo cáo" without a date).
REPORT_DUE_DAYS = 10
ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


@dataclass(frozen=True)
class PeriodSpec:
    code: str
    kind: str
    label: str
    starts_on: dt.date
    ends_on: dt.date

    @property
    def due_on(self) -> dt.date:
        return self.ends_on + dt.timedelta(days=REPORT_DUE_DAYS)


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)


def period_parse(code: str) -> PeriodSpec:
    match = PERIOD_CODE.match(code.strip().upper())
    if not match:
        raise ValidationError(
            _("Mã kỳ báo cáo “%(code)s” không đúng dạng 2026-Q1, 2026-H1 hoặc 2026."),
            code="period_invalid",
            params={"code": code},
        )
    year, part = int(match["year"]), match["part"]
    if part is None:
        return PeriodSpec(
            str(year), "year", _("Năm %(year)s") % {"year": year}, dt.date(year, 1, 1), dt.date(year, 12, 31)
        )
    number = int(part[1])
    if part[0] == "Q":
        first = 3 * number - 2
        label = _("Quý %(quarter)s năm %(year)s") % {"quarter": ROMAN[number], "year": year}
        return PeriodSpec(f"{year}-Q{number}", "quarter", label, dt.date(year, first, 1), _month_end(year, first + 2))
    first = 1 if number == 1 else 7
    label = (_("6 tháng đầu năm %(year)s") if number == 1 else _("6 tháng cuối năm %(year)s")) % {"year": year}
    return PeriodSpec(f"{year}-H{number}", "half", label, dt.date(year, first, 1), _month_end(year, first + 5))


def period_previous_code(code: str) -> str | None:
    """The period of the same length just before (2026-Q1 → 2025-Q4); None for reviews."""
    match = PERIOD_CODE.match(code)
    if not match:
        return None
    return _previous_code(int(match["year"]), match["part"])


def _previous_code(year: int, part: str | None) -> str:
    if part is None:
        return str(year - 1)
    number = int(part[1])
    if number > 1:
        return f"{year}-{part[0]}{number - 1}"
    return f"{year - 1}-{part[0]}{4 if part[0] == 'Q' else 2}"


def quarter_codes_until(code: str, count: int) -> list[str]:
    """`count` quarter codes ending with the quarter that contains the end of period `code`."""
    spec = period_parse(code)
    quarter = f"{spec.ends_on.year}-Q{(spec.ends_on.month - 1) // 3 + 1}"
    codes = [quarter]
    while len(codes) < count:
        year, part = codes[0].split("-")
        codes.insert(0, _previous_code(int(year), part))
    return codes


def quarter_code(day: dt.date) -> str:
    return f"{day.year}-Q{(day.month - 1) // 3 + 1}"


def open_period_codes(day: dt.date) -> list[str]:
    """The quarter, six months and year containing `day`, and the ones before them whose report is not yet due:
    the periods units report on now, so reminders have them in time."""
    current = [quarter_code(day), f"{day.year}-H{1 if day.month <= 6 else 2}", str(day.year)]
    previous = [period_previous_code(code) for code in current]
    return current + [code for code in previous if code is not None and period_parse(code).due_on >= day]
