"""Minimum wage by region and date, and wage arrears against it month by month."""

import datetime as dt
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from lantoa.calculators.numbers import money, round_vnd, vn_decimal
from lantoa.calculators.parameters import Key, Param, ParameterBook, region_label
from lantoa.calculators.rules.base import ND293_FROM, Line, Result, blld, nd293
from lantoa.core.formats import vn_date

MAX_ARREARS_MONTHS = 120

PAY_MONTH, PAY_HOUR = "month", "hour"
# Paid by the week, the day or the piece: converted to a month (Nghị định 293/2025/NĐ-CP, Điều 4 khoản 3 điểm a).
PAY_WEEK, PAY_DAY, PAY_PIECE = "week", "day", "piece"
WEEKS_A_YEAR = 52


def monthly_equivalent(*, wage_vnd: int, basis: str, normal_days: Decimal) -> tuple[int, str]:
    """A weekly, daily or piece-rate wage as a month's wage, and how it was converted."""
    if basis == PAY_WEEK:
        amount = round_vnd(Decimal(wage_vnd) * WEEKS_A_YEAR / 12)
        return amount, _("%(wage)s × 52 tuần ÷ 12 tháng") % {"wage": money(wage_vnd)}
    if basis == PAY_DAY:
        amount = round_vnd(Decimal(wage_vnd) * normal_days)
        return amount, _("%(wage)s × %(days)s ngày làm việc bình thường") % {
            "wage": money(wage_vnd),
            "days": vn_decimal(normal_days),
        }
    return wage_vnd, _("lương sản phẩm, lương khoán làm trong giờ bình thường của tháng")


def minimum_wage_check(
    *,
    book: ParameterBook,
    on: dt.date,
    region: int,
    wage_vnd: int,
    basis: str,
    hired_on: dt.date | None = None,
    region_2025: int | None = None,
    normal_days: Decimal = Decimal(26),
) -> Result:
    """Is a monthly (full normal hours) or hourly wage at least the regional minimum in force on `on`? A weekly, daily
    or piece-rate wage is compared as a month's wage.

    A worker hired by 31/12/2025 whose workplace moved to a lower region with the 2026 decree keeps the minimum
    of 31/12/2025 (Nghị định 293/2025/NĐ-CP, Điều 5 khoản 5): `region_2025` is the region of the workplace then.
    """
    key = Key.MIN_WAGE_HOUR if basis == PAY_HOUR else Key.MIN_WAGE_MONTH
    minimum = book.get(key, on=on, region=region)
    kept = kept_minimum(book=book, key=key, on=on, minimum=minimum, hired_on=hired_on, region_2025=region_2025)
    floor = int(kept.value if kept else minimum.value)
    per = _("giờ") if basis == PAY_HOUR else _("tháng")
    result = Result(title=_("Kiểm tra lương tối thiểu vùng"), on=on)
    label = _("Lương tối thiểu %(per)s vùng %(region)s ngày %(date)s") % {
        "per": per,
        "region": region_label(region),
        "date": vn_date(on),
    }
    result.add(
        Line(
            label,
            _("%(document)s, %(article)s")
            % {"document": minimum.citation.document, "article": minimum.citation.article},
            int(minimum.value),
        )
    )
    if kept and region_2025:  # a kept minimum has a region of 2025
        result.add(
            Line(
                _(
                    "Mức giữ lại của ngày 31/12/2025 (vùng %(region)s), vì bạn được tuyển từ ngày 31/12/2025 trở về trước"
                )
                % {"region": region_label(region_2025)},
                _("Nghị định 293/2025/NĐ-CP, Điều 5 khoản 5"),
                floor,
            )
        )
        result.cite(kept, nd293("Điều 5 khoản 5", 5))
    if basis in (PAY_WEEK, PAY_DAY, PAY_PIECE):
        wage_vnd, how = monthly_equivalent(wage_vnd=wage_vnd, basis=basis, normal_days=normal_days)
        result.add(Line(_("Lương của bạn quy đổi theo tháng"), how, wage_vnd))
        result.cite(nd293("Điều 4 khoản 3", 4))
    else:
        result.add(Line(_("Lương của bạn (theo %(per)s)") % {"per": per}, "", wage_vnd))
    gap = wage_vnd - floor
    result.add(
        Line(
            _("Chênh lệch"),
            _("%(wage)s − %(floor)s") % {"wage": money(wage_vnd), "floor": money(floor)},
            gap,
            is_total=True,
        )
    )
    result.is_ok = gap >= 0
    result.verdict = (
        _("Lương của bạn không thấp hơn lương tối thiểu vùng.")
        if result.is_ok
        else _("Lương của bạn thấp hơn lương tối thiểu vùng %(gap)s. Công ty phải trả ít nhất bằng mức tối thiểu.")
        % {"gap": money(-gap)}
    )
    result.cite(minimum, blld("Điều 90 khoản 2", 90))
    if basis != PAY_HOUR:
        result.notes.append(
            _(
                "Lương tối thiểu tháng so với mức lương theo công việc khi làm đủ giờ bình thường trong tháng, "
                "chưa tính tiền làm thêm giờ, làm đêm, phụ cấp (Điều 4 của nghị định)."
            )
        )
    return result


def kept_minimum(
    *, book: ParameterBook, key: str, on: dt.date, minimum: Param, hired_on: dt.date | None, region_2025: int | None
) -> Param | None:
    """The minimum of 31/12/2025 in the workplace's region then, when it is higher than `minimum` and still applies
    on `on` to a worker hired by that day (Nghị định 293/2025/NĐ-CP, Điều 5 khoản 5)."""
    last_day_2025 = ND293_FROM - dt.timedelta(days=1)
    if on < ND293_FROM or not hired_on or hired_on > last_day_2025 or not region_2025:
        return None
    kept = book.get(key, on=last_day_2025, region=region_2025)
    return kept if kept.value > minimum.value else None


def months_between(start: dt.date, end: dt.date) -> list[dt.date]:
    """First days of every month from `start`'s month to `end`'s month."""
    if end < start:
        raise ValidationError(_("Tháng kết thúc phải sau tháng bắt đầu."), code="period_reversed")
    months, cursor = [], start.replace(day=1)
    while cursor <= end:
        months.append(cursor)
        cursor = (cursor + dt.timedelta(days=32)).replace(day=1)
    if len(months) > MAX_ARREARS_MONTHS:
        raise ValidationError(
            _("Hãy tính tối đa %(limit)s tháng một lần."), code="period_too_long", params={"limit": MAX_ARREARS_MONTHS}
        )
    return months


def wage_arrears(
    *,
    book: ParameterBook,
    region: int,
    start: dt.date,
    end: dt.date,
    wage_vnd: int,
    hired_on: dt.date | None = None,
    region_2025: int | None = None,
) -> Result:
    """What a monthly wage fell short of the regional minimum, month by month, each month under its own rule.

    A month takes the rule in force on its first day (minimum wages change on the first of a month); from 2026 a
    worker hired by 31/12/2025 may keep that day's higher minimum (see `kept_minimum`).
    """
    result = Result(title=_("Tiền lương còn thiếu so với lương tối thiểu vùng"), on=end)
    total = 0
    for month in months_between(start, end):
        # Before 2026 the workplace was in its 2025 region, when the worker gave it.
        month_region = region_2025 if region_2025 and month < ND293_FROM else region
        minimum = book.get(Key.MIN_WAGE_MONTH, on=month, region=month_region)
        kept = kept_minimum(
            book=book, key=Key.MIN_WAGE_MONTH, on=month, minimum=minimum, hired_on=hired_on, region_2025=region_2025
        )
        if kept:
            result.cite(kept, nd293("Điều 5 khoản 5", 5))
            minimum = kept
        floor = int(minimum.value)
        shortfall = max(0, floor - wage_vnd)
        total += shortfall
        result.add(
            Line(
                _("Tháng %(month)s") % {"month": month.strftime("%m/%Y")},
                _("max(0; %(floor)s − %(wage)s) – %(document)s")
                % {
                    "floor": money(floor),
                    "wage": money(wage_vnd),
                    "document": _("mức giữ lại của ngày 31/12/2025") if kept else minimum.citation.document,
                },
                shortfall,
            )
        )
        result.cite(minimum)
    result.add(Line(_("Tổng số tiền còn thiếu"), _("cộng các tháng"), total, is_total=True))
    result.is_ok = total == 0
    result.verdict = (
        _("Lương tháng không thấp hơn mức tối thiểu trong tháng nào của khoảng đã chọn.")
        if result.is_ok
        else _("Công ty còn thiếu %(total)s so với lương tối thiểu vùng %(region)s trong khoảng này.")
        % {"total": money(total), "region": region_label(region)}
    )
    result.cite(blld("Điều 90 khoản 2", 90))
    result.notes.append(
        _("Mỗi tháng được so với mức lương tối thiểu có hiệu lực vào ngày đầu tháng đó, vùng %(region)s.")
        % {"region": region_label(region)}
    )
    if region_2025:
        result.notes.append(
            _("Các tháng trước năm 2026 tính theo vùng %(region)s, vùng nơi làm việc ngày 31/12/2025 bạn đã chọn.")
            % {"region": region_label(region_2025)}
        )
    return result
