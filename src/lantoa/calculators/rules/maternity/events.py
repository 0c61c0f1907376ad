"""Maternity cases other than a birth or a child received: check-ups (58/2014 Điều 32; 41/2024 Điều 51), miscarriage
and the like (Điều 33; Điều 52) and contraception (Điều 37; Điều 57)."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from lantoa.calculators.numbers import money, round_vnd
from lantoa.calculators.parameters import ParameterBook
from lantoa.calculators.rules.base import Line, Result
from lantoa.calculators.rules.maternity.birth import mother_birth
from lantoa.calculators.rules.maternity.common import (
    ARTICLES,
    IUD,
    MaternityInput,
    average_wage,
    daily,
    whole_days,
)
from lantoa.calculators.rules.social_insurance import InsuranceLaw

CHECK_UPS, CHECK_UP_DAYS_MOST = 5, 2
MISCARRIAGE_DAYS = (10, 20, 40, 50)
AS_BIRTH_FROM_WEEK = 22  # 41/2024 Điều 52 khoản 2
IUD_DAYS, STERILISATION_DAYS = 7, 15


def _days_result(
    *, result: Result, data: MaternityInput, rule: InsuranceLaw, most: int, article: str, per: int, kind: str
) -> Result:
    """Days of leave (at most `most`, `article`), each a 24th or a 30th of the monthly benefit."""
    articles = ARTICLES[rule]
    result.cite(rule.cite(article), rule.cite(articles.per_24 if per == 24 else articles.per_30))
    monthly = average_wage(result, data, rule, short_allowed=True)
    paid, asked = whole_days(data, most)
    per_day = daily(monthly, per)
    amount = round_vnd(Decimal(per_day) * paid)
    result.add(Line(_("Số ngày được nghỉ"), _("tối đa %(most)s ngày %(kind)s (%(article)s)") % {"most": most, "kind": kind, "article": article}, Decimal(paid), "days"))  # fmt: skip
    result.add(
        Line(_("Trợ cấp một ngày"), _("%(wage)s ÷ %(per)s ngày") % {"wage": money(monthly), "per": per}, per_day)
    )
    result.add(Line(_("Trợ cấp thai sản"), _("%(daily)s × %(days)s ngày") % {"daily": money(per_day), "days": paid}, amount, is_total=True))  # fmt: skip
    result.is_ok = True
    result.verdict = _("Bạn được nghỉ %(days)s ngày và nhận khoảng %(amount)s (%(law)s).") % {
        "days": paid,
        "amount": money(amount),
        "law": rule.document,
    }
    if asked > paid:
        result.warnings.append(
            _("%(extra)s ngày vượt số ngày tối đa nên không được tính (%(article)s).")
            % {"extra": asked - paid, "article": article}
        )
    result.notes.append(
        _(
            "Trường hợp này không đòi hỏi số tháng đóng tối thiểu, chỉ cần đang đóng bảo hiểm xã hội bắt buộc; số ngày "
            "nghỉ theo chỉ định của cơ sở khám bệnh, chữa bệnh (bỏ trống thì tính số ngày tối đa)."
        )
    )
    return result


def prenatal(*, data: MaternityInput, rule: InsuranceLaw) -> Result:
    articles = ARTICLES[rule]
    result = Result(title=_("Chế độ thai sản khi khám thai"), on=data.first_day_off)
    per_visit = CHECK_UP_DAYS_MOST if rule.is_2024 or data.far_or_pathology else 1
    if data.days_off is None:
        raise ValidationError(_("Hãy nhập số ngày làm việc nghỉ để khám thai."), code="days_missing")
    result.notes.append(
        _("Khám thai: %(most)s; tính theo ngày làm việc, không kể ngày lễ, tết, nghỉ hằng tuần (%(article)s).")
        % {"most": articles.prenatal_most, "article": articles.prenatal}
    )
    return _days_result(
        result=result,
        data=data,
        rule=rule,
        most=CHECK_UPS * per_visit,
        article=articles.prenatal,
        per=24,
        kind=_("làm việc"),
    )


def miscarriage_band(weeks: int, rule: InsuranceLaw) -> tuple[int, str]:
    """(most days, the point of the article) for a pregnancy of `weeks` full weeks."""
    bounds = ARTICLES[rule].miscarriage_weeks
    band = sum(weeks >= bound for bound in bounds)
    return MISCARRIAGE_DAYS[band], f"{ARTICLES[rule].miscarriage} điểm {'abcd'[band]}"


def miscarriage(*, book: ParameterBook, data: MaternityInput, rule: InsuranceLaw) -> Result:
    if data.weeks_pregnant is None:
        raise ValidationError(_("Hãy nhập tuổi thai (số tuần)."), code="weeks_missing")
    if rule.is_2024 and data.weeks_pregnant >= AS_BIRTH_FROM_WEEK and data.months_paid_last_12 is not None:
        title = _("Chế độ thai sản khi thai từ đủ 22 tuần bị sảy, phá, chết (như sinh con)")
        as_birth = mother_birth(book=book, data=data, rule=rule, title=title, with_allowance=False)
        if as_birth.is_ok:
            as_birth.cite(rule.cite("Điều 52 khoản 2"))
            as_birth.notes.append(
                _(
                    "Thai từ đủ 22 tuần tuổi, người mẹ đủ điều kiện: mẹ và chồng được nghỉ như khi sinh con (Điều 52 "
                    "khoản 2; số ngày của chồng: chọn “Người chồng”). Trợ cấp một lần (Điều 58) chỉ ghi cho trường hợp "
                    "sinh con nên không được cộng ở đây."
                )
            )
            return as_birth
    most, article = miscarriage_band(data.weeks_pregnant, rule)
    result = Result(title=_("Chế độ thai sản khi sảy thai, phá thai, thai chết lưu"), on=data.first_day_off)
    result.notes.append(_("Thời gian nghỉ tính cả ngày lễ, tết, ngày nghỉ hằng tuần."))
    return _days_result(result=result, data=data, rule=rule, most=most, article=article, per=30, kind=_("liên tục"))


def contraception(*, data: MaternityInput, rule: InsuranceLaw) -> Result:
    article = ARTICLES[rule].contraception
    if data.event == IUD:
        most, point, title = IUD_DAYS, "điểm a", _("Chế độ thai sản khi đặt vòng (dụng cụ tránh thai trong tử cung)")
    else:
        most, point, title = STERILISATION_DAYS, "điểm b", _("Chế độ thai sản khi thực hiện biện pháp triệt sản")
    result = Result(title=title, on=data.first_day_off)
    where = f"{article} {point}" if not rule.is_2024 else article  # 41/2024 Điều 57 khoản 1 has no points
    result.notes.append(_("Thời gian nghỉ tính cả ngày lễ, tết, ngày nghỉ hằng tuần."))
    return _days_result(result=result, data=data, rule=rule, most=most, article=where, per=30, kind=_("liên tục"))
