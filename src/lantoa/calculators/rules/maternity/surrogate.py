"""The surrogate mother gives birth (41/2024 Điều 54 khoản 3 điểm a): her leave until she hands the child over, at least
60 days from the birth (also when the child dies before the handover), never more than the leave of a birth
(Điều 53 khoản 1), and the one-time allowance when she qualifies (Điều 58 khoản 2). Her check-ups and miscarriage are
the ordinary cases (Điều 54 khoản 1, 2); her husband's days are a father's (Điều 54 khoản 4).

58/2014 Điều 35 leaves the surrogate's benefit to a government decree the law library does not hold: refused.
"""

import dataclasses
import datetime as dt

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from lantoa.calculators.parameters import ParameterBook
from lantoa.calculators.rules.base import Line, Result, blld
from lantoa.calculators.rules.maternity.birth import LEAVE_MONTHS
from lantoa.calculators.rules.maternity.common import (
    ARTICLES,
    MaternityInput,
    allowance,
    average_wage,
    leave_total,
    period_pay,
    qualifies,
    refuse_surrogacy_before_2025,
)
from lantoa.calculators.rules.severance import add_months
from lantoa.calculators.rules.social_insurance import InsuranceLaw

LEAST_DAYS = 60
LEAVE = "Điều 54 khoản 3 điểm a"


def surrogate_birth(*, book: ParameterBook, data: MaternityInput, rule: InsuranceLaw) -> Result:
    refuse_surrogacy_before_2025(rule)
    handed = data.happened_on
    if handed is None or handed < data.born_on:
        raise ValidationError(
            _(
                "Hãy nhập ngày giao con cho bên nhờ mang thai hộ (hoặc ngày con chết trước khi giao), từ ngày sinh trở đi."
            ),
            code="happened_missing",
        )
    articles = ARTICLES[rule]
    result = Result(title=_("Chế độ thai sản của lao động nữ mang thai hộ khi sinh con"), on=data.first_day_off)
    # Điều 54 khoản 3 asks khoản 2 or 3 of Điều 50, not the infertility condition of khoản 5.
    ok, condition = qualifies(dataclasses.replace(data, infertility_treatment=False), articles, is_birth=True)
    result.cite(rule.cite(condition), rule.cite(LEAVE))
    if not ok:
        result.is_ok = False
        result.verdict = _(
            "Chưa đủ điều kiện nghỉ khi sinh con: người mang thai hộ phải đóng bảo hiểm xã hội bắt buộc từ đủ 06 tháng "
            "trong 12 tháng trước khi sinh, hoặc đủ 03 tháng nếu đã đóng đủ 12 tháng và phải nghỉ dưỡng thai (%(law)s, "
            "Điều 50 khoản 2, 3; %(article)s). Khám thai và sảy thai vẫn được hưởng như thường (Điều 54 khoản 1, 2)."
        ) % {"law": rule.document, "article": LEAVE}
        result.add(Line(_("Trợ cấp thai sản"), _("không đủ điều kiện"), 0, is_total=True))
        return result
    least = data.born_on + dt.timedelta(days=LEAST_DAYS)
    end = max(handed + dt.timedelta(days=1), least)
    what = _("đến khi giao con") if end > least else _("chưa đủ 60 ngày kể từ ngày sinh nên tính đủ 60 ngày")
    most = add_months(data.first_day_off, LEAVE_MONTHS + data.children - 1)
    if end > most:
        end, what = most, _("không quá thời gian nghỉ khi sinh con (Điều 53 khoản 1)")
    monthly = average_wage(result, data, rule, short_allowed=False)
    benefit = period_pay(result, monthly=monthly, start=data.first_day_off, end=end, what=what, article=LEAVE)
    result.cite(rule.cite(articles.per_30), rule.cite("Điều 59 khoản 4"), blld("Điều 139 khoản 1", 139))
    extra = allowance(
        result,
        book=book,
        rule=rule,
        data=data,
        article="Điều 58 khoản 2",
        label=_("Trợ cấp một lần khi sinh con (người mang thai hộ)"),
    )
    leave_total(result, benefit=benefit, extra=extra, end=end, rule=rule, article=LEAVE)
    result.notes.append(
        _(
            "Ngày giao con là ngày ghi trong văn bản xác nhận của hai bên; công cụ tính nghỉ đến hết ngày đó. Thời gian "
            "nghỉ tính cả ngày lễ, tết, nghỉ hằng tuần. Trong 30 ngày sau đó, nếu sức khỏe chưa phục hồi, bạn có thể "
            "được nghỉ dưỡng sức (Điều 54 khoản 3 điểm b, Điều 60). Chồng của người mang thai hộ được nghỉ như người cha "
            "khi vợ sinh con (Điều 54 khoản 4)."
        )
    )
    return result
