"""Overtime and night pay (Bộ luật Lao động Điều 98; Nghị định 145/2020 Điều 55–57) and the limits of Điều 107."""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from lantoa.calculators.numbers import money, percent, round_vnd, vn_decimal
from lantoa.calculators.parameters import Key, Param, ParameterBook
from lantoa.calculators.rules.base import Line, Result, blld, nd145

HUNDRED = Decimal(100)


class WageBasis:
    MONTH = "month"
    HOUR = "hour"
    PIECE = "piece"  # paid per product: the rates apply to the unit price and the products made as overtime


@dataclass(frozen=True)
class OvertimeInput:
    on: dt.date
    wage_vnd: int  # a month's wage, an hour's wage or one product's unit price, by `wage_basis`
    wage_basis: str = WageBasis.MONTH
    normal_days: Decimal = Decimal(26)  # normal working days in the month the wage pays for
    normal_hours: Decimal = Decimal(8)  # normal hours in a working day
    # Hours (or, paid per product, products) of the month by kind of day and time.
    weekday_hours: Decimal = Decimal(0)
    weekday_night_hours: Decimal = Decimal(0)
    rest_hours: Decimal = Decimal(0)
    rest_night_hours: Decimal = Decimal(0)
    holiday_hours: Decimal = Decimal(0)
    holiday_night_hours: Decimal = Decimal(0)
    night_hours: Decimal = Decimal(0)  # normal (not overtime) hours worked at night
    day_overtime_before_night: bool = False
    holiday_paid_days: Decimal = Decimal(0)  # holidays worked, for workers paid by the day
    longest_weekday_overtime: Decimal | None = None
    longest_rest_day_overtime: Decimal | None = None
    weekly_schedule: bool = False
    month_overtime_hours: Decimal | None = None
    year_overtime_hours: Decimal | None = None
    special_sector: bool = False


def hourly_wage(data: OvertimeInput) -> tuple[int, str]:
    if data.wage_basis == WageBasis.PIECE:
        return data.wage_vnd, _("đơn giá sản phẩm bạn nhập")
    if data.wage_basis == WageBasis.HOUR:
        return data.wage_vnd, _("lương giờ bạn nhập")
    hours = data.normal_days * data.normal_hours
    if hours <= 0:
        raise ValidationError(_("Số ngày và số giờ làm việc bình thường phải lớn hơn 0."), code="hours_zero")
    return round_vnd(Decimal(data.wage_vnd) / hours), _("%(wage)s ÷ (%(days)s ngày × %(hours)s giờ)") % {
        "wage": money(data.wage_vnd),
        "days": vn_decimal(data.normal_days),
        "hours": vn_decimal(data.normal_hours),
    }


def overtime_pay(*, book: ParameterBook, data: OvertimeInput) -> Result:
    on = data.on
    rates = {key: book.get(key, on=on) for key in (Key.OT_WEEKDAY, Key.OT_WEEKLY_REST, Key.OT_HOLIDAY)}
    night = book.get(Key.NIGHT_EXTRA, on=on)
    night_ot = book.get(Key.OT_NIGHT_EXTRA, on=on)
    result = Result(title=_("Tiền lương làm thêm giờ, làm việc ban đêm"), on=on)
    by_piece = data.wage_basis == WageBasis.PIECE
    if by_piece and data.holiday_paid_days > 0:
        raise ValidationError(
            _("Tiền lương của chính ngày lễ, tết chỉ tính cho người hưởng lương theo ngày, không theo sản phẩm."),
            code="piece_holiday_days",
        )
    hourly, how = hourly_wage(data)
    unit = _("sản phẩm") if by_piece else _("giờ")
    base_label = (
        _("Đơn giá sản phẩm làm trong giờ bình thường")
        if by_piece
        else _("Tiền lương giờ của ngày làm việc bình thường")
    )
    result.add(Line(base_label, how, hourly))
    total = 0

    def line(label: str, hours: Decimal, factor: Decimal, factor_text: str) -> None:
        nonlocal total
        if hours <= 0:
            return
        amount = round_vnd(Decimal(hourly) * factor / HUNDRED * hours)
        total += amount
        formula = _("%(hourly)s × %(factor)s × %(hours)s %(unit)s") % {
            "hourly": money(hourly),
            "factor": factor_text,
            "hours": vn_decimal(hours),
            "unit": unit,
        }
        result.add(Line(label, formula, amount))

    for key, hours, label in (
        (Key.OT_WEEKDAY, data.weekday_hours, _("Làm thêm ngày thường, ban ngày")),
        (Key.OT_WEEKLY_REST, data.rest_hours, _("Làm thêm ngày nghỉ hằng tuần, ban ngày")),
        (Key.OT_HOLIDAY, data.holiday_hours, _("Làm thêm ngày lễ, tết, ngày nghỉ có hưởng lương, ban ngày")),
    ):
        line(label, hours, rates[key].value, percent(rates[key].value))
    line(
        _("Làm việc ban đêm trong giờ bình thường – phần trả thêm"), data.night_hours, night.value, percent(night.value)
    )
    # Nghị định 145/2020 Điều 57: the day rate of an ordinary day is 100%, or 150% if the worker did day overtime first.
    weekday_day_rate = rates[Key.OT_WEEKDAY].value if data.day_overtime_before_night else HUNDRED
    for key, hours, day_rate, label in (
        (Key.OT_WEEKDAY, data.weekday_night_hours, weekday_day_rate, _("Làm thêm ngày thường, ban đêm")),
        (
            Key.OT_WEEKLY_REST,
            data.rest_night_hours,
            rates[Key.OT_WEEKLY_REST].value,
            _("Làm thêm ngày nghỉ hằng tuần, ban đêm"),
        ),
        (Key.OT_HOLIDAY, data.holiday_night_hours, rates[Key.OT_HOLIDAY].value, _("Làm thêm ngày lễ, tết, ban đêm")),
    ):
        factor = rates[key].value + night.value + night_ot.value * day_rate / HUNDRED
        text = (
            f"({percent(rates[key].value)} + {percent(night.value)} + {percent(night_ot.value)} × {percent(day_rate)})"
        )
        line(label, hours, factor, text)
    if data.holiday_paid_days > 0:
        amount = round_vnd(Decimal(hourly) * data.normal_hours * data.holiday_paid_days)
        total += amount
        result.add(
            Line(
                _("Tiền lương của chính ngày lễ, tết (người hưởng lương ngày)"),
                _("%(hourly)s × %(hours)s giờ × %(days)s ngày")
                % {
                    "hourly": money(hourly),
                    "hours": vn_decimal(data.normal_hours),
                    "days": vn_decimal(data.holiday_paid_days),
                },
                amount,
            )
        )
    result.add(Line(_("Tổng tiền làm thêm giờ, làm đêm được trả thêm"), _("cộng các dòng trên"), total, is_total=True))
    result.cite(*rates.values(), night, night_ot, nd145("Điều 55, 56, 57", 55))
    if by_piece:
        result.notes.append(
            _(
                "Lương theo sản phẩm: chỉ sản phẩm làm ngoài giờ bình thường, vượt định mức đã thỏa thuận, mới là làm "
                "thêm; các tỷ lệ nhân với đơn giá sản phẩm làm trong giờ bình thường (Nghị định 145/2020/NĐ-CP, "
                "khoản 2 các Điều 55, 56, 57)."
            )
        )
    else:
        result.notes.append(
            _(
                "Đây là mức ít nhất theo luật. Lương giờ tính trên lương thực trả của công việc đang làm, không gồm "
                "tiền thưởng, tiền ăn giữa ca, hỗ trợ đi lại, nhà ở (Nghị định 145/2020/NĐ-CP, Điều 55)."
            )
        )
    _check_limits(book=book, data=data, result=result)
    return result


def _check_limits(*, book: ParameterBook, data: OvertimeInput, result: Result) -> None:
    """Warnings when hours pass the limits of Điều 105 and Điều 107 (and Nghị định 145/2020 Điều 60)."""
    on = data.on
    normal_max = book.get(Key.NORMAL_HOURS_DAY_WEEKLY if data.weekly_schedule else Key.NORMAL_HOURS_DAY, on=on)
    if data.normal_hours > normal_max.value:
        result.warnings.append(
            _("Giờ làm việc bình thường %(hours)s giờ một ngày vượt quá %(max)s giờ (%(document)s, %(article)s).")
            % {"hours": vn_decimal(data.normal_hours), "max": vn_decimal(normal_max.value), **_source(normal_max)}
        )
        result.cite(normal_max)
    if data.longest_weekday_overtime is not None:
        if data.weekly_schedule:
            cap = book.get(Key.OT_DAY_TOTAL_WEEKLY, on=on)
            worked = data.normal_hours + data.longest_weekday_overtime
            if worked > cap.value:
                result.warnings.append(
                    _(
                        "Tổng giờ làm bình thường và làm thêm trong một ngày là %(hours)s giờ, vượt quá %(max)s giờ (%(document)s, %(article)s)."
                    )
                    % {"hours": vn_decimal(worked), "max": vn_decimal(cap.value), **_source(cap)}
                )
        else:
            cap = book.get(Key.OT_DAY_SHARE, on=on)
            allowed = data.normal_hours * cap.value / HUNDRED
            if data.longest_weekday_overtime > allowed:
                result.warnings.append(
                    _(
                        "Làm thêm %(hours)s giờ trong một ngày là vượt quá %(share)s số giờ làm việc bình thường "
                        "(tối đa %(max)s giờ) (%(document)s, %(article)s)."
                    )
                    % {
                        "hours": vn_decimal(data.longest_weekday_overtime),
                        "share": percent(cap.value),
                        "max": vn_decimal(allowed),
                        **_source(cap),
                    }
                )
        result.cite(cap)
    if data.longest_rest_day_overtime is not None:
        cap = book.get(Key.OT_REST_DAY, on=on)
        if data.longest_rest_day_overtime > cap.value:
            result.warnings.append(
                _(
                    "Làm thêm %(hours)s giờ trong một ngày nghỉ, ngày lễ là vượt quá %(max)s giờ (%(document)s, %(article)s)."
                )
                % {"hours": vn_decimal(data.longest_rest_day_overtime), "max": vn_decimal(cap.value), **_source(cap)}
            )
        result.cite(cap)
    month_hours = data.month_overtime_hours
    month_cap = book.get(Key.OT_MONTH, on=on)
    if month_hours is None and data.wage_basis == WageBasis.PIECE:
        # Paid per product, the entries above count products, not hours: Điều 107 limits hours.
        result.notes.append(
            _(
                "Giới hạn làm thêm tính theo giờ, không theo số sản phẩm: tối đa %(max)s giờ một tháng "
                "(%(document)s, %(article)s). Hãy nhập tổng số giờ làm thêm trong tháng để kiểm tra."
            )
            % {"max": vn_decimal(month_cap.value), **_source(month_cap)}
        )
        result.cite(month_cap)
    elif month_hours is None:
        month_hours = (
            data.weekday_hours
            + data.weekday_night_hours
            + data.rest_hours
            + data.rest_night_hours
            + data.holiday_hours
            + data.holiday_night_hours
        )
    if month_hours is not None and month_hours > month_cap.value:
        result.warnings.append(
            _("Tổng giờ làm thêm trong tháng là %(hours)s giờ, vượt quá %(max)s giờ (%(document)s, %(article)s).")
            % {"hours": vn_decimal(month_hours), "max": vn_decimal(month_cap.value), **_source(month_cap)}
        )
        result.cite(month_cap)
    if data.year_overtime_hours is not None:
        year_cap = book.get(Key.OT_YEAR_SPECIAL if data.special_sector else Key.OT_YEAR, on=on)
        if data.year_overtime_hours > year_cap.value:
            result.warnings.append(
                _("Tổng giờ làm thêm trong năm là %(hours)s giờ, vượt quá %(max)s giờ (%(document)s, %(article)s).")
                % {
                    "hours": vn_decimal(data.year_overtime_hours),
                    "max": vn_decimal(year_cap.value),
                    **_source(year_cap),
                }
            )
        result.cite(year_cap)
    if result.warnings:
        result.cite(blld("Điều 107 khoản 2 điểm a", 107))
        result.notes.append(
            _(
                "Làm thêm giờ phải được bạn đồng ý (Bộ luật Lao động, Điều 107 khoản 2 điểm a). Bạn có thể hỏi công đoàn cơ sở."
            )
        )


def _source(param: Param) -> dict[str, str]:
    return {"document": param.citation.document, "article": param.citation.article}
