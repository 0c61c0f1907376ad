"""Compulsory social, health and unemployment insurance of worker and employer, with the ceilings."""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _

from lantoa.calculators.numbers import money, percent, round_vnd, vn_decimal
from lantoa.calculators.parameters import Key, Param, ParameterBook, region_label
from lantoa.calculators.rules.base import Line, Result
from lantoa.calculators.rules.wages import months_between

HUNDRED = Decimal(100)


@dataclass(frozen=True)
class Contributions:
    worker: int
    employer: int
    union_fee: int


def _ceiling(*, multiple: Param, amount: Param, label: str, result: Result | None) -> int:
    ceiling = round_vnd(multiple.value * amount.value)
    if result is not None:
        result.add(
            Line(
                label,
                _("%(multiple)s × %(amount)s")
                % {"multiple": vn_decimal(multiple.value), "amount": money(int(amount.value))},
                ceiling,
            )
        )
        result.cite(multiple, amount)
    return ceiling


def contributions_on(
    *, book: ParameterBook, on: dt.date, region: int, salary_vnd: int, result: Result | None = None
) -> Contributions:
    """One month's contributions; with `result`, every ceiling and fund line is written into it."""
    reference = book.get(Key.REFERENCE_LEVEL, on=on)
    minimum = book.get(Key.MIN_WAGE_MONTH, on=on, region=region)
    si_cap = _ceiling(
        multiple=book.get(Key.SI_CEILING_MULTIPLE, on=on),
        amount=reference,
        label=_("Trần lương đóng BHXH"),
        result=result,
    )
    hi_cap = _ceiling(
        multiple=book.get(Key.HI_CEILING_MULTIPLE, on=on),
        amount=reference,
        label=_("Trần lương đóng BHYT"),
        result=result,
    )
    ui_cap = _ceiling(
        multiple=book.get(Key.UI_CEILING_MULTIPLE, on=on),
        amount=minimum,
        label=_("Trần lương đóng BHTN (vùng %(region)s)") % {"region": region_label(region)},
        result=result,
    )
    bases = {"si": min(salary_vnd, si_cap), "hi": min(salary_vnd, hi_cap), "ui": min(salary_vnd, ui_cap)}
    funds = (
        ("si", Key.SI_RETIREMENT_WORKER, True),
        ("si", Key.SI_RETIREMENT_EMPLOYER, False),
        ("si", Key.SI_SICKNESS_EMPLOYER, False),
        ("si", Key.ACCIDENT_EMPLOYER, False),
        ("ui", Key.UI_WORKER, True),
        ("ui", Key.UI_EMPLOYER, False),
        ("hi", Key.HI_WORKER, True),
        ("hi", Key.HI_EMPLOYER, False),
    )
    worker = employer = 0
    for base_name, key, is_worker in funds:
        rate = book.get(key, on=on)
        amount = round_vnd(Decimal(bases[base_name]) * rate.value / HUNDRED)
        if is_worker:
            worker += amount
        else:
            employer += amount
        if result is not None:
            formula = _("%(rate)s × %(base)s") % {"rate": percent(rate.value), "base": money(bases[base_name])}
            result.add(Line(Key(key).label, formula, amount))
            result.cite(rate)
    union = book.get(Key.UNION_FEE_EMPLOYER, on=on)
    union_fee = round_vnd(Decimal(bases["si"]) * union.value / HUNDRED)
    if result is not None:
        result.cite(union)
    return Contributions(worker=worker, employer=employer, union_fee=union_fee)


def insurance_contributions(*, book: ParameterBook, on: dt.date, region: int, salary_vnd: int) -> Result:
    result = Result(title=_("Tiền đóng bảo hiểm bắt buộc hằng tháng"), on=on)
    result.add(Line(_("Tiền lương tháng đóng bảo hiểm"), "", salary_vnd))
    month = contributions_on(book=book, on=on, region=region, salary_vnd=salary_vnd, result=result)
    result.add(
        Line(
            _("Người lao động đóng (trừ vào lương)"), _("cộng các dòng của người lao động"), month.worker, is_total=True
        )
    )
    result.add(
        Line(
            _("Người sử dụng lao động đóng"),
            _("cộng các dòng của người sử dụng lao động"),
            month.employer,
            is_total=True,
        )
    )
    union = book.get(Key.UNION_FEE_EMPLOYER, on=on)
    result.add(
        Line(
            _("Kinh phí công đoàn (người sử dụng lao động đóng, không trừ vào lương)"),
            _("%(rate)s × tiền lương đóng BHXH") % {"rate": percent(union.value)},
            month.union_fee,
        )
    )
    result.verdict = _("Mỗi tháng bạn đóng %(worker)s; công ty đóng thêm %(employer)s cho bạn.") % {
        "worker": money(month.worker),
        "employer": money(month.employer),
    }
    return result


def insurance_over_period(*, book: ParameterBook, start: dt.date, end: dt.date, region: int, salary_vnd: int) -> Result:
    """Month-by-month totals over a period, each month under the rules in force on its first day."""
    result = Result(title=_("Tiền đóng bảo hiểm bắt buộc theo từng tháng"), on=end)
    worker_total = employer_total = 0
    for month in months_between(start, end):
        month_result = Result(title="", on=month)
        contributions = contributions_on(book=book, on=month, region=region, salary_vnd=salary_vnd, result=month_result)
        worker_total += contributions.worker
        employer_total += contributions.employer
        result.cite(*month_result.citations)
        result.add(
            Line(
                _("Tháng %(month)s") % {"month": month.strftime("%m/%Y")},
                _("người lao động %(worker)s; người sử dụng lao động %(employer)s")
                % {"worker": money(contributions.worker), "employer": money(contributions.employer)},
                contributions.worker + contributions.employer,
            )
        )
    result.add(Line(_("Người lao động đóng cả kỳ"), "", worker_total, is_total=True))
    result.add(Line(_("Người sử dụng lao động đóng cả kỳ"), "", employer_total, is_total=True))
    result.verdict = _("Cả kỳ: bạn đóng %(worker)s; công ty đóng %(employer)s.") % {
        "worker": money(worker_total),
        "employer": money(employer_total),
    }
    return result
