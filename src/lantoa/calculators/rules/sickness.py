"""Sickness benefit (trợ cấp ốm đau) under Luật BHXH 41/2024 (from 01/07/2025): Điều 42–45.

The days a year (Điều 43 khoản 1, Điều 44 khoản 1), the 75 % and the month of 24 days (Điều 45 khoản 2, 5) are
written in the law itself, so they are cited here, not stored as parameters.
"""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from lantoa.calculators.numbers import money, round_vnd, vn_decimal
from lantoa.calculators.parameters import Citation
from lantoa.calculators.rules.base import Line, Result, law

LAW, LAW_FROM, SLUG = "Luật Bảo hiểm xã hội 41/2024/QH15", dt.date(2025, 7, 1), "41-2024-qh15"
SHARE = Decimal("0.75")
DAYS_IN_MONTH = 24
# Điều 43 khoản 1: days a year by years of compulsory insurance (under 15, 15 to under 30, 30 and more).
OWN_DAYS = {False: (30, 40, 60), True: (40, 50, 70)}  # heavy, toxic or dangerous work / hardship area → True
CHILD_DAYS_UNDER_3, CHILD_DAYS_UNDER_7 = 20, 15


def cite(article: str) -> Citation:
    number = article.split()[1]
    return law(LAW, article, LAW_FROM, f"/phap-luat/{SLUG}/dieu-{number}")


def require_law(on: dt.date, what: str) -> None:
    if on < LAW_FROM:
        raise ValidationError(
            _(
                "Công cụ tính %(what)s theo Luật Bảo hiểm xã hội 41/2024/QH15, áp dụng từ 01/07/2025; ngày %(day)s "
                "còn theo Luật 58/2014/QH13, chưa được tính ở đây."
            ),
            code="no_rule",
            params={"what": what, "day": on.strftime("%d/%m/%Y")},
        )


@dataclass(frozen=True)
class SicknessInput:
    on: dt.date  # first day off work
    wage_vnd: int  # contribution wage of the month before the month off (Điều 45 khoản 1 điểm a)
    days_off: Decimal  # working days off, halves allowed (Điều 45 khoản 5)
    days_used: Decimal = Decimal(0)  # days of the same kind already paid this calendar year
    insured_years: int = 0  # full years of compulsory social insurance
    heavy_work: bool = False
    child_age: int | None = None  # caring for a sick child of this age (Điều 44), else the worker's own illness


def max_days(data: SicknessInput) -> tuple[int, str]:
    """The most days a year and the article saying so."""
    if data.child_age is not None:
        if data.child_age < 3:
            return CHILD_DAYS_UNDER_3, "Điều 44 khoản 1"
        return CHILD_DAYS_UNDER_7, "Điều 44 khoản 1"
    band = 0 if data.insured_years < 15 else 1 if data.insured_years < 30 else 2
    return OWN_DAYS[data.heavy_work][band], "Điều 43 khoản 1 điểm b" if data.heavy_work else "Điều 43 khoản 1 điểm a"


def sickness_benefit(*, data: SicknessInput) -> Result:
    require_law(data.on, _("trợ cấp ốm đau"))
    if data.wage_vnd <= 0:
        raise ValidationError(_("Hãy nhập tiền lương đóng bảo hiểm xã hội của tháng trước."), code="wage_missing")
    if data.days_off <= 0 or data.days_off * 2 != int(data.days_off * 2):
        raise ValidationError(_("Số ngày nghỉ phải lớn hơn 0, tính theo nửa ngày."), code="days_invalid")
    if data.child_age is not None and not 0 <= data.child_age < 7:
        raise ValidationError(_("Chế độ chăm sóc con ốm đau chỉ áp dụng với con dưới 07 tuổi."), code="child_too_old")
    title = _("Trợ cấp chăm sóc con ốm đau") if data.child_age is not None else _("Trợ cấp ốm đau")
    result = Result(title=title, on=data.on)
    most, article = max_days(data)
    left = max(Decimal(most) - data.days_used, Decimal(0))
    paid = min(data.days_off, left)
    result.cite(cite("Điều 42 khoản 1"), cite(article), cite("Điều 45 khoản 2"), cite("Điều 45 khoản 5"))
    monthly = round_vnd(SHARE * data.wage_vnd)
    daily = round_vnd(Decimal(monthly) / DAYS_IN_MONTH)
    result.add(Line(_("Mức hưởng một tháng"), _("75%% × %(wage)s") % {"wage": money(data.wage_vnd)}, monthly))
    result.add(Line(_("Mức hưởng một ngày"), _("%(monthly)s ÷ 24 ngày") % {"monthly": money(monthly)}, daily))
    result.add(
        Line(
            _("Số ngày được hưởng"),
            _("tối đa %(most)s ngày một năm (%(article)s), đã hưởng %(used)s ngày")
            % {"most": most, "article": article, "used": vn_decimal(data.days_used)},
            paid,
            unit="days",
        )
    )
    amount = round_vnd(Decimal(daily) * paid)
    result.add(Line(title, _("%(daily)s × %(days)s ngày") % {"daily": money(daily), "days": vn_decimal(paid)}, amount, is_total=True))  # fmt: skip
    result.is_ok = paid > 0
    result.verdict = _("%(title)s: %(amount)s cho %(days)s ngày làm việc nghỉ.") % {
        "title": title,
        "amount": money(amount),
        "days": vn_decimal(paid),
    }
    if data.days_off > paid:
        result.warnings.append(
            _(
                "%(extra)s ngày nghỉ vượt số ngày tối đa còn lại trong năm nên không được tính. Bệnh thuộc danh mục "
                "cần chữa trị dài ngày được hưởng tiếp với mức 50–65%% (Điều 43 khoản 2, Điều 45 khoản 3) – công cụ "
                "không tính phần này."
            )
            % {"extra": vn_decimal(data.days_off - paid)}
        )
    result.notes.append(
        _(
            "Ngày nghỉ tính theo ngày làm việc, không kể ngày lễ, tết, ngày nghỉ hằng tuần; nghỉ dưới nửa ngày tính "
            "nửa ngày, từ nửa ngày đến dưới một ngày tính một ngày (Điều 45 khoản 5). Không hưởng khi tự gây thương "
            "tích, dùng ma túy, hoặc lần đầu nghỉ vì tai nạn lao động, bệnh nghề nghiệp (Điều 42 khoản 2)."
        )
    )
    return result
