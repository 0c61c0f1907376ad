"""A birth: the mother's months (58/2014 Điều 34 khoản 1; 41/2024 Điều 53 khoản 1 and Bộ luật Lao động Điều 139
khoản 1) with the one-time allowance, and the father's working days (58/2014 Điều 34 khoản 2; 41/2024 Điều 53 khoản 2).
"""

import datetime as dt
from decimal import Decimal

from django.utils.translation import gettext as _

from lantoa.calculators.numbers import money, round_vnd, vn_decimal
from lantoa.calculators.parameters import ParameterBook
from lantoa.calculators.rules.base import Line, Result, blld
from lantoa.calculators.rules.maternity.common import (
    ARTICLES,
    MONTHS_FOR_BIRTH,
    MaternityInput,
    allowance,
    average_wage,
    daily,
    qualifies,
)
from lantoa.calculators.rules.social_insurance import InsuranceLaw

LEAVE_MONTHS = 6


def father_days(*, children: int, surgery: bool, rule: InsuranceLaw) -> tuple[int, str]:
    """Điểm a–d of the father's khoản; 41/2024 adds 3 days a child from the third to twins by surgery, 58/2014 not."""
    article = ARTICLES[rule].father
    if children == 1:
        return (7, f"{article} điểm b") if surgery else (5, f"{article} điểm a")
    extra = 3 * (children - 2)
    if surgery:
        return 14 + (extra if rule.is_2024 else 0), f"{article} điểm d"
    return 10 + extra, f"{article} điểm c"


def mother_birth(
    *, book: ParameterBook, data: MaternityInput, rule: InsuranceLaw, title: str, with_allowance: bool = True
) -> Result:
    articles = ARTICLES[rule]
    result = Result(title=title, on=data.first_day_off)
    ok, condition = qualifies(data, articles, is_birth=True)
    result.cite(rule.cite(condition))
    if not ok:
        result.is_ok = False
        result.verdict = _(
            "Chưa đủ điều kiện hưởng chế độ thai sản khi sinh con: phải đóng bảo hiểm xã hội bắt buộc từ đủ 06 tháng "
            "trong 12 tháng trước khi sinh (%(law)s, %(condition)s), hoặc đủ 03 tháng nếu đã đóng đủ 12 tháng và phải "
            "nghỉ dưỡng thai theo chỉ định (%(rested)s)."
        ) % {"law": rule.document, "condition": articles.condition, "rested": articles.condition_rested}
        if articles.condition_infertility:
            result.verdict += " " + _(
                "Nếu phải nghỉ việc để điều trị vô sinh: đủ 06 tháng trong 24 tháng trước khi sinh (%(article)s)."
            ) % {"article": articles.condition_infertility}
        elif data.infertility_treatment:
            result.notes.append(
                _(
                    "Điều kiện đóng đủ 06 tháng trong 24 tháng khi phải nghỉ việc để điều trị vô sinh chỉ áp dụng cho "
                    "lần nghỉ sinh từ 01/07/2025 (Luật 41/2024/QH15 Điều 50 khoản 5)."
                )
            )
        result.add(Line(_("Trợ cấp thai sản"), _("không đủ điều kiện"), 0, is_total=True))
        result.notes.append(
            _("Nếu chồng bạn đủ điều kiện (Điều 50 khoản 2), chồng được trợ cấp một lần (Điều 58 khoản 1).")
            if rule.is_2024
            else _("Theo Điều 38, cha chỉ được trợ cấp một lần khi chỉ có cha tham gia bảo hiểm xã hội.")
        )
        return result
    wage = average_wage(result, data, rule, short_allowed=False)
    months = LEAVE_MONTHS + data.children - 1
    benefit = round_vnd(Decimal(wage) * months)
    if rule.is_2024:
        result.cite(blld("Điều 139 khoản 1", 139))
    result.cite(rule.cite(articles.birth))
    result.add(
        Line(
            _("Thời gian nghỉ thai sản"),
            _("6 tháng, sinh từ hai con trở lên thì thêm 1 tháng cho mỗi con từ con thứ hai"),
            Decimal(months),
            "months",
        )
    )
    result.add(
        Line(
            _("Trợ cấp thai sản"),
            _("100%% × %(wage)s × %(months)s tháng") % {"wage": money(wage), "months": months},
            benefit,
        )
    )
    extra = 0
    if with_allowance:
        extra = allowance(
            result,
            book=book,
            rule=rule,
            data=data,
            article=articles.allowance_birth,
            label=_("Trợ cấp một lần khi sinh con"),
        )
    result.add(Line(_("Tổng cộng"), _("cộng các khoản trên"), benefit + extra, is_total=True))
    result.is_ok = True
    result.verdict = _("Bạn được nghỉ %(months)s tháng và nhận khoảng %(total)s (%(law)s).") % {
        "months": months,
        "total": money(benefit + extra),
        "law": rule.document,
    }
    result.notes.append(
        _(
            "Nghỉ trước khi sinh không quá 02 tháng; thời gian nghỉ tính cả ngày lễ, tết, nghỉ hằng tuần và được tính "
            "là thời gian đóng bảo hiểm xã hội, không phải đóng. Tháng lẻ ngày tính mỗi ngày bằng 1/30 mức tháng "
            "(%(per_30)s)."
        )
        % {"per_30": articles.per_30}
    )
    return result


def father_birth(*, book: ParameterBook, data: MaternityInput, rule: InsuranceLaw) -> Result:
    # 41/2024 Điều 58 khoản 1: the mother does not qualify and the father paid 6 of the last 12 months;
    # 58/2014 Điều 38: only the father is insured.
    if rule.is_2024:
        months = data.months_paid_last_12 or 0
        father_gets_it = (not data.mother_qualifies or data.only_father_insured) and months >= MONTHS_FOR_BIRTH
    else:
        father_gets_it = data.only_father_insured
    return father_leave(
        book=book,
        data=data,
        rule=rule,
        title=_("Chế độ thai sản khi vợ sinh con (cha)"),
        allowance_article=ARTICLES[rule].allowance_birth if father_gets_it else None,
    )


def father_leave(
    *,
    book: ParameterBook,
    data: MaternityInput,
    rule: InsuranceLaw,
    title: str,
    allowance_article: str | None,
    basis: str | None = None,
) -> Result:
    """The husband's working days of a birth (also the surrogate's husband, Điều 54 khoản 4, and after a loss from 22
    weeks, Điều 52 khoản 2: `basis`), a day = 1/24, plus the one-time allowance under `allowance_article` if given."""
    articles = ARTICLES[rule]
    result = Result(title=title, on=data.first_day_off)
    if basis:
        result.cite(rule.cite(basis))
    days, article = father_days(children=data.children, surgery=data.caesarean_or_premature, rule=rule)
    result.cite(rule.cite(article))
    monthly = average_wage(result, data, rule, short_allowed=True)
    per_day = daily(monthly, 24)
    benefit = round_vnd(Decimal(per_day) * days)
    result.cite(rule.cite(articles.per_24))
    result.add(Line(_("Số ngày làm việc được nghỉ"), article, Decimal(days), "days"))
    result.add(Line(_("Trợ cấp một ngày"), _("%(wage)s ÷ 24 ngày") % {"wage": money(monthly)}, per_day))
    result.add(
        Line(_("Trợ cấp thai sản"), _("%(daily)s × %(days)s ngày") % {"daily": money(per_day), "days": days}, benefit)
    )
    total = benefit
    if allowance_article:
        total += allowance(
            result,
            book=book,
            rule=rule,
            data=data,
            article=allowance_article,
            label=_("Trợ cấp một lần khi sinh con (cha)"),
        )
    result.add(Line(_("Tổng cộng"), "", total, is_total=True))
    result.is_ok = True
    result.verdict = _("Bạn được nghỉ %(days)s ngày làm việc và nhận khoảng %(total)s (%(law)s).") % {
        "days": vn_decimal(days),
        "total": money(total),
        "law": rule.document,
    }
    window, window_article = articles.father_window
    if data.leave_from and not data.born_on <= data.leave_from < data.born_on + dt.timedelta(days=window):
        result.warnings.append(
            _("Ngày bắt đầu nghỉ phải trong %(days)s ngày đầu kể từ ngày vợ sinh con (%(article)s).")
            % {"days": window, "article": window_article}
        )
    result.notes.append(
        _(
            "Nghỉ trong %(days)s ngày đầu kể từ ngày vợ sinh con; có thể nghỉ nhiều lần trong tổng số ngày đó "
            "(%(article)s)."
        )
        % {"days": window, "article": window_article}
    )
    return result
