"""Severance (trợ cấp thôi việc, Điều 46) and job-loss allowance (trợ cấp mất việc làm, Điều 47)."""

import calendar
import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from lantoa.calculators.numbers import money, round_vnd, vn_decimal
from lantoa.calculators.parameters import Key, ParameterBook
from lantoa.calculators.rules.base import Line, Result, blld, nd145
from lantoa.core.formats import vn_date

SEVERANCE, JOB_LOSS = "severance", "job_loss"

# How the contract ended when the Labour Code gives neither allowance: Điều 46 khoản 1 pays severance only for
# Điều 34 khoản 1, 2, 3, 4, 6, 7, 9, 10 (not on pension terms, not after Điều 36 khoản 1 điểm e); Điều 47 khoản 1
# pays the job-loss allowance only for Điều 34 khoản 11. reason → (article cited, number, why none).
NO_ALLOWANCE = {
    "dismissal": (
        "Điều 34 khoản 8",
        34,
        _lazy("bạn bị kỷ luật sa thải (Điều 34 khoản 8) – trường hợp này không nằm trong các trường hợp Điều 46 khoản 1 "
          "cho hưởng trợ cấp thôi việc"),
    ),
    "probation": (
        "Điều 34 khoản 13",
        34,
        _lazy("hợp đồng chấm dứt vì thử việc không đạt hoặc một bên hủy bỏ thỏa thuận thử việc (Điều 34 khoản 13) – "
          "Điều 46 khoản 1 không cho hưởng trợ cấp thôi việc"),
    ),
    "foreign": (
        "Điều 34 khoản 5, 12",
        34,
        _lazy("người lao động nước ngoài bị trục xuất hoặc giấy phép lao động hết hiệu lực (Điều 34 khoản 5, khoản 12) – "
          "Điều 46 khoản 1 không cho hưởng trợ cấp thôi việc"),
    ),
    "abandoned": (
        "Điều 36 khoản 1 điểm e",
        36,
        _lazy("công ty chấm dứt hợp đồng vì bạn tự ý bỏ việc không có lý do chính đáng từ 05 ngày làm việc liên tục trở "
          "lên (Điều 36 khoản 1 điểm e) – Điều 46 khoản 1 loại trừ trường hợp này"),
    ),
    "pension": (
        "Điều 46 khoản 1",
        46,
        _lazy("bạn đủ điều kiện hưởng lương hưu theo pháp luật về bảo hiểm xã hội – Điều 46 khoản 1 loại trừ trường hợp "
          "này"),
    ),
}  # fmt: skip


@dataclass(frozen=True)
class SeveranceInput:
    kind: str
    started_on: dt.date
    ended_on: dt.date  # last day of the contract
    average_wage_vnd: int  # average wage of the 6 months before leaving
    insured_months: int = 0  # months of unemployment insurance with this employer
    paid_months: int = 0  # months already covered by an earlier severance or job-loss allowance
    reason: str = ""  # a key of NO_ALLOWANCE when the contract ended in a way that gives none


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
    if data.reason in NO_ALLOWANCE:
        return _no_allowance(result=result, reason=data.reason)
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
        result.cite(blld("Điều 34", 34))
        result.notes.append(str(NONE_NOTE))
    return result


NONE_NOTE = _lazy(
    "Không có trợ cấp thôi việc khi bị kỷ luật sa thải (Bộ luật Lao động Điều 34 khoản 8), thử việc không đạt hoặc "
    "một bên hủy thỏa thuận thử việc (khoản 13), người nước ngoài bị trục xuất hoặc hết hạn giấy phép lao động "
    "(khoản 5, 12), bị chấm dứt hợp đồng vì tự ý bỏ việc 05 ngày làm việc liên tục trở lên không có lý do chính đáng "
    "(Điều 36 khoản 1 điểm e) hoặc khi đủ điều kiện hưởng lương hưu (Điều 46 khoản 1)."
)


def _no_allowance(*, result: Result, reason: str) -> Result:
    article, number, why = NO_ALLOWANCE[reason]
    result.cite(blld(article, number), blld("Điều 46 khoản 1", 46), blld("Điều 47 khoản 1", 47))
    result.is_ok = False
    result.verdict = _(
        "Không có trợ cấp thôi việc hay trợ cấp mất việc làm: %(why)s. Trợ cấp mất việc làm chỉ có khi công ty cho "
        "thôi việc vì thay đổi cơ cấu, công nghệ, lý do kinh tế, sáp nhập, chia tách (Điều 34 khoản 11, Điều 47)."
    ) % {"why": str(why)}
    result.add(Line(result.title, _("không thuộc trường hợp được hưởng"), 0, is_total=True))
    result.notes.append(
        _(
            "Thời gian đã đóng bảo hiểm thất nghiệp vẫn được tính khi bạn xin hưởng trợ cấp thất nghiệp (nếu đủ điều kiện)."
        )
    )
    return result
