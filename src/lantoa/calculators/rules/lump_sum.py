"""One-time social insurance (bảo hiểm xã hội một lần): who may have it and how much.

Luật BHXH 41/2024 Điều 70 for a decision from 01/07/2025 (months counted as its Điều 5 khoản 6 says), Luật BHXH
58/2014 Điều 60 before. The cases, the 15 or 20 years, the 1,5 and 2 months a year and the cap of 2 months for less
than a year are written in the laws themselves, so they are cited here; the contribution rates come from the book.
"""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from lantoa.calculators.numbers import money, round_vnd, vn_decimal
from lantoa.calculators.parameters import Citation, Key, ParameterBook
from lantoa.calculators.rules.base import Line, Result, law

LAW_2014, LAW_2014_FROM, SLUG_2014 = "Luật Bảo hiểm xã hội 58/2014/QH13", dt.date(2016, 1, 1), "58-2014-qh13"
LAW_2024, LAW_2024_FROM, SLUG_2024 = "Luật Bảo hiểm xã hội 41/2024/QH15", dt.date(2025, 7, 1), "41-2024-qh15"
PER_YEAR_BEFORE_2014, PER_YEAR_FROM_2014, CAP_UNDER_A_YEAR = Decimal("1.5"), Decimal(2), Decimal(2)
MAX_MONTHS = 12 * 60

RETIREMENT_AGE, ABROAD, ILLNESS, DISABILITY, LEFT_JOB = "retirement_age", "abroad", "illness", "disability", "left_job"
# case → the point of Điều 70 khoản 1 (2024) and of Điều 60 khoản 1 (2014) that allows it ("" = not allowed)
POINTS = {
    RETIREMENT_AGE: ("điểm a", "điểm a"),
    ABROAD: ("điểm b", "điểm b"),
    ILLNESS: ("điểm c", "điểm c"),
    DISABILITY: ("điểm d", ""),
    LEFT_JOB: ("điểm đ", ""),
}


@dataclass(frozen=True)
class LumpSumInput:
    decided_on: dt.date  # the day the social-insurance office decides (Điều 70 khoản 5), or the day asked
    case: str
    months_before_2014: int
    months_from_2014: int
    average_wage_vnd: int  # average monthly wage contributions were based on (already adjusted, as the office does)
    paid_before_july_2025: bool = True
    months_without_insurance: int = 0  # months in a row, up to the month before the request, without any BHXH


@dataclass(frozen=True)
class _Law:
    document: str
    valid_from: dt.date
    slug: str
    article: int
    years_for_pension: int


def _law_on(on: dt.date) -> _Law:
    if on >= LAW_2024_FROM:
        return _Law(LAW_2024, LAW_2024_FROM, SLUG_2024, 70, 15)
    if on >= LAW_2014_FROM:
        return _Law(LAW_2014, LAW_2014_FROM, SLUG_2014, 60, 20)
    raise ValidationError(
        _("Chưa có quy định về bảo hiểm xã hội một lần áp dụng cho ngày %(day)s trong công cụ này."),
        code="no_rule",
        params={"day": on.strftime("%d/%m/%Y")},
    )


def _cite(rule: _Law, article: str, number: int | None = None) -> Citation:
    return law(rule.document, article, rule.valid_from, f"/phap-luat/{rule.slug}/dieu-{number or rule.article}")


def counted_years(months: int) -> Decimal:
    """Luật 41/2024 Điều 5 khoản 6: whole years; 1–6 odd months count as half a year, 7–11 as a year."""
    years, odd = divmod(months, 12)
    return Decimal(years) + (Decimal(0) if odd == 0 else Decimal("0.5") if odd <= 6 else Decimal(1))


def _refusal(rule: _Law, data: LumpSumInput, total: int) -> tuple[str, str] | None:
    """Why the case gives no lump sum under the law in force (the article cited, the reason), or None."""
    point = POINTS[data.case][0 if rule.document == LAW_2024 else 1]
    if not point:
        return (
            f"Điều {rule.article} khoản 1",
            _("Luật này không có trường hợp đó trong các trường hợp được hưởng bảo hiểm xã hội một lần"),
        )
    where = f"Điều {rule.article} khoản 1 {point}"
    if data.case == RETIREMENT_AGE and total >= rule.years_for_pension * 12:
        return where, _("đã đủ %(years)s năm đóng nên được hưởng lương hưu, không thuộc trường hợp hưởng một lần") % {
            "years": rule.years_for_pension
        }
    if data.case == LEFT_JOB:
        if not data.paid_before_july_2025:
            return where, _(
                "chỉ người có thời gian đóng bảo hiểm xã hội trước ngày 01/07/2025 mới được hưởng một lần vì nghỉ "
                "việc; người bắt đầu đóng từ 01/07/2025 không còn được rút bảo hiểm xã hội một lần khi nghỉ việc"
            )
        if data.months_without_insurance < 12:
            return where, _("phải sau 12 tháng liên tục không đóng bảo hiểm xã hội bắt buộc và tự nguyện")
        if total >= 240:
            return where, _("chỉ áp dụng khi thời gian đóng bảo hiểm xã hội chưa đủ 20 năm")
    return None


def lump_sum(*, book: ParameterBook, data: LumpSumInput) -> Result:
    total = data.months_before_2014 + data.months_from_2014
    if data.case not in POINTS:
        raise ValidationError(_("Hãy chọn trường hợp của bạn."), code="case_missing")
    if not 0 < total <= MAX_MONTHS or min(data.months_before_2014, data.months_from_2014) < 0:
        raise ValidationError(
            _("Tổng số tháng đóng bảo hiểm xã hội phải từ 1 đến %(max)s."), code="months_out_of_range", params={"max": MAX_MONTHS}
        )  # fmt: skip
    if data.average_wage_vnd <= 0:
        raise ValidationError(_("Hãy nhập mức bình quân tiền lương tháng đóng bảo hiểm xã hội."), code="wage_missing")
    rule = _law_on(data.decided_on)
    result = Result(title=_("Bảo hiểm xã hội một lần"), on=data.decided_on)
    refusal = _refusal(rule, data, total)
    if refusal:
        article, why = refusal
        result.cite(_cite(rule, article))
        result.is_ok = False
        result.verdict = _("Không được hưởng bảo hiểm xã hội một lần (%(law)s, %(article)s): %(why)s.") % {
            "law": rule.document,
            "article": article,
            "why": why,
        }
        result.add(Line(result.title, _("không thuộc trường hợp được hưởng"), 0, is_total=True))
        result.notes.append(
            _("Thời gian đã đóng được bảo lưu để tính lương hưu hoặc trợ cấp sau này khi bạn tiếp tục tham gia.")
        )
        return result
    point = POINTS[data.case][0 if rule.document == LAW_2024 else 1]
    result.cite(_cite(rule, f"Điều {rule.article} khoản 1 {point}"))
    wage = data.average_wage_vnd
    amount = _amount(book=book, rule=rule, data=data, total=total, result=result)
    result.add(Line(_("Bảo hiểm xã hội một lần"), _("cộng các dòng trên"), amount, is_total=True))
    result.is_ok = True
    result.verdict = _("Bảo hiểm xã hội một lần khoảng %(amount)s (mức bình quân tiền lương %(wage)s).") % {
        "amount": money(amount),
        "wage": money(wage),
    }
    result.notes.append(
        _(
            "Mức bình quân tiền lương do cơ quan bảo hiểm xã hội tính (tiền lương các năm trước được điều chỉnh theo "
            "chỉ số giá); số tiền chính thức là số trong quyết định của cơ quan bảo hiểm xã hội."
        )
    )
    if rule.document == LAW_2014:
        result.notes.append(
            _(
                "Trước 01/07/2025, người tham gia trước 01/01/2016 còn được hưởng một lần sau 01 năm nghỉ việc theo "
                "Nghị quyết 93/2015/QH13 – nghị quyết này chưa có trong thư viện, công cụ không tính trường hợp đó."
            )
        )
    return result


def _amount(*, book: ParameterBook, rule: _Law, data: LumpSumInput, total: int, result: Result) -> int:
    wage = data.average_wage_vnd
    khoan = "khoản 3" if rule.document == LAW_2024 else "khoản 2"
    if total < 12:
        worker = book.get(Key.SI_RETIREMENT_WORKER, on=data.decided_on)
        employer = book.get(Key.SI_RETIREMENT_EMPLOYER, on=data.decided_on)
        rate = worker.value + employer.value
        paid = round_vnd(Decimal(wage) * rate / 100 * total)
        cap = round_vnd(CAP_UNDER_A_YEAR * wage)
        result.cite(_cite(rule, f"Điều {rule.article} {khoan} điểm c"), worker, employer)
        result.add(
            Line(
                _("Số tiền đã đóng vào quỹ hưu trí, tử tuất"),
                _("%(rate)s%% × %(wage)s × %(months)s tháng")
                % {"rate": vn_decimal(rate), "wage": money(wage), "months": total},
                paid,
            )
        )
        result.add(Line(_("Mức tối đa khi đóng chưa đủ một năm"), _("2 × %(wage)s") % {"wage": money(wage)}, cap))
        result.notes.append(
            _(
                "Đóng chưa đủ một năm: mức hưởng bằng số tiền đã đóng, tính ở đây theo tỷ lệ đóng vào quỹ hưu trí, "
                "tử tuất của người lao động và người sử dụng lao động – cách tính này cần đối chiếu hướng dẫn."
            )
        )
        return min(paid, cap)
    before, after = data.months_before_2014, data.months_from_2014
    if before and after:  # Điều 70 khoản 3 điểm a: odd months before 2014 move to the period from 2014
        after += before % 12
        before -= before % 12
    years_before, years_after = counted_years(before), counted_years(after)
    result.cite(_cite(rule, f"Điều {rule.article} {khoan} điểm a, b"))
    if rule.document == LAW_2024:
        result.cite(_cite(rule, "Điều 5 khoản 6", 5))
    else:
        result.notes.append(
            _(
                "Tháng lẻ tính như Luật 41/2024 Điều 5 khoản 6 (1–6 tháng là nửa năm, 7–11 tháng là một năm); cần đối chiếu."
            )
        )
    amount = 0
    for years, per_year, label in (
        (years_before, PER_YEAR_BEFORE_2014, _("Những năm đóng trước năm 2014")),
        (years_after, PER_YEAR_FROM_2014, _("Những năm đóng từ năm 2014")),
    ):
        if years:
            part = round_vnd(years * per_year * wage)
            amount += part
            result.add(
                Line(
                    label,
                    _("%(years)s năm × %(per)s tháng × %(wage)s")
                    % {"years": vn_decimal(years), "per": vn_decimal(per_year), "wage": money(wage)},
                    part,
                )
            )
    return amount
