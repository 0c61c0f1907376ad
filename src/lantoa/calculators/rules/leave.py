"""Annual leave days (Bộ luật Lao động Điều 113, 114; Nghị định 145/2020 Điều 66, 67)."""

import calendar
import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from lantoa.calculators.numbers import money, round_vnd, vn_decimal
from lantoa.calculators.parameters import Key, ParameterBook
from lantoa.calculators.rules.base import Line, Result, blld, nd145
from lantoa.core.formats import vn_date

CONDITION_KEYS = {"normal": Key.LEAVE_NORMAL, "heavy": Key.LEAVE_HEAVY, "special": Key.LEAVE_SPECIAL}


@dataclass(frozen=True)
class LeaveInput:
    started_on: dt.date  # first day of work for this employer
    year: int
    condition: str = "normal"
    ended_on: dt.date | None = None  # last day of work, when leaving during the year
    days_taken: Decimal | None = None
    monthly_wage_vnd: int | None = None
    normal_days: Decimal = Decimal(26)


def full_years(start: dt.date, end: dt.date) -> int:
    """Whole years from `start` to `end` (inclusive of `end` as a worked day)."""
    years = end.year - start.year
    anniversary = _add_years(start, years)
    return years if anniversary <= end + dt.timedelta(days=1) else years - 1


def _add_years(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def months_worked_in(first: dt.date, last: dt.date) -> int:
    """Months of the period, a month counting when at least half its days are in the period.

    Nghị định 145/2020 Điều 66 khoản 2 counts a part month when working days and paid leave reach 50% of its normal
    working days; without the worker's timesheet, calendar days stand in for them (stated on the result).
    """
    count, cursor = 0, first.replace(day=1)
    while cursor <= last:
        days_in_month = calendar.monthrange(cursor.year, cursor.month)[1]
        month_end = cursor.replace(day=days_in_month)
        covered = (min(last, month_end) - max(first, cursor)).days + 1
        if covered * 2 >= days_in_month:
            count += 1
        cursor = month_end + dt.timedelta(days=1)
    return count


def annual_leave(*, book: ParameterBook, data: LeaveInput) -> Result:
    year_start, year_end = dt.date(data.year, 1, 1), dt.date(data.year, 12, 31)
    first = max(year_start, data.started_on)
    last = min(year_end, data.ended_on) if data.ended_on else year_end
    if data.ended_on and data.ended_on < data.started_on:
        raise ValidationError(_("Ngày nghỉ việc phải sau ngày bắt đầu làm việc."), code="period_reversed")
    if last < first:
        raise ValidationError(
            _("Bạn không làm việc cho công ty này trong năm %(year)s."),
            code="no_work_in_year",
            params={"year": data.year},
        )
    base = book.get(CONDITION_KEYS[data.condition], on=last)
    block = book.get(Key.LEAVE_SENIORITY_YEARS, on=last)
    extra_per_block = book.get(Key.LEAVE_SENIORITY_DAYS, on=last)
    result = Result(title=_("Số ngày nghỉ hằng năm"), on=last)
    result.add(
        Line(
            _("Số ngày nghỉ theo điều kiện làm việc"),
            f"{base.citation.document}, {base.citation.article}",
            base.value,
            "days",
        )
    )
    years = full_years(data.started_on, last)
    blocks = years // int(block.value)
    extra = extra_per_block.value * blocks
    result.add(
        Line(
            _("Ngày nghỉ thêm theo thâm niên"),
            _("%(years)s năm làm việc đến %(date)s: %(blocks)s lần đủ %(block)s năm × %(per)s ngày")
            % {
                "years": years,
                "date": vn_date(last),
                "blocks": blocks,
                "block": vn_decimal(block.value),
                "per": vn_decimal(extra_per_block.value),
            },
            extra,
            "days",
        )
    )
    months = months_worked_in(first, last)
    full = base.value + extra
    if months >= 12:
        days = full
        formula = _("%(base)s + %(extra)s") % {"base": vn_decimal(base.value), "extra": vn_decimal(extra)}
    else:
        days = (full * months / 12).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
        formula = _("(%(base)s + %(extra)s) ÷ 12 × %(months)s tháng làm việc trong năm") % {
            "base": vn_decimal(base.value),
            "extra": vn_decimal(extra),
            "months": months,
        }
        result.cite(nd145("Điều 66 khoản 1, 2", 66), blld("Điều 113 khoản 2", 113))
        result.notes.append(
            _("Tháng làm chưa trọn được tính là một tháng khi có từ một nửa số ngày của tháng trở lên.")
        )
    result.add(
        Line(_("Số ngày nghỉ hằng năm năm %(year)s") % {"year": data.year}, formula, days, "days", is_total=True)
    )
    result.cite(base, block, extra_per_block)
    if data.days_taken is not None and data.monthly_wage_vnd:
        left = max(Decimal(0), days - data.days_taken)
        amount = round_vnd(Decimal(data.monthly_wage_vnd) / data.normal_days * left)
        result.add(
            Line(
                _("Tiền lương những ngày chưa nghỉ (khi thôi việc, mất việc)"),
                _("%(wage)s ÷ %(normal)s ngày × %(left)s ngày chưa nghỉ")
                % {
                    "wage": money(data.monthly_wage_vnd),
                    "normal": vn_decimal(data.normal_days),
                    "left": vn_decimal(left),
                },
                amount,
            )
        )
        result.cite(blld("Điều 113 khoản 3", 113), nd145("Điều 67 khoản 3", 67))
    result.verdict = _("Năm %(year)s bạn được nghỉ hằng năm %(days)s ngày, hưởng nguyên lương.") % {
        "year": data.year,
        "days": vn_decimal(days),
    }
    return result
