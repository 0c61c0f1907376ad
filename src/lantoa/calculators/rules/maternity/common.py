"""What every maternity case shares: the input, the articles of each law, the average wage and the allowance.

Luật BHXH 58/2014 Điều 31–39 for a leave begun from 01/01/2016 to 30/06/2025, Luật BHXH 41/2024 Điều 50–59 from
01/07/2025 (the first day off picks the law, see `social_insurance`). Days, months and shares are written in the laws;
only the base salary / reference level of the one-time allowance comes from the parameter book.
"""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lantoa.calculators.numbers import money, round_vnd
from lantoa.calculators.parameters import Key, ParameterBook
from lantoa.calculators.rules.base import Line, Result
from lantoa.calculators.rules.severance import add_months
from lantoa.calculators.rules.social_insurance import LAW_2014, LAW_2024, InsuranceLaw

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

MOTHER, FATHER = "mother", "father"
BIRTH, PRENATAL, MISCARRIAGE, ADOPTION, SURROGACY, IUD, STERILISATION = (
    "birth",
    "prenatal",
    "miscarriage",
    "adoption",
    "surrogacy",  # the mother who asked for a surrogate receives the child
    "iud",
    "sterilisation",
)
# The 2026 cases: the father or carer after the mother's death, the carer of a surrogacy, a child who died, the surrogate
MOTHER_DIED, SURROGACY_CARER, CHILD_DIED, SURROGATE_BIRTH = "mother_died", "surrogacy_carer", "child_died", "surrogate"
QUALIFIED, NOT_QUALIFIED, UNINSURED = "qualified", "not_qualified", "uninsured"  # the mother's insurance
ON_LEAVE, WORKING = "leave", "working"  # the father or carer takes leave, or keeps working (or is UNINSURED)
MONTHS_FOR_BIRTH, MONTHS_AFTER_RESTING, MONTHS_TOTAL_AFTER_RESTING = 6, 3, 12  # in the 12 months before the birth
MONTHS_AFTER_INFERTILITY = 6  # in the 24 months before the birth, after leaving work to treat infertility (41/2024)
AVERAGE_MONTHS, ALLOWANCE_LEVELS = 6, 2


@dataclass(frozen=True)
class MaternityInput:
    born_on: dt.date  # the day of the event: birth, miscarriage, child received, procedure, first check-up
    parent: str
    average_wage_vnd: int | None  # average contribution wage of the 6 months before the leave (or of the months paid)
    months_paid_last_12: int | None  # months of compulsory insurance in the 12 months before the birth or adoption
    children: int = 1
    rested_for_pregnancy: bool = False  # the mother had to rest on a doctor's order while pregnant
    infertility_treatment: bool = False  # the mother had to leave work to treat infertility
    months_paid_last_24: int | None = None  # months of compulsory insurance in the 24 months before the birth
    months_paid_total: int = 0
    caesarean_or_premature: bool = False  # the father's days
    mother_qualifies: bool = True  # 41/2024: the father gets the one-time allowance only when the mother does not
    event: str = BIRTH
    leave_from: dt.date | None = None  # first day off when it is not the day of the event; it picks the law
    weeks_pregnant: int | None = None  # miscarriage
    days_off: Decimal | None = None  # days off prescribed; blank = the most the law allows
    child_born_on: dt.date | None = None  # adoption
    far_or_pathology: bool = False  # 58/2014 Điều 32 khoản 1: 2 days a check-up
    only_father_insured: bool = False  # 58/2014 Điều 38: the father gets the allowance when only he is insured
    surrogate_qualifies: bool = False  # 41/2024 Điều 58 khoản 2: then the surrogate, not the mother, has the allowance
    # 41/2024 Điều 58 khoản 2, fourth case: neither the mother who asked for a surrogate nor her husband has the allowance
    commissioning_unqualified: bool = False
    monthly_wages: tuple[int, ...] = ()  # the contribution wages of the last months, to average here
    happened_on: dt.date | None = None  # the mother died or was found unfit, the child died, the child was handed over
    mother_status: str = QUALIFIED  # MOTHER_DIED, SURROGACY_CARER: the mother's insurance
    carer_status: str = ON_LEAVE  # MOTHER_DIED, SURROGACY_CARER: the father or carer
    mother_unfit: bool = False  # alive, but a hospital found her unfit to care for the child

    @property
    def first_day_off(self) -> dt.date:
        return self.leave_from or self.born_on


@dataclass(frozen=True)
class MaternityArticles:
    condition: str  # 6 months in the 12 before the birth or adoption
    condition_rested: str  # 3 months after resting on a doctor's order, with 12 paid
    condition_infertility: str | None  # 6 months in the 24 before, after leaving work to treat infertility
    prenatal: str
    prenatal_most: "StrOrPromise"  # how many days the check-ups give
    miscarriage: str
    miscarriage_weeks: tuple[int, int, int]  # upper bounds of the 10-, 20- and 40-day bands
    birth: str
    father: str
    father_window: tuple[int, str]  # days after the birth within which the father's leave starts
    adoption: str
    contraception: str
    allowance: str  # the amount: 2 base salaries / reference levels a child
    allowance_birth: str  # who has it on a birth
    allowance_adoption: str  # who has it on an adoption
    reference_name: "StrOrPromise"
    monthly: str  # 100 % of the 6-month average; the average of the months paid when fewer than 6
    per_24: str
    per_30: str


ARTICLES = {
    LAW_2014: MaternityArticles(
        condition="Điều 31 khoản 2",
        condition_rested="Điều 31 khoản 3",
        condition_infertility=None,
        prenatal="Điều 32 khoản 1",
        prenatal_most=gettext_lazy(
            "05 lần, mỗi lần 01 ngày; 02 ngày nếu ở xa cơ sở khám bệnh hoặc có bệnh lý, thai không bình thường"
        ),
        miscarriage="Điều 33 khoản 1",
        miscarriage_weeks=(5, 13, 25),
        birth="Điều 34 khoản 1",
        father="Điều 34 khoản 2",
        father_window=(30, "Điều 34 khoản 2"),
        adoption="Điều 36",
        contraception="Điều 37 khoản 1",
        allowance="Điều 38",
        allowance_birth="Điều 38",
        allowance_adoption="Điều 38",
        reference_name=gettext_lazy("mức lương cơ sở"),
        monthly="Điều 39 khoản 1 điểm a",
        per_24="Điều 39 khoản 1 điểm b",
        per_30="Điều 39 khoản 1 điểm c",
    ),
    LAW_2024: MaternityArticles(
        condition="Điều 50 khoản 2",
        condition_rested="Điều 50 khoản 3",
        condition_infertility="Điều 50 khoản 5",
        prenatal="Điều 51 khoản 1",
        prenatal_most=gettext_lazy("tối đa 05 lần, mỗi lần không quá 02 ngày"),
        miscarriage="Điều 52 khoản 1",
        miscarriage_weeks=(5, 13, 22),
        birth="Điều 53 khoản 1",
        father="Điều 53 khoản 2",
        father_window=(60, "Điều 53 khoản 3"),
        adoption="Điều 56 khoản 1",
        contraception="Điều 57 khoản 1",
        allowance="Điều 58 khoản 4",
        allowance_birth="Điều 58 khoản 1",
        allowance_adoption="Điều 58 khoản 3",
        reference_name=gettext_lazy("mức tham chiếu"),
        monthly="Điều 59 khoản 1",
        per_24="Điều 59 khoản 2",
        per_30="Điều 59 khoản 3",
    ),
}


def qualifies(data: MaternityInput, articles: MaternityArticles, *, is_birth: bool) -> tuple[bool, str]:
    """6 months in the 12 before; for a birth also 3 months after resting on a doctor's order, with 12 paid, and
    from 01/07/2025 6 months in the 24 before after leaving work to treat infertility."""
    if (
        is_birth
        and articles.condition_infertility
        and data.infertility_treatment
        and (data.months_paid_last_24 or 0) >= MONTHS_AFTER_INFERTILITY
    ):
        return True, articles.condition_infertility
    months = data.months_paid_last_12
    if months is None:
        raise ValidationError(
            _("Hãy nhập số tháng đóng bảo hiểm xã hội bắt buộc trong 12 tháng trước khi sinh hoặc nhận con."),
            code="months_missing",
        )
    if months >= MONTHS_FOR_BIRTH:
        return True, articles.condition
    if (
        is_birth
        and data.rested_for_pregnancy
        and data.months_paid_total >= MONTHS_TOTAL_AFTER_RESTING
        and months >= MONTHS_AFTER_RESTING
    ):
        return True, articles.condition_rested
    return False, articles.condition


def average_wage(result: Result, data: MaternityInput, rule: InsuranceLaw, *, short_allowed: bool) -> int:
    """The monthly benefit: the average entered, or the average of the wages entered month by month — of 6 months,
    or of every month paid when the worker paid fewer than 6 and the law allows it for the case."""
    article = ARTICLES[rule].monthly
    result.cite(rule.cite(article))
    wages = data.monthly_wages
    if not wages:
        if not data.average_wage_vnd:
            raise ValidationError(
                _("Hãy nhập mức bình quân tiền lương đóng bảo hiểm xã hội, hoặc tiền lương từng tháng."),
                code="wage_missing",
            )
        return data.average_wage_vnd
    count = len(wages)
    if count > AVERAGE_MONTHS:
        raise ValidationError(_("Chỉ nhập tiền lương của 6 tháng gần nhất."), code="too_many_months")
    if count < AVERAGE_MONTHS:
        paid = max(data.months_paid_total, data.months_paid_last_12 or 0)
        if not short_allowed:
            raise ValidationError(
                _("Trường hợp này tính trên bình quân tiền lương của đủ 6 tháng trước khi nghỉ (%(article)s)."),
                code="six_months_needed",
                params={"article": article},
            )
        if paid > count:
            raise ValidationError(
                _("Bạn đã đóng %(paid)s tháng: hãy nhập tiền lương của 6 tháng gần nhất (hoặc của mọi tháng đã đóng)."),
                code="months_mismatch",
                params={"paid": min(paid, AVERAGE_MONTHS)},
            )
    average = round_vnd(Decimal(sum(wages)) / count)
    label = (
        _("Mức bình quân tiền lương 6 tháng trước khi nghỉ")
        if count == AVERAGE_MONTHS
        else _("Mức bình quân tiền lương của %(n)s tháng đã đóng (đóng chưa đủ 6 tháng)") % {"n": count}
    )
    formula = _("(%(wages)s) ÷ %(n)s") % {"wages": " + ".join(money(wage) for wage in wages), "n": count}
    result.add(Line(label, formula, average))
    return average


def allowance(
    result: Result, *, book: ParameterBook, rule: InsuranceLaw, data: MaternityInput, article: str, label: str
) -> int:
    """2 × the base salary (58/2014) or reference level (41/2024) of the month of the birth or adoption, per child."""
    articles = ARTICLES[rule]
    children = data.children
    try:
        reference = book.get(Key.REFERENCE_LEVEL, on=data.born_on)
    except ValidationError as missing:
        result.warnings.append(
            _("Trợ cấp một lần khi sinh con hoặc nhận con nuôi chưa được tính: %(reason)s")
            % {"reason": " ".join(missing.messages)}
        )
        return 0
    amount = round_vnd(ALLOWANCE_LEVELS * reference.value * children)
    result.cite(rule.cite(article), rule.cite(articles.allowance), reference)
    result.add(
        Line(
            label,
            _("2 × %(name)s %(reference)s × %(children)s con")
            % {"name": articles.reference_name, "reference": money(int(reference.value)), "children": children},
            amount,
        )
    )
    return amount


def refuse_surrogacy_before_2025(rule: InsuranceLaw) -> None:
    """58/2014 Điều 35 khoản 3 leaves surrogacy to a Government decree the library does not hold."""
    if not rule.is_2024:
        raise ValidationError(
            _(
                "Trước 01/07/2025: chế độ khi mang thai hộ, nhờ mang thai hộ theo Luật 58/2014/QH13 Điều 35 do Chính phủ "
                "quy định chi tiết (khoản 3); văn bản đó chưa có trong thư viện nên công cụ chưa tính trường hợp này."
            ),
            code="surrogacy_before_2025",
        )


def leave_total(result: Result, *, benefit: int, extra: int, end: dt.date, rule: InsuranceLaw, article: str) -> None:
    """The total of a leave that ends before `end`, and the verdict naming its last day."""
    total = benefit + extra
    result.add(Line(_("Tổng cộng"), _("cộng các khoản trên"), total, is_total=True))
    result.is_ok = True
    result.verdict = _("Bạn được nghỉ đến hết %(last)s và nhận khoảng %(total)s (%(law)s, %(article)s).") % {
        "last": (end - dt.timedelta(days=1)).strftime("%d/%m/%Y"),
        "total": money(total),
        "law": rule.document,
        "article": article,
    }


def months_and_days(start: dt.date, end: dt.date) -> tuple[int, int]:
    """Whole months from `start` (the first day off) to `end` (excluded), and the odd days left."""
    months = 0
    while add_months(start, months + 1) <= end:
        months += 1
    return months, (end - add_months(start, months)).days


def period_pay(result: Result, *, monthly: int, start: dt.date, end: dt.date, what: str, article: str) -> int:
    """The leave from `start` to `end` (excluded), its line saying why it ends there (`what`, `article`)."""
    span = _("từ %(start)s đến hết %(last)s (%(what)s, %(article)s)") % {
        "start": start.strftime("%d/%m/%Y"),
        "last": (end - dt.timedelta(days=1)).strftime("%d/%m/%Y"),
        "what": what,
        "article": article,
    }
    benefit, _months, _odd = pay_for(result, monthly=monthly, start=start, end=end, span=span)
    return benefit


def pay_for(result: Result, *, monthly: int, start: dt.date, end: dt.date, span: str) -> tuple[int, int, int]:
    """The leave from `start` to `end` (excluded), described by `span`: whole months at the monthly benefit, odd
    days at a 30th of it (58/2014 Điều 39 khoản 1 điểm c; 41/2024 Điều 59 khoản 3). (benefit, months, odd days)"""
    months, odd = months_and_days(start, end)
    per_day = daily(monthly, 30)
    benefit = round_vnd(Decimal(monthly) * months) + round_vnd(Decimal(per_day) * odd)
    leave = _("%(span)s: %(months)s tháng %(days)s ngày") % {"span": span, "months": months, "days": odd}
    result.add(Line(_("Thời gian nghỉ"), leave, Decimal(months), "months"))
    result.add(Line(_("Trợ cấp một ngày lẻ"), _("%(wage)s ÷ 30 ngày") % {"wage": money(monthly)}, per_day))
    result.add(
        Line(
            _("Trợ cấp thai sản"),
            _("%(wage)s × %(months)s tháng + %(daily)s × %(days)s ngày")
            % {"wage": money(monthly), "months": months, "daily": money(per_day), "days": odd},
            benefit,
        )
    )
    return benefit, months, odd


def daily(monthly: int, days_in_month: int) -> int:
    return round_vnd(Decimal(monthly) / days_in_month)


def whole_days(data: MaternityInput, most: int) -> tuple[int, int]:
    """(days paid, days asked): the days prescribed, at most the law's; blank = the law's."""
    if data.days_off is None:
        return most, most
    if data.days_off <= 0 or data.days_off != int(data.days_off):
        raise ValidationError(_("Số ngày nghỉ phải là số ngày nguyên, lớn hơn 0."), code="days_invalid")
    asked = int(data.days_off)
    return min(asked, most), asked
