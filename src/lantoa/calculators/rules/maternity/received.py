"""A child received: adopting a child under 6 months (58/2014 Điều 36, 38; 41/2024 Điều 56, 58 khoản 3) and, from
01/07/2025, the mother who asked for a surrogate receiving the child (41/2024 Điều 55, 58 khoản 2). Both are paid
from the day the child is received until it is 6 months old, whole months and odd days at 1/30 (Điều 59 khoản 3).

58/2014 Điều 35 leaves surrogacy to a government decree the law library does not hold, so a surrogacy under that law
is refused with the reason instead of guessed.
"""

from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lantoa.calculators.numbers import money
from lantoa.calculators.parameters import ParameterBook
from lantoa.calculators.rules.base import Line, Result
from lantoa.calculators.rules.maternity.common import (
    ADOPTION,
    ARTICLES,
    MaternityInput,
    allowance,
    average_wage,
    pay_for,
    qualifies,
    refuse_surrogacy_before_2025,
)
from lantoa.calculators.rules.severance import add_months
from lantoa.calculators.rules.social_insurance import InsuranceLaw

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

UNDER_MONTHS = 6


@dataclass(frozen=True)
class ReceivedCase:
    title: "StrOrPromise"
    leave: str  # the article giving the leave until the child is 6 months old
    month_per_further_child: bool  # 41/2024 Điều 55 khoản 1: one more month for each child from the second
    allowance_article: str
    allowance_label: "StrOrPromise"
    unqualified: "StrOrPromise"  # %(law)s, %(condition)s
    note: "StrOrPromise"


SURROGACY_2024 = ReceivedCase(
    title=gettext_lazy("Chế độ thai sản khi nhận con nhờ mang thai hộ"),
    leave="Điều 55 khoản 1",
    month_per_further_child=True,
    allowance_article="Điều 58 khoản 2",
    allowance_label=gettext_lazy("Trợ cấp một lần khi nhận con nhờ mang thai hộ"),
    unqualified=gettext_lazy(
        "Chưa đủ điều kiện: người mẹ nhờ mang thai hộ phải đóng bảo hiểm xã hội bắt buộc từ đủ 06 tháng trong 12 "
        "tháng tính đến thời điểm nhận con (%(law)s, %(condition)s, Điều 55)."
    ),
    note=gettext_lazy(
        "Người mẹ nhờ mang thai hộ không nghỉ việc thì ngoài tiền lương vẫn được trợ cấp thai sản (Điều 55 khoản 1). "
        "Nếu người mẹ chết hoặc không đủ sức khỏe chăm con, người chồng hoặc người trực tiếp nuôi dưỡng hưởng phần "
        "thời gian còn lại (Điều 55 khoản 2): chọn trường hợp đó để tính."
    ),
)


def _adoption(rule: InsuranceLaw) -> ReceivedCase:
    articles = ARTICLES[rule]
    return ReceivedCase(
        title=_("Chế độ thai sản khi nhận nuôi con nuôi dưới 06 tháng tuổi"),
        leave=articles.adoption,
        month_per_further_child=False,
        allowance_article=articles.allowance_adoption,
        allowance_label=_("Trợ cấp một lần khi nhận con nuôi"),
        unqualified=_(
            "Chưa đủ điều kiện: phải đóng bảo hiểm xã hội bắt buộc từ đủ 06 tháng trong 12 tháng trước khi nhận nuôi "
            "con nuôi (%(law)s, %(condition)s)."
        ),
        note=_(
            "Cha và mẹ cùng đủ điều kiện thì chỉ một người được nghỉ (Điều 56 khoản 1); người nhận con nuôi mà không "
            "nghỉ việc chỉ được trợ cấp một lần (Điều 56 khoản 2)."
        )
        if rule.is_2024
        else _("Cha và mẹ cùng đủ điều kiện thì chỉ một người được nghỉ (Điều 36)."),
    )


def _case(data: MaternityInput, rule: InsuranceLaw) -> ReceivedCase:
    if data.event == ADOPTION:
        return _adoption(rule)
    refuse_surrogacy_before_2025(rule)
    return SURROGACY_2024


def child_received(*, book: ParameterBook, data: MaternityInput, rule: InsuranceLaw) -> Result:
    case = _case(data, rule)
    received = data.born_on
    if data.child_born_on is None or data.child_born_on > received:
        raise ValidationError(
            _("Hãy nhập ngày sinh của con (trước hoặc bằng ngày nhận con)."), code="child_born_missing"
        )
    further = data.children - 1 if case.month_per_further_child else 0
    end = add_months(data.child_born_on, UNDER_MONTHS + further)
    if received >= end:
        raise ValidationError(
            _("Chế độ này chỉ áp dụng khi nhận con dưới 06 tháng tuổi (%(article)s)."),
            code="child_too_old",
            params={"article": case.leave},
        )
    articles = ARTICLES[rule]
    result = Result(title=str(case.title), on=data.first_day_off)
    ok, condition = qualifies(data, articles, is_birth=False)
    result.cite(rule.cite(condition), rule.cite(case.leave))
    if not ok:
        result.is_ok = False
        result.verdict = str(case.unqualified) % {"law": rule.document, "condition": condition}
        result.add(Line(_("Trợ cấp thai sản"), _("không đủ điều kiện"), 0, is_total=True))
        return result
    monthly = average_wage(result, data, rule, short_allowed=False)
    result.cite(rule.cite(articles.per_30))
    until = _("đến khi con đủ 6 tháng tuổi")
    if further:
        until = _("đến khi con đủ 6 tháng tuổi, thêm %(further)s tháng cho %(further)s con từ con thứ hai") % {
            "further": further
        }
    span = _("từ %(start)s %(until)s (%(end)s)") % {
        "start": data.first_day_off.strftime("%d/%m/%Y"),
        "until": until,
        "end": end.strftime("%d/%m/%Y"),
    }
    benefit, months, odd = pay_for(result, monthly=monthly, start=data.first_day_off, end=end, span=span)
    extra = _allowance(result, book=book, data=data, rule=rule, case=case)
    result.add(Line(_("Tổng cộng"), _("cộng các khoản trên"), benefit + extra, is_total=True))
    result.is_ok = True
    result.verdict = _("Bạn được nghỉ %(months)s tháng %(days)s ngày và nhận khoảng %(total)s (%(law)s).") % {
        "months": months,
        "days": odd,
        "total": money(benefit + extra),
        "law": rule.document,
    }
    result.notes.append(str(case.note))
    return result


def _allowance(
    result: Result, *, book: ParameterBook, data: MaternityInput, rule: InsuranceLaw, case: ReceivedCase
) -> int:
    if case is SURROGACY_2024 and data.surrogate_qualifies:
        result.cite(rule.cite(case.allowance_article))
        result.notes.append(
            _(
                "Người mang thai hộ đủ điều kiện nên người mang thai hộ nhận trợ cấp một lần khi sinh con; người mẹ nhờ "
                "mang thai hộ chỉ nhận khoản này khi người mang thai hộ không tham gia hoặc không đủ điều kiện "
                "(Điều 58 khoản 2)."
            )
        )
        return 0
    return allowance(
        result,
        book=book,
        rule=rule,
        data=data,
        article=case.allowance_article,
        label=str(case.allowance_label),
    )
