"""Rest to recover health (dưỡng sức, phục hồi sức khỏe) after sickness or maternity, picked by its first day.

After sickness: 58/2014 Điều 29 (leave from 01/01/2016 to 30/06/2025), 41/2024 Điều 46 (from 01/07/2025); after
maternity: 58/2014 Điều 41, 41/2024 Điều 60. The most days of each case and the 30 % a day are written in the laws; the
base salary (58/2014) or reference level (41/2024) it is taken of comes from the parameter book, on the first day of
rest (the laws name no other day).
"""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from lantoa.calculators.numbers import money, round_vnd
from lantoa.calculators.parameters import Key, ParameterBook
from lantoa.calculators.rules.base import Line, Result
from lantoa.calculators.rules.maternity.common import ARTICLES as MATERNITY_ARTICLES
from lantoa.calculators.rules.social_insurance import InsuranceLaw, insurance_law_on

SICKNESS, MATERNITY = "sickness", "maternity"
LONG_TERM, SURGERY, MULTIPLE, CAESAREAN, OTHER = "long_term", "surgery", "multiple", "caesarean", "other"
BIRTH, MISCARRIAGE, SURROGATE = "birth", "miscarriage", "surrogate"  # the maternity leave that ended
CASE_DAYS = {LONG_TERM: (10, "a"), SURGERY: (7, "b"), MULTIPLE: (10, "a"), CAESAREAN: (7, "b"), OTHER: (5, "c")}
SICKNESS_CASES, MATERNITY_CASES = {LONG_TERM, SURGERY, OTHER}, {MULTIPLE, CAESAREAN, OTHER}
DAYS_A_YEAR = 10  # after sickness, 10 days a year at most (58/2014 Điều 29 khoản 1; 41/2024 Điều 46 khoản 1)
SICK_DAYS_NEEDED = 30  # 41/2024 Điều 46 khoản 1
WINDOW_DAYS = 30
SHARE = Decimal("0.3")
SURROGATE_REST = "Điều 54 khoản 3 điểm b"


@dataclass(frozen=True)
class RecoveryInput:
    after: str  # SICKNESS or MATERNITY
    on: dt.date  # first day of rest; it picks the law and the base salary / reference level
    case: str = OTHER
    days_off: Decimal | None = None  # the days the employer and the union decided; blank = the most
    leave_ended_on: dt.date | None = None  # last day of the sickness or maternity leave
    sick_days: Decimal = Decimal(0)  # 41/2024: sickness days taken this year
    sick_days_used_up: bool = False  # 58/2014: took all the sickness days of Điều 26 this year
    rest_days_used: int = 0  # rest days after sickness already taken this year
    maternity_leave: str = BIRTH
    returned_early: bool = False  # 41/2024 Điều 60 khoản 4: back to work before the end of the birth leave
    contract_ended_before_birth: bool = False  # 41/2024 Điều 54 khoản 3 điểm b: a surrogate who left before the birth


def _article(after: str, rule: InsuranceLaw) -> str:
    if after == SICKNESS:
        return "Điều 46" if rule.is_2024 else "Điều 29"
    return "Điều 60" if rule.is_2024 else "Điều 41"


def _refuse(result: Result, reason: str) -> Result:
    result.is_ok = False
    result.verdict = reason
    result.add(Line(_("Trợ cấp dưỡng sức, phục hồi sức khỏe"), _("không đủ điều kiện"), 0, is_total=True))
    return result


def _condition(data: RecoveryInput, rule: InsuranceLaw, article: str) -> str | None:
    """Why the rest is not due, or None."""
    law = {"law": rule.document, "article": article}
    if data.after == SICKNESS:
        if rule.is_2024 and data.sick_days < SICK_DAYS_NEEDED:
            return (
                _(
                    "Chỉ được nghỉ dưỡng sức sau ốm đau khi đã nghỉ hưởng chế độ ốm đau từ đủ 30 ngày trở lên trong năm "
                    "(%(law)s, %(article)s khoản 1)."
                )
                % law
            )
        if not rule.is_2024 and not data.sick_days_used_up:
            return (
                _(
                    "Chỉ được nghỉ dưỡng sức sau ốm đau khi đã nghỉ hưởng chế độ ốm đau đủ số ngày tối đa trong năm theo "
                    "Điều 26 (%(law)s, %(article)s khoản 1)."
                )
                % law
            )
        if data.rest_days_used >= DAYS_A_YEAR:
            return _("Đã nghỉ đủ 10 ngày dưỡng sức sau ốm đau trong năm (%(law)s, %(article)s khoản 1).") % law
        return None
    allowed = {BIRTH, MISCARRIAGE, SURROGATE} if rule.is_2024 else {BIRTH, MISCARRIAGE}
    if data.maternity_leave not in allowed:
        return (
            _(
                "Dưỡng sức sau thai sản chỉ áp dụng sau khi nghỉ sinh con (kể cả khi con chết), sảy thai, phá thai, thai "
                "chết lưu, và sau khi lao động nữ mang thai hộ sinh con (%(law)s, Điều 60 khoản 1)."
            )
            if rule.is_2024
            else _(
                "Dưỡng sức sau thai sản chỉ áp dụng sau khi nghỉ sinh con (kể cả khi con chết) và sảy thai, nạo, hút "
                "thai, thai chết lưu (%(law)s, Điều 41 khoản 1); trường hợp mang thai hộ do Nghị định hướng dẫn chưa "
                "có trong thư viện."
            )
        ) % law
    if rule.is_2024 and data.maternity_leave == SURROGATE and data.contract_ended_before_birth:
        return _(
            "Lao động nữ mang thai hộ đã chấm dứt hợp đồng lao động, hợp đồng làm việc hoặc thôi việc trước thời điểm "
            "sinh con thì không được nghỉ dưỡng sức sau khi sinh (%(law)s, %(surrogate)s)."
        ) % (law | {"surrogate": SURROGATE_REST})
    if rule.is_2024 and data.returned_early and data.maternity_leave == BIRTH:
        return (
            _(
                "Lao động nữ trở lại làm việc trước khi hết thời gian nghỉ sinh con thì không được nghỉ dưỡng sức "
                "(%(law)s, Điều 60 khoản 4)."
            )
            % law
        )
    return None


def _window(result: Result, data: RecoveryInput, rule: InsuranceLaw, article: str) -> str | None:
    ended = data.leave_ended_on
    if ended is None:
        result.notes.append(_("Phải nghỉ trong 30 ngày kể từ khi hết thời gian hưởng chế độ (%(article)s khoản 1).") % {"article": article})  # fmt: skip
        return None
    if data.on <= ended:
        raise ValidationError(
            _("Ngày bắt đầu nghỉ dưỡng sức phải sau ngày cuối cùng hưởng chế độ."), code="rest_before_end"
        )
    if data.on > ended + dt.timedelta(days=WINDOW_DAYS):
        return _(
            "Ngày bắt đầu nghỉ dưỡng sức đã quá 30 ngày kể từ khi hết thời gian hưởng chế độ (%(law)s, %(article)s "
            "khoản 1)."
        ) % {"law": rule.document, "article": article}
    return None


def recovery_benefit(*, book: ParameterBook, data: RecoveryInput) -> Result:
    if data.after not in (SICKNESS, MATERNITY):
        raise ValidationError(_("Hãy chọn nghỉ dưỡng sức sau ốm đau hay sau thai sản."), code="after_invalid")
    if data.case not in (SICKNESS_CASES if data.after == SICKNESS else MATERNITY_CASES):
        raise ValidationError(
            _("Trường hợp đã chọn không thuộc chế độ này (sau ốm đau: bệnh dài ngày, phẫu thuật; sau thai sản: sinh "
              "từ hai con, sinh phẫu thuật)."),
            code="case_invalid",
        )  # fmt: skip
    rule = insurance_law_on(data.on, _("chế độ dưỡng sức, phục hồi sức khỏe"))
    article = _article(data.after, rule)
    title = (
        _("Dưỡng sức, phục hồi sức khỏe sau ốm đau")
        if data.after == SICKNESS
        else _("Dưỡng sức, phục hồi sức khỏe sau thai sản")
    )
    result = Result(title=title, on=data.on)
    result.cite(rule.cite(f"{article} khoản 1"))
    if rule.is_2024 and data.after == MATERNITY and data.maternity_leave == SURROGATE:
        result.cite(rule.cite(SURROGATE_REST))
    reason = _condition(data, rule, article) or _window(result, data, rule, article)
    if reason:
        return _refuse(result, reason)
    most, point = CASE_DAYS[data.case]
    where = f"{article} khoản 2 điểm {point}"
    if data.after == SICKNESS:
        most = min(most, DAYS_A_YEAR - data.rest_days_used)
    paid = most
    if data.days_off is not None:
        if data.days_off <= 0 or data.days_off != int(data.days_off):
            raise ValidationError(_("Số ngày nghỉ phải là số ngày nguyên, lớn hơn 0."), code="days_invalid")
        paid = min(int(data.days_off), most)
        if data.days_off > most:
            result.warnings.append(
                _("%(extra)s ngày vượt số ngày tối đa nên không được tính (%(article)s).")
                % {"extra": int(data.days_off) - most, "article": where}
            )
    reference = book.get(Key.REFERENCE_LEVEL, on=data.on)
    per_day = round_vnd(SHARE * reference.value)
    amount = per_day * paid
    result.cite(rule.cite(where), rule.cite(f"{article} khoản 3"), reference)
    result.add(Line(_("Số ngày nghỉ dưỡng sức"), _("tối đa %(most)s ngày (%(article)s)") % {"most": most, "article": where}, Decimal(paid), "days"))  # fmt: skip
    name = MATERNITY_ARTICLES[rule].reference_name
    result.add(
        Line(
            _("Mức hưởng một ngày"),
            _("30%% × %(name)s %(reference)s") % {"name": name, "reference": money(int(reference.value))},
            per_day,
        )
    )
    result.add(
        Line(
            _("Trợ cấp dưỡng sức, phục hồi sức khỏe"),
            _("%(daily)s × %(days)s ngày") % {"daily": money(per_day), "days": paid},
            amount,
            is_total=True,
        )
    )
    result.is_ok = True
    result.verdict = _("Bạn được nghỉ dưỡng sức %(days)s ngày và nhận khoảng %(amount)s (%(law)s, %(article)s).") % {
        "days": paid,
        "amount": money(amount),
        "law": rule.document,
        "article": article,
    }
    _notes(result, data, rule, article)
    return result


def _notes(result: Result, data: RecoveryInput, rule: InsuranceLaw, article: str) -> None:
    result.notes.append(
        _(
            "Số ngày nghỉ do người sử dụng lao động và Ban Chấp hành công đoàn cơ sở quyết định (chưa có công đoàn: "
            "người sử dụng lao động quyết định); tính cả ngày lễ, tết, nghỉ hằng tuần; nghỉ từ cuối năm sang đầu năm "
            "sau thì tính cho năm trước (%(article)s khoản 1, 2)."
        )
        % {"article": article}
    )
    if data.after == SICKNESS and not rule.is_2024 and data.case == OTHER:
        result.notes.append(_("Luật 58/2014/QH13 Điều 29 khoản 2 điểm c ghi “bằng 05 ngày” cho các trường hợp khác."))
