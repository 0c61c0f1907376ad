"""The child died after the birth: the mother's leave.

58/2014 Điều 34 khoản 3: a child who died under 2 months old gives 4 months from the birth; from 2 months old, 2 months
from the death; never more than the leave of khoản 1 (6 months with the days taken before the birth). 41/2024 Điều 53
has no such khoản: the mother keeps the leave of khoản 1 (Bộ luật Lao động Điều 139 khoản 1), and khoản 4 counts a
child who died at the birth of twins or more; so under 41/2024 the case is an ordinary birth.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from lantoa.calculators.parameters import ParameterBook
from lantoa.calculators.rules.base import Line, Result
from lantoa.calculators.rules.maternity.birth import LEAVE_MONTHS, mother_birth
from lantoa.calculators.rules.maternity.common import (
    ARTICLES,
    MaternityInput,
    allowance,
    average_wage,
    leave_total,
    period_pay,
    qualifies,
)
from lantoa.calculators.rules.severance import add_months
from lantoa.calculators.rules.social_insurance import InsuranceLaw

YOUNG_MONTHS, FROM_BIRTH_MONTHS, FROM_DEATH_MONTHS = 2, 4, 2  # 58/2014 Điều 34 khoản 3


def child_died(*, book: ParameterBook, data: MaternityInput, rule: InsuranceLaw) -> Result:
    died = data.happened_on
    if died is None or died < data.born_on:
        raise ValidationError(_("Hãy nhập ngày con chết (từ ngày sinh trở đi)."), code="happened_missing")
    if rule.is_2024:
        return _under_2024(book=book, data=data, rule=rule)
    if data.children > 1:
        raise ValidationError(
            _(
                "Sinh từ hai con trở lên mà có con chết: Luật 58/2014/QH13 Điều 34 khoản 3 không nói cách tính cho "
                "trường hợp còn con sống; công cụ chưa tính trường hợp này."
            ),
            code="child_died_twins",
        )
    articles = ARTICLES[rule]
    title = _("Chế độ thai sản khi sinh con mà con chết (mẹ)")
    result = Result(title=title, on=data.first_day_off)
    ok, condition = qualifies(data, articles, is_birth=True)
    result.cite(rule.cite(condition), rule.cite("Điều 34 khoản 3"))
    if not ok:
        result.is_ok = False
        result.verdict = _(
            "Chưa đủ điều kiện hưởng chế độ thai sản khi sinh con: phải đóng bảo hiểm xã hội bắt buộc từ đủ 06 tháng "
            "trong 12 tháng trước khi sinh (%(law)s, %(condition)s)."
        ) % {"law": rule.document, "condition": articles.condition}
        result.add(Line(_("Trợ cấp thai sản"), _("không đủ điều kiện"), 0, is_total=True))
        return result
    young = died < add_months(data.born_on, YOUNG_MONTHS)
    if young:
        end = add_months(data.born_on, FROM_BIRTH_MONTHS)
        what = _("con dưới 02 tháng tuổi chết: 04 tháng tính từ ngày sinh")
    else:
        end = add_months(died, FROM_DEATH_MONTHS)
        what = _("con từ 02 tháng tuổi chết: 02 tháng tính từ ngày con chết")
    most = add_months(data.first_day_off, LEAVE_MONTHS)
    if end > most:
        end = most
        what += _(", không quá thời gian nghỉ khi sinh con (%(article)s)") % {"article": articles.birth}
    monthly = average_wage(result, data, rule, short_allowed=False)
    benefit = period_pay(
        result, monthly=monthly, start=data.first_day_off, end=end, what=what, article="Điều 34 khoản 3"
    )
    result.cite(rule.cite(articles.per_30))
    extra = allowance(
        result,
        book=book,
        rule=rule,
        data=data,
        article=articles.allowance_birth,
        label=_("Trợ cấp một lần khi sinh con"),
    )
    leave_total(result, benefit=benefit, extra=extra, end=end, rule=rule, article="Điều 34 khoản 3")
    result.notes.append(
        _(
            "Thời gian này tính cả ngày lễ, tết, nghỉ hằng tuần và không tính vào thời gian nghỉ việc riêng (Điều 34 "
            "khoản 3, khoản 7). Hết thời gian này, nếu sức khỏe chưa phục hồi, bạn có thể được nghỉ dưỡng sức (Điều 41)."
        )
    )
    return result


def _under_2024(*, book: ParameterBook, data: MaternityInput, rule: InsuranceLaw) -> Result:
    title = _("Chế độ thai sản khi sinh con mà con chết (mẹ)")
    result = mother_birth(book=book, data=data, rule=rule, title=title)
    result.cite(rule.cite("Điều 53 khoản 4"))
    result.notes.insert(
        0,
        _(
            "Luật 41/2024/QH15 Điều 53 không còn quy định rút ngắn thời gian nghỉ khi con chết sau khi sinh (Luật "
            "58/2014/QH13 Điều 34 khoản 3 có quy định này): mẹ nghỉ theo khoản 1 (Bộ luật Lao động Điều 139 khoản 1); "
            "sinh từ hai con trở lên mà có thai chết thì vẫn tính theo số thai, cả con sống, con chết và thai chết "
            "(khoản 4). Cần đối chiếu văn bản hướng dẫn, chưa có trong thư viện."
        ),
    )
    return result
