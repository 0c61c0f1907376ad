"""Maternity benefit (chế độ thai sản) under Luật BHXH 58/2014 (leave begun 01/01/2016–30/06/2025) and 41/2024 (from
01/07/2025): a birth (`birth`), a child received by adoption or surrogacy (`received`), and check-ups, miscarriage and
contraception (`events`), the husband's cases of a surrogacy or a loss from 22 weeks (`husband`); what they share (the input, the articles of each law, the average wage, the one-time
allowance) is in `common`.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from lantoa.calculators.parameters import ParameterBook
from lantoa.calculators.rules.base import Result
from lantoa.calculators.rules.maternity import events, husband, received
from lantoa.calculators.rules.maternity.birth import father_birth, mother_birth
from lantoa.calculators.rules.maternity.carer import carer_leave
from lantoa.calculators.rules.maternity.child_death import child_died
from lantoa.calculators.rules.maternity.common import (
    ADOPTION,
    BIRTH,
    CHILD_DIED,
    FATHER,
    IUD,
    MISCARRIAGE,
    MOTHER,
    MOTHER_DIED,
    NOT_QUALIFIED,
    ON_LEAVE,
    PRENATAL,
    QUALIFIED,
    STERILISATION,
    SURROGACY,
    SURROGACY_CARER,
    SURROGATE_BIRTH,
    UNINSURED,
    WORKING,
    MaternityInput,
)
from lantoa.calculators.rules.maternity.surrogate import surrogate_birth
from lantoa.calculators.rules.severance import add_months
from lantoa.calculators.rules.social_insurance import TRANSITION, insurance_law_on

__all__ = [
    "ADOPTION",
    "BIRTH",
    "CHILD_DIED",
    "FATHER",
    "IUD",
    "MISCARRIAGE",
    "MOTHER",
    "MOTHER_DIED",
    "NOT_QUALIFIED",
    "ON_LEAVE",
    "PRENATAL",
    "QUALIFIED",
    "STERILISATION",
    "SURROGACY",
    "SURROGACY_CARER",
    "SURROGATE_BIRTH",
    "UNINSURED",
    "WORKING",
    "MaternityInput",
    "maternity_benefit",
]
HUSBAND_CASES = {
    BIRTH: father_birth,
    MISCARRIAGE: husband.husband_after_loss,
    SURROGACY: husband.commissioning_husband,
    SURROGATE_BIRTH: husband.surrogate_husband,
}
MOTHER_ONLY = {PRENATAL, IUD, CHILD_DIED}
# The mother's leave of a birth may start before it; MOTHER_DIED: the day the mother's own leave started
FROM_BEFORE_BIRTH = {CHILD_DIED, SURROGATE_BIRTH, MOTHER_DIED}
MONTHS_BEFORE_BIRTH = 2  # the mother's leave starts at most 2 months before the birth (BLLĐ Điều 139 khoản 1)


def _check(data: MaternityInput) -> None:
    if not 1 <= data.children <= 10:
        raise ValidationError(_("Số con từ 1 đến 10."), code="input_out_of_range")
    if data.parent == FATHER and data.event in MOTHER_ONLY:
        raise ValidationError(_("Trường hợp này chỉ áp dụng với lao động nữ."), code="event_parent")
    start = data.leave_from
    if start is None:
        return
    husbands = data.parent == FATHER and data.event in HUSBAND_CASES  # from the birth on
    births = data.event in FROM_BEFORE_BIRTH | {BIRTH} and not husbands
    earliest = add_months(data.born_on, -MONTHS_BEFORE_BIRTH) if births else data.born_on
    if start < earliest or (births and start > data.born_on):
        raise ValidationError(
            _(
                "Ngày bắt đầu nghỉ không hợp lệ: mẹ nghỉ trước khi sinh không quá 02 tháng; các trường hợp khác nghỉ "
                "từ ngày xảy ra sự việc trở đi."
            ),
            code="leave_from_invalid",
        )


def maternity_benefit(*, book: ParameterBook, data: MaternityInput) -> Result:
    _check(data)
    rule = insurance_law_on(data.first_day_off, _("chế độ thai sản"))
    if data.parent == FATHER and data.event in HUSBAND_CASES:
        result = HUSBAND_CASES[data.event](book=book, data=data, rule=rule)
    elif data.event == BIRTH:
        result = mother_birth(book=book, data=data, rule=rule, title=_("Chế độ thai sản khi sinh con (mẹ)"))
    elif data.event == PRENATAL:
        result = events.prenatal(data=data, rule=rule)
    elif data.event == MISCARRIAGE:
        result = events.miscarriage(book=book, data=data, rule=rule)
    elif data.event in (ADOPTION, SURROGACY):
        result = received.child_received(book=book, data=data, rule=rule)
    elif data.event in (MOTHER_DIED, SURROGACY_CARER):
        result = carer_leave(data=data, rule=rule)
    elif data.event == CHILD_DIED:
        result = child_died(book=book, data=data, rule=rule)
    elif data.event == SURROGATE_BIRTH:
        result = surrogate_birth(book=book, data=data, rule=rule)
    elif data.event in (IUD, STERILISATION):
        result = events.contraception(data=data, rule=rule)
    else:
        raise ValidationError(_("Hãy chọn trường hợp hưởng chế độ thai sản."), code="event_invalid")
    if not rule.is_2024 and data.born_on >= TRANSITION.valid_from:
        result.cite(TRANSITION)
        result.notes.insert(
            0,
            _(
                "Bạn bắt đầu nghỉ trước 01/07/2025 nên tiếp tục hưởng theo Luật 58/2014/QH13 đến hết thời hạn "
                "(Luật 41/2024/QH15, Điều 141 khoản 5)."
            ),
        )
    return result
