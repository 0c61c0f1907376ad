"""Sickness benefit (trợ cấp ốm đau): Luật BHXH 58/2014 Điều 25–28 for a leave begun from 01/01/2016 to 30/06/2025,
Luật BHXH 41/2024 Điều 42–45 from 01/07/2025 (the first day off picks the law, see `social_insurance`).

Both laws write the days a year (30/40/60, heavy work 40/50/70, a child under 3: 20, under 7: 15), the 75 %, the
65/55/50 % of a long-term illness and the month of 24 days themselves, so they are cited here, not stored as parameters.

A long-term illness is computed under 41/2024 only: past the yearly days it goes on in working days at the lower rate
(Điều 43 khoản 2, Điều 45 khoản 3). Under 58/2014 its 180 days count holidays and weekly rest days (Điều 26 khoản 2),
and how such days are paid is set by guidance the law library does not hold, so the tool says so instead of guessing.
"""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lantoa.calculators.numbers import money, round_vnd, vn_decimal
from lantoa.calculators.rules.base import Line, Result
from lantoa.calculators.rules.social_insurance import LAW_2014, LAW_2024, InsuranceLaw, insurance_law_on

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

SHARE = Decimal("0.75")
# The lower rate of a long-term illness past the yearly days, by years of compulsory insurance (58/2014 Điều 28
# khoản 2, 41/2024 Điều 45 khoản 3): 30 and more, 15 to under 30, under 15.
LONG_TERM_SHARES = (Decimal("0.65"), Decimal("0.55"), Decimal("0.50"))
DAYS_IN_MONTH = 24
# Days a year by years of compulsory insurance (under 15, 15 to under 30, 30 and more), the same in both laws.
OWN_DAYS = {False: (30, 40, 60), True: (40, 50, 70)}  # heavy, toxic or dangerous work / hardship area → True
CHILD_DAYS_UNDER_3, CHILD_DAYS_UNDER_7 = 20, 15


@dataclass(frozen=True)
class LongTermArticles:
    days: str  # the article continuing a long-term illness in working days past the yearly maximum
    rate: str


@dataclass(frozen=True)
class SicknessArticles:
    condition_own: str
    condition_child: str
    days_normal: str
    days_heavy: str
    days_child: str
    rate: str
    day_rate: str
    long_term: "StrOrPromise"  # a long-term illness paid on past the yearly days
    long_term_rule: "LongTermArticles | None"  # when the tool computes it
    half_days: bool  # 41/2024 Điều 45 khoản 5 pays half days; 58/2014 has no half day
    exclusions: "StrOrPromise"


ARTICLES = {
    LAW_2014: SicknessArticles(
        condition_own="Điều 25 khoản 1",
        condition_child="Điều 25 khoản 2",
        days_normal="Điều 26 khoản 1 điểm a",
        days_heavy="Điều 26 khoản 1 điểm b",
        days_child="Điều 27 khoản 1",
        rate="Điều 28 khoản 1",
        day_rate="Điều 28 khoản 4",
        long_term=gettext_lazy(
            "Bệnh thuộc danh mục cần chữa trị dài ngày được hưởng tới 180 ngày một năm ở mức 75%, sau đó hưởng "
            "tiếp ở mức 50–65% (Điều 26 khoản 2, Điều 28 khoản 1, 2)"
        ),
        long_term_rule=None,
        half_days=False,
        exclusions=gettext_lazy(
            "Ngày nghỉ tính theo ngày làm việc, không kể ngày nghỉ lễ, Tết, ngày nghỉ hằng tuần (Điều 26 khoản 1, "
            "Điều 27). Không hưởng khi ốm đau, tai nạn do tự hủy hoại sức khỏe, say rượu hoặc sử dụng chất ma túy, "
            "tiền chất ma túy (Điều 25 khoản 1); tai nạn lao động không thuộc chế độ ốm đau."
        ),
    ),
    LAW_2024: SicknessArticles(
        condition_own="Điều 42 khoản 1",
        condition_child="Điều 42 khoản 1 điểm e",
        days_normal="Điều 43 khoản 1 điểm a",
        days_heavy="Điều 43 khoản 1 điểm b",
        days_child="Điều 44 khoản 1",
        rate="Điều 45 khoản 2",
        day_rate="Điều 45 khoản 5",
        long_term=gettext_lazy(
            "Bệnh thuộc danh mục cần chữa trị dài ngày được hưởng tiếp ở mức 50–65% (Điều 43 khoản 2, Điều 45 khoản 3)"
        ),
        long_term_rule=LongTermArticles(days="Điều 43 khoản 2", rate="Điều 45 khoản 3"),
        half_days=True,
        exclusions=gettext_lazy(
            "Ngày nghỉ tính theo ngày làm việc, không kể ngày lễ, tết, ngày nghỉ hằng tuần; nghỉ dưới nửa ngày tính "
            "nửa ngày, từ nửa ngày đến dưới một ngày tính một ngày (Điều 45 khoản 5). Không hưởng khi tự gây thương "
            "tích, dùng ma túy, hoặc lần đầu nghỉ vì tai nạn lao động, bệnh nghề nghiệp (Điều 42 khoản 2)."
        ),
    ),
}


@dataclass(frozen=True)
class SicknessInput:
    on: dt.date  # first day off work: it picks the law
    wage_vnd: int  # contribution wage of the month before the leave (58/2014 Điều 28 khoản 1; 41/2024 Điều 45 khoản 1)
    days_off: Decimal  # working days off (halves allowed from 01/07/2025)
    days_used: Decimal = Decimal(0)  # days of the same kind already paid this calendar year
    insured_years: int = 0  # full years of compulsory social insurance
    heavy_work: bool = False
    child_age: int | None = None  # caring for a sick child of this age, else the worker's own illness
    long_term: bool = False  # an illness on the Ministry of Health's list of those needing long treatment


def max_days(data: SicknessInput) -> tuple[int, str]:
    """The most days a year and the article saying so, in the law of the first day off."""
    articles = ARTICLES[insurance_law_on(data.on, _("trợ cấp ốm đau"))]
    if data.child_age is not None:
        return (CHILD_DAYS_UNDER_3 if data.child_age < 3 else CHILD_DAYS_UNDER_7), articles.days_child
    band = 0 if data.insured_years < 15 else 1 if data.insured_years < 30 else 2
    return OWN_DAYS[data.heavy_work][band], articles.days_heavy if data.heavy_work else articles.days_normal


def _check(data: SicknessInput, articles: SicknessArticles) -> None:
    if data.wage_vnd <= 0:
        raise ValidationError(_("Hãy nhập tiền lương đóng bảo hiểm xã hội của tháng trước."), code="wage_missing")
    if data.days_off <= 0 or data.days_off * 2 != int(data.days_off * 2):
        raise ValidationError(_("Số ngày nghỉ phải lớn hơn 0, tính theo nửa ngày."), code="days_invalid")
    if not articles.half_days and (data.days_off != int(data.days_off) or data.days_used != int(data.days_used)):
        raise ValidationError(
            _("Luật Bảo hiểm xã hội 58/2014/QH13 (nghỉ trước 01/07/2025) tính theo ngày làm việc, không có nửa ngày."),
            code="half_day_before_2025",
        )
    if data.child_age is not None and not 0 <= data.child_age < 7:
        raise ValidationError(_("Chế độ chăm sóc con ốm đau chỉ áp dụng với con dưới 07 tuổi."), code="child_too_old")
    if data.long_term and data.child_age is not None:
        raise ValidationError(
            _("Bệnh cần chữa trị dài ngày là bệnh của chính người lao động, không áp dụng khi nghỉ chăm con ốm."),
            code="long_term_child",
        )
    if data.long_term and articles.long_term_rule is None:
        raise ValidationError(
            _(
                "Nghỉ trước 01/07/2025, bệnh cần chữa trị dài ngày được hưởng tối đa 180 ngày tính cả ngày nghỉ lễ, "
                "Tết, nghỉ hằng tuần, rồi hưởng tiếp ở mức 50–65% (Luật 58/2014/QH13 Điều 26 khoản 2, Điều 28 khoản "
                "2). Cách quy ra tiền của những ngày này do thông tư hướng dẫn quy định; công cụ chưa tính trường hợp "
                "này, hãy hỏi cơ quan bảo hiểm xã hội."
            ),
            code="long_term_before_2025",
        )


def long_term_share(insured_years: int) -> Decimal:
    return LONG_TERM_SHARES[0 if insured_years >= 30 else 1 if insured_years >= 15 else 2]


def sickness_benefit(*, data: SicknessInput) -> Result:
    rule = insurance_law_on(data.on, _("trợ cấp ốm đau"))
    articles = ARTICLES[rule]
    _check(data, articles)
    title = _("Trợ cấp chăm sóc con ốm đau") if data.child_age is not None else _("Trợ cấp ốm đau")
    result = Result(title=title, on=data.on)
    most, article = max_days(data)
    left = max(Decimal(most) - data.days_used, Decimal(0))
    paid = min(data.days_off, left)
    condition = articles.condition_child if data.child_age is not None else articles.condition_own
    result.cite(*(rule.cite(item) for item in (condition, article, articles.rate, articles.day_rate)))
    monthly = round_vnd(SHARE * data.wage_vnd)
    daily = round_vnd(Decimal(monthly) / DAYS_IN_MONTH)
    result.add(Line(_("Mức hưởng một tháng"), _("75%% × %(wage)s") % {"wage": money(data.wage_vnd)}, monthly))
    result.add(Line(_("Mức hưởng một ngày"), _("%(monthly)s ÷ 24 ngày") % {"monthly": money(monthly)}, daily))
    result.add(
        Line(
            _("Số ngày được hưởng"),
            _("tối đa %(most)s ngày một năm (%(article)s), đã hưởng %(used)s ngày")
            % {"most": most, "article": article, "used": vn_decimal(data.days_used)},
            paid,
            unit="days",
        )
    )
    beyond = data.days_off - paid
    continued = beyond if data.long_term and articles.long_term_rule else Decimal(0)
    amount = round_vnd(Decimal(daily) * paid)
    formula = _("%(daily)s × %(days)s ngày") % {"daily": money(daily), "days": vn_decimal(paid)}
    if continued and articles.long_term_rule:
        amount += _add_long_term(
            result, data, rule, articles.long_term_rule, days=continued, first_part=(formula, amount)
        )
    else:
        result.add(Line(title, formula, amount, is_total=True))
    result.is_ok = paid + continued > 0
    result.verdict = _("%(title)s: %(amount)s cho %(days)s ngày làm việc nghỉ (%(law)s).") % {
        "title": title,
        "amount": money(amount),
        "days": vn_decimal(paid + continued),
        "law": rule.document,
    }
    if beyond > continued:
        if articles.long_term_rule and data.child_age is None:
            unpaid = _(
                "%(extra)s ngày nghỉ vượt số ngày tối đa còn lại trong năm nên không được tính. %(long_term)s: nếu "
                "bệnh của bạn thuộc danh mục đó, hãy đánh dấu ô “bệnh cần chữa trị dài ngày” để tính phần hưởng tiếp."
            )
        else:
            unpaid = _(
                "%(extra)s ngày nghỉ vượt số ngày tối đa còn lại trong năm nên không được tính. %(long_term)s – công "
                "cụ không tính phần này."
            )
        result.warnings.append(unpaid % {"extra": vn_decimal(beyond), "long_term": articles.long_term})
    result.notes.append(str(articles.exclusions))
    return result


def _add_long_term(
    result: Result,
    data: SicknessInput,
    rule: InsuranceLaw,
    articles: LongTermArticles,
    *,
    days: Decimal,
    first_part: tuple[str, int],
) -> int:
    """The days of a long-term illness past the yearly maximum, at 65/55/50 % by years paid; returns their amount
    after adding the lines and the total of both parts."""
    result.cite(rule.cite(articles.days), rule.cite(articles.rate))
    share = long_term_share(data.insured_years)
    daily = round_vnd(Decimal(round_vnd(share * data.wage_vnd)) / DAYS_IN_MONTH)
    percent = int(share * 100)
    result.add(Line(_("Phần hưởng ở mức 75%"), first_part[0], first_part[1]))
    result.add(
        Line(
            _("Mức hưởng tiếp một ngày (bệnh cần chữa trị dài ngày)"),
            _("%(percent)s%% × %(wage)s ÷ 24 ngày, đã đóng %(years)s năm (%(article)s)")
            % {"percent": percent, "wage": money(data.wage_vnd), "years": data.insured_years,
               "article": articles.rate},
            daily,
        )
    )  # fmt: skip
    amount = round_vnd(Decimal(daily) * days)
    result.add(
        Line(
            _("Phần hưởng tiếp"),
            _("%(daily)s × %(days)s ngày làm việc (%(article)s)")
            % {"daily": money(daily), "days": vn_decimal(days), "article": articles.days},
            amount,
        )
    )
    result.add(
        Line(
            result.title,
            _("%(first)s + %(second)s") % {"first": money(first_part[1]), "second": money(amount)},
            first_part[1] + amount,
            is_total=True,
        )
    )
    return amount
