"""The mother died, or a hospital found her unfit to care for the child: the father or the person caring for the child
takes her leave. After a birth: 58/2014 Điều 34 khoản 4–6, 41/2024 Điều 53 khoản 5–7; after a surrogacy (from
01/07/2025 only): 41/2024 Điều 55 khoản 2.

- The mother qualified: the rest of her leave (khoản 1 of the article), from the day after her death.
- She was insured without qualifying and died: leave until the child is 6 months old.
- Only the father is insured and the mother died or is unfit: the father's leave until the child is 6 months old.
- The father or carer, insured, keeps working: the benefit on top of the wage for the rest of the mother's leave.

The benefit is the average wage of the person who takes the leave (the laws let it be of fewer than 6 months for these
khoản: 58/2014 Điều 39 khoản 1 điểm a, 41/2024 Điều 59 khoản 1); when that person is not insured, whose wage counts
is not written in the laws, and the mother's average is asked (marked for checking against the guidance).
"""

import datetime as dt
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from lantoa.calculators.numbers import money
from lantoa.calculators.rules.base import Line, Result
from lantoa.calculators.rules.maternity.common import (
    ARTICLES,
    MOTHER_DIED,
    NOT_QUALIFIED,
    QUALIFIED,
    UNINSURED,
    WORKING,
    MaternityInput,
    average_wage,
    period_pay,
    refuse_surrogacy_before_2025,
)
from lantoa.calculators.rules.severance import add_months
from lantoa.calculators.rules.social_insurance import InsuranceLaw

LEAVE_MONTHS, UNTIL_MONTHS = 6, 6


@dataclass(frozen=True)
class CarerArticles:
    rest: str  # the rest of the qualified mother's leave
    unqualified: str  # the mother insured without qualifying: until 6 months
    working: str  # the carer keeps working
    only_father: str  # only the father insured: until 6 months


def _articles(rule: InsuranceLaw) -> CarerArticles:
    if rule.is_2024:
        return CarerArticles("Điều 53 khoản 5", "Điều 53 khoản 5", "Điều 53 khoản 6", "Điều 53 khoản 7")
    return CarerArticles("Điều 34 khoản 4", "Điều 34 khoản 4", "Điều 34 khoản 5", "Điều 34 khoản 6")


SURROGACY_2024 = CarerArticles("Điều 55 khoản 2", "Điều 55", "Điều 55 khoản 2", "Điều 55 khoản 2")


def _refuse(result: Result, reason: str) -> Result:
    result.is_ok = False
    result.verdict = reason
    result.add(Line(_("Trợ cấp thai sản"), _("không thuộc trường hợp được hưởng"), 0, is_total=True))
    return result


def _period(data: MaternityInput, rule: InsuranceLaw, articles: CarerArticles) -> tuple[dt.date, str, str] | str:
    """(end of the leave, excluded; what it is; its article) or the reason there is none."""
    if data.event == MOTHER_DIED:
        rest_end = add_months(data.first_day_off, LEAVE_MONTHS + data.children - 1)
        until_6 = child_six_months = add_months(data.born_on, UNTIL_MONTHS)
        khoan_1 = ARTICLES[rule].birth
    else:  # the commissioning mother's leave: from receiving the child until it is 6 months old, +1 month a child
        child_born = data.child_born_on or data.born_on
        child_six_months = add_months(child_born, UNTIL_MONTHS)
        rest_end = until_6 = add_months(child_born, UNTIL_MONTHS + data.children - 1)
        khoan_1 = "Điều 55 khoản 1"
    rest = _("phần thời gian còn lại của người mẹ theo %(article)s") % {"article": khoan_1}
    until = _("đến khi con đủ 06 tháng tuổi")
    if data.event != MOTHER_DIED and (data.happened_on or data.born_on) >= child_six_months:
        return _(
            "Người chồng hoặc người trực tiếp nuôi dưỡng hưởng phần còn lại khi người mẹ nhờ mang thai hộ chết hoặc "
            "không đủ sức khỏe lúc con chưa đủ 06 tháng tuổi (%(law)s, %(article)s)."
        ) % {"law": rule.document, "article": articles.rest}
    if data.mother_status == QUALIFIED:
        if data.mother_unfit and data.event == MOTHER_DIED:
            return _(
                "Khi mẹ có tham gia bảo hiểm xã hội, luật chỉ cho cha hoặc người trực tiếp nuôi dưỡng hưởng phần thời "
                "gian còn lại khi mẹ chết (%(law)s, %(article)s); mẹ còn sống thì mẹ tiếp tục hưởng chế độ của mình. "
                "Trường hợp mẹ không đủ sức khỏe chăm con chỉ được tính khi chỉ có cha tham gia bảo hiểm xã hội "
                "(%(only_father)s)."
            ) % {"law": rule.document, "article": articles.rest, "only_father": articles.only_father}
        return rest_end, rest, articles.working if data.carer_status == WORKING else articles.rest
    if data.event != MOTHER_DIED:
        return _(
            "Người chồng hoặc người trực tiếp nuôi dưỡng chỉ hưởng phần thời gian còn lại khi người mẹ nhờ mang thai hộ "
            "đủ điều kiện: đã đóng bảo hiểm xã hội bắt buộc từ đủ 06 tháng trong 12 tháng tính đến khi nhận con "
            "(%(law)s, Điều 55)."
        ) % {"law": rule.document}
    if data.carer_status == WORKING:
        return _(
            "Người không nghỉ việc chỉ được trợ cấp cho phần thời gian còn lại của người mẹ đủ điều kiện (%(law)s, "
            "%(article)s); khi mẹ chưa đủ điều kiện, luật chỉ cho cha hoặc người trực tiếp nuôi dưỡng nghỉ việc đến "
            "khi con đủ 06 tháng tuổi (%(unqualified)s)."
        ) % {"law": rule.document, "article": articles.working, "unqualified": articles.unqualified}
    if data.mother_status == NOT_QUALIFIED:
        if data.mother_unfit:
            return _(
                "Mẹ có tham gia bảo hiểm xã hội nhưng chưa đủ điều kiện: luật chỉ cho cha hoặc người trực tiếp nuôi "
                "dưỡng nghỉ khi mẹ chết (%(law)s, %(article)s)."
            ) % {"law": rule.document, "article": articles.unqualified}
        return until_6, until, articles.unqualified
    return until_6, until, articles.only_father  # UNINSURED: only the father is insured


def carer_leave(*, data: MaternityInput, rule: InsuranceLaw) -> Result:
    surrogacy = data.event != MOTHER_DIED
    if surrogacy:
        refuse_surrogacy_before_2025(rule)
    happened = data.happened_on
    if happened is None or happened < data.born_on:
        raise ValidationError(
            _(
                "Hãy nhập ngày người mẹ chết hoặc được xác nhận không đủ sức khỏe chăm con (từ ngày sinh hoặc nhận con)."
            ),
            code="happened_missing",
        )
    if surrogacy and (data.child_born_on is None or data.child_born_on > data.born_on):
        raise ValidationError(
            _("Hãy nhập ngày sinh của con (trước hoặc bằng ngày nhận con)."), code="child_born_missing"
        )
    articles = SURROGACY_2024 if surrogacy else _articles(rule)
    title = (
        _(
            "Chế độ thai sản của người chồng hoặc người nuôi dưỡng khi người mẹ nhờ mang thai hộ chết hoặc không đủ sức khỏe"
        )
        if surrogacy
        else _("Chế độ thai sản của cha hoặc người nuôi dưỡng khi mẹ chết hoặc không đủ sức khỏe chăm con")
    )
    result = Result(title=title, on=happened)
    period = _period(data, rule, articles)
    if isinstance(period, str):
        result.cite(rule.cite(articles.rest), rule.cite(articles.only_father))
        return _refuse(result, period)
    end, what, article = period
    if data.mother_status == UNINSURED and data.carer_status == UNINSURED:
        return _refuse(
            result,
            _(
                "Mẹ và người nghỉ chăm con đều không tham gia bảo hiểm xã hội bắt buộc: không có chế độ thai sản (%(law)s, %(article)s)."
            )
            % {"law": rule.document, "article": articles.only_father},
        )
    start = happened + dt.timedelta(days=1)
    result.cite(rule.cite(article))
    if start >= end:
        return _refuse(
            result,
            _("Thời gian nghỉ của người mẹ đã hết vào %(end)s nên không còn thời gian để hưởng (%(article)s).")
            % {"end": (end - dt.timedelta(days=1)).strftime("%d/%m/%Y"), "article": article},
        )
    monthly = average_wage(result, data, rule, short_allowed=True)
    benefit = period_pay(result, monthly=monthly, start=start, end=end, what=what, article=article)
    result.cite(rule.cite(ARTICLES[rule].per_30))
    result.add(Line(_("Tổng cộng"), _("cộng các khoản trên"), benefit, is_total=True))
    result.is_ok = True
    working = data.carer_status == WORKING
    result.verdict = (
        _("Bạn vẫn đi làm: ngoài tiền lương còn được trợ cấp khoảng %(total)s (%(law)s, %(article)s).")
        if working
        else _("Bạn được nghỉ việc hưởng chế độ thai sản và nhận khoảng %(total)s (%(law)s, %(article)s).")
    ) % {"total": money(benefit), "law": rule.document, "article": article}
    _notes(result, data, rule)
    return result


def _notes(result: Result, data: MaternityInput, rule: InsuranceLaw) -> None:
    result.notes.append(
        _(
            "Thời gian được tính từ ngày liền kề sau ngày người mẹ chết hoặc được xác nhận không đủ sức khỏe, kể cả ngày "
            "lễ, tết, nghỉ hằng tuần."
        )
    )
    if data.carer_status == UNINSURED:
        result.notes.append(
            _(
                "Người nghỉ chăm con không tham gia bảo hiểm xã hội: trợ cấp được tính trên mức bình quân tiền lương của "
                "người mẹ đã nhập. Luật không ghi rõ tiền lương của ai; cần đối chiếu văn bản hướng dẫn."
            )
        )
    if data.mother_status == UNINSURED and data.event == MOTHER_DIED:
        result.notes.append(
            _(
                "Chỉ cha tham gia bảo hiểm xã hội: luật không đòi số tháng đóng tối thiểu cho trường hợp này; văn bản "
                "hướng dẫn chưa có trong thư viện nên cần đối chiếu."
            )
        )
    result.notes.append(
        _("Trợ cấp một lần khi sinh con hoặc nhận con được tính riêng (%(article)s).")
        % {"article": ARTICLES[rule].allowance_birth}
    )
