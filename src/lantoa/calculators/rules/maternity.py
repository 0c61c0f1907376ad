"""Maternity benefit when a child is born (chế độ thai sản khi sinh con) under Luật BHXH 41/2024 (from 01/07/2025).

The mother: 6 months' leave, one more per child from the second (Bộ luật Lao động Điều 139 khoản 1; Luật BHXH Điều
53 khoản 1), paid at 100 % of the average contribution wage of the last 6 months (Điều 59 khoản 1), and a one-time
allowance of 2 reference levels per child (Điều 58). The father: 5 to 14 working days (Điều 53 khoản 2), each day a
24th of the monthly benefit (Điều 59 khoản 2). The reference level comes from the book; the rest is in the law.
"""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from lantoa.calculators.numbers import money, round_vnd, vn_decimal
from lantoa.calculators.parameters import Key, ParameterBook
from lantoa.calculators.rules.base import Line, Result, blld
from lantoa.calculators.rules.sickness import cite, require_law

MOTHER, FATHER = "mother", "father"
MONTHS_FOR_BIRTH, MONTHS_AFTER_RESTING = 6, 3  # Điều 50 khoản 2, 3: in the 12 months before the birth
LEAVE_MONTHS, ALLOWANCE_REFERENCE_LEVELS = 6, 2


@dataclass(frozen=True)
class MaternityInput:
    born_on: dt.date
    parent: str
    average_wage_vnd: int  # average contribution wage of the 6 months before the leave
    months_paid_last_12: int  # months of compulsory insurance in the 12 months before the birth
    children: int = 1
    rested_for_pregnancy: bool = False  # the mother had to rest on a doctor's order while pregnant (Điều 50 khoản 3)
    months_paid_total: int = 0
    caesarean_or_premature: bool = False  # the father's days (Điều 53 khoản 2 điểm b, d)
    mother_qualifies: bool = True  # the father gets the one-time allowance only when the mother does not


def mother_qualifies(data: MaternityInput) -> tuple[bool, str]:
    if data.months_paid_last_12 >= MONTHS_FOR_BIRTH:
        return True, "Điều 50 khoản 2"
    if data.rested_for_pregnancy and data.months_paid_total >= 12 and data.months_paid_last_12 >= MONTHS_AFTER_RESTING:
        return True, "Điều 50 khoản 3"
    return False, "Điều 50 khoản 2"


def father_days(*, children: int, surgery: bool) -> tuple[int, str]:
    if children == 1:
        return (7, "Điều 53 khoản 2 điểm b") if surgery else (5, "Điều 53 khoản 2 điểm a")
    extra = 3 * (children - 2)
    return (14 + extra, "Điều 53 khoản 2 điểm d") if surgery else (10 + extra, "Điều 53 khoản 2 điểm c")


def maternity_benefit(*, book: ParameterBook, data: MaternityInput) -> Result:
    require_law(data.born_on, _("chế độ thai sản"))
    if data.average_wage_vnd <= 0:
        raise ValidationError(_("Hãy nhập mức bình quân tiền lương đóng bảo hiểm xã hội 6 tháng."), code="wage_missing")
    if not 1 <= data.children <= 10 or not 0 <= data.months_paid_last_12 <= 12:
        raise ValidationError(
            _("Số con từ 1 đến 10; số tháng đóng trong 12 tháng trước khi sinh từ 0 đến 12."), code="input_out_of_range"
        )
    wage = data.average_wage_vnd
    if data.parent == FATHER:
        return _father(book=book, data=data)
    result = Result(title=_("Chế độ thai sản khi sinh con (mẹ)"), on=data.born_on)
    ok, condition = mother_qualifies(data)
    result.cite(cite(condition))
    if not ok:
        result.is_ok = False
        result.verdict = _(
            "Chưa đủ điều kiện hưởng chế độ thai sản khi sinh con: phải đóng bảo hiểm xã hội bắt buộc từ đủ 06 tháng "
            "trong 12 tháng trước khi sinh (Luật Bảo hiểm xã hội 41/2024/QH15, Điều 50 khoản 2), hoặc đủ 03 tháng nếu "
            "đã đóng đủ 12 tháng và phải nghỉ dưỡng thai theo chỉ định (khoản 3)."
        )
        result.add(Line(_("Trợ cấp thai sản"), _("không đủ điều kiện"), 0, is_total=True))
        result.notes.append(
            _("Nếu chồng bạn đủ điều kiện (khoản 2 Điều 50), chồng được trợ cấp một lần (Điều 58 khoản 1).")
        )
        return result
    months = LEAVE_MONTHS + data.children - 1
    benefit = round_vnd(Decimal(wage) * months)
    reference = book.get(Key.REFERENCE_LEVEL, on=data.born_on)
    allowance = round_vnd(ALLOWANCE_REFERENCE_LEVELS * reference.value * data.children)
    result.cite(
        blld("Điều 139 khoản 1", 139), cite("Điều 53 khoản 1"), cite("Điều 59 khoản 1"), cite("Điều 58 khoản 4")
    )
    result.cite(reference)
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
    result.add(
        Line(
            _("Trợ cấp một lần khi sinh con"),
            _("2 × mức tham chiếu %(reference)s × %(children)s con")
            % {"reference": money(int(reference.value)), "children": data.children},
            allowance,
        )
    )
    result.add(Line(_("Tổng cộng"), _("cộng hai khoản trên"), benefit + allowance, is_total=True))
    result.is_ok = True
    result.verdict = _("Bạn được nghỉ %(months)s tháng và nhận khoảng %(total)s.") % {
        "months": months,
        "total": money(benefit + allowance),
    }
    result.notes.append(
        _(
            "Nghỉ trước khi sinh không quá 02 tháng; thời gian nghỉ tính cả ngày lễ, tết, nghỉ hằng tuần (Điều 53 "
            "khoản 9) và được tính là thời gian đóng bảo hiểm xã hội, không phải đóng (khoản 8). Đóng chưa đủ 6 "
            "tháng thì mức bình quân tính trên các tháng đã đóng (Điều 59 khoản 1); tháng có ngày lẻ tính mỗi ngày "
            "bằng 1/30 mức tháng (khoản 3)."
        )
    )
    return result


def _father(*, book: ParameterBook, data: MaternityInput) -> Result:
    result = Result(title=_("Chế độ thai sản khi vợ sinh con (cha)"), on=data.born_on)
    days, article = father_days(children=data.children, surgery=data.caesarean_or_premature)
    monthly = data.average_wage_vnd
    daily = round_vnd(Decimal(monthly) / 24)
    benefit = round_vnd(Decimal(daily) * days)
    result.cite(cite("Điều 50 khoản 1"), cite(article), cite("Điều 59 khoản 2"))
    result.add(Line(_("Số ngày làm việc được nghỉ"), article, Decimal(days), "days"))
    result.add(Line(_("Trợ cấp một ngày"), _("%(wage)s ÷ 24 ngày") % {"wage": money(monthly)}, daily))
    result.add(
        Line(_("Trợ cấp thai sản"), _("%(daily)s × %(days)s ngày") % {"daily": money(daily), "days": days}, benefit)
    )
    total = benefit
    if not data.mother_qualifies and data.months_paid_last_12 >= MONTHS_FOR_BIRTH:
        reference = book.get(Key.REFERENCE_LEVEL, on=data.born_on)
        allowance = round_vnd(ALLOWANCE_REFERENCE_LEVELS * reference.value * data.children)
        total += allowance
        result.cite(cite("Điều 58 khoản 1"), cite("Điều 58 khoản 4"), reference)
        result.add(
            Line(
                _("Trợ cấp một lần khi sinh con (vợ không đủ điều kiện)"),
                _("2 × mức tham chiếu %(reference)s × %(children)s con")
                % {"reference": money(int(reference.value)), "children": data.children},
                allowance,
            )
        )
    result.add(Line(_("Tổng cộng"), "", total, is_total=True))
    result.is_ok = True
    result.verdict = _("Bạn được nghỉ %(days)s ngày làm việc và nhận khoảng %(total)s.") % {
        "days": vn_decimal(days),
        "total": money(total),
    }
    result.notes.append(
        _(
            "Phải bắt đầu nghỉ trong 60 ngày kể từ ngày vợ sinh; có thể nghỉ nhiều lần trong tổng số ngày đó (Điều 53 khoản 3)."
        )
    )
    return result
