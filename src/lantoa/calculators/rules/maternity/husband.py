"""The husband's own cases from 01/07/2025 (Luật BHXH 41/2024): the one-time allowance passing to the husband of the
mother who asked for a surrogate or of the surrogate (Điều 58 khoản 2, third and fourth cases), the surrogate's
husband's working days (Điều 54 khoản 4) and the husband's days after a loss from 22 weeks (Điều 52 khoản 2).

58/2014 has neither: its Điều 33 gives the leave after a miscarriage to the woman only, and its Điều 35 leaves
surrogacy to a decree the law library does not hold; both are refused with the reason.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from lantoa.calculators.numbers import money
from lantoa.calculators.parameters import ParameterBook
from lantoa.calculators.rules.base import Line, Result
from lantoa.calculators.rules.maternity.birth import father_leave
from lantoa.calculators.rules.maternity.common import (
    MONTHS_FOR_BIRTH,
    MaternityInput,
    allowance,
    refuse_surrogacy_before_2025,
)
from lantoa.calculators.rules.maternity.events import AS_BIRTH_FROM_WEEK
from lantoa.calculators.rules.social_insurance import InsuranceLaw

ALLOWANCE = "Điều 58 khoản 2"
SURROGATE_HUSBAND = "Điều 54 khoản 4"
AFTER_LOSS = "Điều 52 khoản 2"


def _paid_six_months(data: MaternityInput) -> bool:
    if data.months_paid_last_12 is None:
        raise ValidationError(
            _("Hãy nhập số tháng đóng bảo hiểm xã hội bắt buộc trong 12 tháng trước khi sinh hoặc nhận con."),
            code="months_missing",
        )
    return data.months_paid_last_12 >= MONTHS_FOR_BIRTH


def commissioning_husband(*, book: ParameterBook, data: MaternityInput, rule: InsuranceLaw) -> Result:
    """The husband of the mother who asked for a surrogate: the allowance only, when neither the surrogate nor his
    wife has it and he paid 6 of the 12 months to the day the child is received (Điều 58 khoản 2, third case)."""
    refuse_surrogacy_before_2025(rule)
    result = Result(
        title=_("Trợ cấp một lần khi nhận con nhờ mang thai hộ (chồng của người mẹ nhờ mang thai hộ)"),
        on=data.first_day_off,
    )
    result.cite(rule.cite(ALLOWANCE))
    result.notes.append(
        _(
            "Người chồng của người mẹ nhờ mang thai hộ không có thời gian nghỉ riêng; chỉ khi vợ chết hoặc không đủ sức "
            "khỏe chăm con thì hưởng phần thời gian còn lại của vợ (Điều 55 khoản 2): chọn trường hợp đó để tính."
        )
    )
    if data.surrogate_qualifies or data.mother_qualifies:
        reason = (
            _("Người mang thai hộ đủ điều kiện nên nhận trợ cấp một lần; người chồng không nhận (%(article)s).")
            if data.surrogate_qualifies
            else _("Vợ bạn (người mẹ nhờ mang thai hộ) đủ điều kiện nên nhận trợ cấp một lần (%(article)s).")
        )
        return _refused(result, reason % {"article": ALLOWANCE})
    if not _paid_six_months(data):
        return _refused(result, _six_months(_("tính đến thời điểm nhận con")))
    amount = allowance(
        result,
        book=book,
        rule=rule,
        data=data,
        article=ALLOWANCE,
        label=_("Trợ cấp một lần khi nhận con nhờ mang thai hộ (chồng)"),
    )
    result.add(Line(_("Tổng cộng"), _("cộng các khoản trên"), amount, is_total=True))
    result.is_ok = True
    result.verdict = _("Bạn nhận trợ cấp một lần khoảng %(total)s (%(law)s, %(article)s).") % {
        "total": money(amount),
        "law": rule.document,
        "article": ALLOWANCE,
    }
    return result


def surrogate_husband(*, book: ParameterBook, data: MaternityInput, rule: InsuranceLaw) -> Result:
    """The surrogate's husband: a father's working days (Điều 54 khoản 4), and the allowance when the surrogate, the
    mother who asked and her husband do not have it and he paid 6 of the 12 months to the birth (fourth case)."""
    refuse_surrogacy_before_2025(rule)
    gets_it = not data.mother_qualifies and data.commissioning_unqualified and _paid_six_months(data)
    result = father_leave(
        book=book,
        data=data,
        rule=rule,
        title=_("Chế độ thai sản khi vợ mang thai hộ sinh con (chồng của người mang thai hộ)"),
        allowance_article=ALLOWANCE if gets_it else None,
        basis=SURROGATE_HUSBAND,
    )
    if not gets_it:
        result.cite(rule.cite(ALLOWANCE))
        result.notes.append(
            _(
                "Trợ cấp một lần chỉ chuyển sang bạn khi người mang thai hộ (vợ bạn), người mẹ nhờ mang thai hộ và "
                "chồng của người đó đều không tham gia bảo hiểm xã hội bắt buộc hoặc không đủ điều kiện, và bạn đã đóng "
                "từ đủ 06 tháng trong 12 tháng tính đến thời điểm vợ sinh con (%(article)s)."
            )
            % {"article": ALLOWANCE}
        )
    return result


def husband_after_loss(*, book: ParameterBook, data: MaternityInput, rule: InsuranceLaw) -> Result:
    """The husband when his wife, pregnant from 22 full weeks and qualified, has a miscarriage, an abortion or a
    stillbirth: the days of a birth (Điều 52 khoản 2 → Điều 53 khoản 2), without the one-time allowance."""
    if not rule.is_2024:
        raise ValidationError(
            _(
                "Trước 01/07/2025, Luật 58/2014/QH13 Điều 33 chỉ cho lao động nữ nghỉ khi sảy thai, nạo, hút thai, thai "
                "chết lưu; người chồng không có chế độ thai sản trong trường hợp này."
            ),
            code="husband_loss_before_2025",
        )
    if data.weeks_pregnant is None:
        raise ValidationError(_("Hãy nhập tuổi thai (số tuần)."), code="weeks_missing")
    if data.weeks_pregnant < AS_BIRTH_FROM_WEEK:
        raise ValidationError(
            _(
                "Thai dưới 22 tuần tuổi: chỉ lao động nữ được nghỉ (Luật 41/2024/QH15 Điều 52 khoản 1); người chồng "
                "được nghỉ như khi vợ sinh con chỉ khi thai từ đủ 22 tuần tuổi và vợ đủ điều kiện (Điều 52 khoản 2)."
            ),
            code="husband_loss_under_22_weeks",
        )
    if not data.mother_qualifies:
        raise ValidationError(
            _(
                "Người chồng được nghỉ khi vợ sảy thai, phá thai, thai chết từ đủ 22 tuần tuổi chỉ khi vợ là lao động nữ "
                "đủ điều kiện của Điều 50 khoản 2, 3 hoặc 5 (Luật 41/2024/QH15 Điều 52 khoản 2)."
            ),
            code="husband_loss_wife_unqualified",
        )
    result = father_leave(
        book=book,
        data=data,
        rule=rule,
        title=_("Chế độ thai sản của người chồng khi vợ sảy thai, phá thai, thai chết từ đủ 22 tuần tuổi"),
        allowance_article=None,
        basis=AFTER_LOSS,
    )
    result.notes.append(
        _(
            "Vợ mang thai từ đủ 22 tuần tuổi, đủ điều kiện: người chồng được nghỉ như khi vợ sinh con (Điều 52 khoản 2, "
            "Điều 53 khoản 2, 3); ô “phẫu thuật” tính 07 ngày. Luật không nói thai dưới 32 tuần có được coi là "
            "“sinh con dưới 32 tuần tuổi” không, nên công cụ không tự cộng. Trợ cấp một lần (Điều 58) không được cộng."
        )
    )
    return result


def _six_months(when: str) -> str:
    return _(
        "Chưa đủ điều kiện: người chồng phải đóng bảo hiểm xã hội bắt buộc từ đủ 06 tháng trong 12 tháng %(when)s "
        "(%(article)s)."
    ) % {"when": when, "article": ALLOWANCE}


def _refused(result: Result, reason: str) -> Result:
    result.is_ok = False
    result.verdict = reason
    result.add(Line(_("Trợ cấp một lần"), _("không được hưởng"), 0, is_total=True))
    return result
