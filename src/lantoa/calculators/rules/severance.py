"""Severance (trợ cấp thôi việc, Điều 46) and job-loss allowance (trợ cấp mất việc làm, Điều 47)."""

import calendar
import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from lantoa.calculators.numbers import money, round_vnd, vn_decimal
from lantoa.calculators.parameters import Key, ParameterBook
from lantoa.calculators.rules.base import Line, Result, nd145
from lantoa.core.formats import vn_date

SEVERANCE, JOB_LOSS = "severance", "job_loss"


@dataclass(frozen=True)
class SeveranceInput:
    kind: str
    started_on: dt.date
    ended_on: dt.date  # last day of the contract
    average_wage_vnd: int  # average wage of the 6 months before leaving
    insured_months: int = 0  # months of unemployment insurance with this employer
    paid_months: int = 0  # months already covered by an earlier severance or job-loss allowance


def add_months(day: dt.date, months: int) -> dt.date:
    years, month_index = divmod(day.month - 1 + months, 12)
    year, month = day.year + years, month_index + 1
    return day.replace(year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1]))


def full_months(start: dt.date, end: dt.date) -> int:
    """Whole months worked from `start` through `end` (both days worked); days short of a month are not counted."""
    stop = end + dt.timedelta(days=1)
    months = (stop.year - start.year) * 12 + stop.month - start.month
    if add_months(start, months) > stop:
        months -= 1
    return max(months, 0)


def counted_years(months: int) -> Decimal:
    """Nghị định 145/2020 Điều 8 khoản 3 điểm c: whole years; up to 6 odd months count as half a year, more as a year."""
    years, odd = divmod(months, 12)
    if odd == 0:
        return Decimal(years)
    return Decimal(years) + (Decimal("0.5") if odd <= 6 else Decimal(1))


def allowance(*, book: ParameterBook, data: SeveranceInput) -> Result:
    if data.ended_on < data.started_on:
        raise ValidationError(_("Ngày nghỉ việc phải sau ngày bắt đầu làm việc."), code="period_reversed")
    on = data.ended_on
    minimum_service = book.get(Key.ALLOWANCE_MIN_MONTHS, on=on)
    is_severance = data.kind == SEVERANCE
    title = _("Trợ cấp thôi việc") if is_severance else _("Trợ cấp mất việc làm")
    result = Result(title=title, on=on)
    worked = full_months(data.started_on, data.ended_on)
    result.add(
        Line(
            _("Thời gian làm việc thực tế"),
            _("từ %(start)s đến %(end)s") % {"start": vn_date(data.started_on), "end": vn_date(data.ended_on)},
            Decimal(worked),
            "months",
        )
    )
    result.cite(minimum_service)
    if worked < minimum_service.value:
        result.is_ok = False
        result.verdict = _("Bạn làm việc chưa đủ %(months)s tháng cho công ty này nên chưa có khoản trợ cấp này.") % {
            "months": vn_decimal(minimum_service.value)
        }
        return result
    if data.insured_months + data.paid_months > worked:
        raise ValidationError(
            _(
                "Số tháng đóng bảo hiểm thất nghiệp và số tháng đã được trả trợ cấp (%(deducted)s tháng) không thể "
                "nhiều hơn thời gian làm việc cho công ty này (%(worked)s tháng). Hãy kiểm tra lại."
            ),
            code="months_exceed_service",
            params={"deducted": data.insured_months + data.paid_months, "worked": worked},
        )
    counted = worked - data.insured_months - data.paid_months
    result.add(
        Line(
            _("Thời gian tính trợ cấp"),
            _("%(worked)s − %(insured)s tháng đóng bảo hiểm thất nghiệp − %(paid)s tháng đã được trả trợ cấp")
            % {"worked": worked, "insured": data.insured_months, "paid": data.paid_months},
            Decimal(counted),
            "months",
        )
    )
    if counted == 0 and is_severance:
        result.cite(nd145("Điều 8 khoản 3", 8))
        result.is_ok = False
        result.verdict = _(
            "Cả thời gian làm việc đã đóng bảo hiểm thất nghiệp hoặc đã được trả trợ cấp nên không còn thời gian tính "
            "trợ cấp thôi việc; khi mất việc, bạn có thể xem trợ cấp thất nghiệp."
        )
        return result
    years = counted_years(counted)
    result.add(
        Line(
            _("Số năm tính trợ cấp"), _("tháng lẻ đến 6 tháng tính nửa năm, trên 6 tháng tính một năm"), years, "years"
        )
    )
    result.cite(nd145("Điều 8 khoản 3", 8))
    if is_severance:
        per_year = book.get(Key.SEVERANCE_PER_YEAR, on=on)
        months_of_wage = per_year.value * years
        formula = _("%(years)s năm × %(per)s tháng lương × %(wage)s") % {
            "years": vn_decimal(years),
            "per": vn_decimal(per_year.value),
            "wage": money(data.average_wage_vnd),
        }
        result.cite(per_year)
    else:
        per_year = book.get(Key.JOB_LOSS_PER_YEAR, on=on)
        floor = book.get(Key.JOB_LOSS_MIN, on=on)
        months_of_wage = max(per_year.value * years, floor.value)
        formula = _("max(%(years)s năm × %(per)s tháng; %(floor)s tháng) × %(wage)s") % {
            "years": vn_decimal(years),
            "per": vn_decimal(per_year.value),
            "floor": vn_decimal(floor.value),
            "wage": money(data.average_wage_vnd),
        }
        result.cite(per_year, floor, nd145("Điều 8 khoản 2", 8))
    amount = round_vnd(months_of_wage * data.average_wage_vnd)
    result.add(Line(title, formula, amount, is_total=True))
    result.is_ok = True
    result.verdict = _("%(title)s ít nhất %(amount)s.") % {"title": title, "amount": money(amount)}
    result.notes.append(
        _("Tiền lương tính trợ cấp là lương bình quân theo hợp đồng của 6 tháng liền kề trước khi nghỉ việc.")
    )
    if is_severance:
        result.notes.append(
            _(
                "Không có trợ cấp thôi việc khi đủ điều kiện hưởng lương hưu hoặc tự ý bỏ việc 5 ngày làm việc liên tục "
                "trở lên không có lý do chính đáng (Nghị định 145/2020/NĐ-CP, Điều 8 khoản 1)."
            )
        )
    return result
