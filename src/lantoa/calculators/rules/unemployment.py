"""Unemployment benefit (trợ cấp thất nghiệp): Luật Việc làm 38/2013 Điều 50, and 74/2025 Điều 39 from 01/01/2026.

The 60 %, the cap of 5 regional minimum wages and the months of benefit are written in the laws themselves
(how to count, not a figure a decree moves), so they are cited here; the minimum wage comes from the book.
"""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from lantoa.calculators.numbers import money, round_vnd
from lantoa.calculators.parameters import Citation, Key, ParameterBook, region_label
from lantoa.calculators.rules.base import Line, Result, law
from lantoa.core.formats import vn_date

LAW_2013 = "Luật Việc làm 38/2013/QH13"
LAW_2013_FROM = dt.date(2015, 1, 1)
LAW_2025 = "Luật Việc làm 74/2025/QH15"
LAW_2025_FROM = dt.date(2026, 1, 1)
BENEFIT_SHARE = Decimal("0.6")
CAP_MINIMUM_WAGES = 5
MIN_MONTHS, BASE_MONTHS_UNTIL, BASE_MONTHS, MAX_MONTHS = 12, 36, 3, 12
MAX_CONTRIBUTION_MONTHS = 12 * 60


@dataclass(frozen=True)
class UnemploymentInput:
    job_ended_on: dt.date  # the day the labour contract ended
    contribution_months: int  # months of unemployment insurance not yet used for a benefit
    average_wage_vnd: int  # average monthly wage the last 6 months' contributions were based on
    region: int
    filed_on: dt.date | None = None  # the day the complete file was lodged, for the first benefit day


@dataclass(frozen=True)
class _Law:
    document: str
    valid_from: dt.date
    slug: str
    amount: str  # "Điều N khoản 1"
    duration: str
    start: str
    condition: str
    deadline: str


def _law_on(on: dt.date) -> _Law:
    if on >= LAW_2025_FROM:
        return _Law(LAW_2025, LAW_2025_FROM, "74-2025-qh15", "Điều 39 khoản 1", "Điều 39 khoản 2", "Điều 39 khoản 3",
                    "Điều 38 khoản 1 điểm b", "Điều 38 khoản 1 điểm c")  # fmt: skip
    return _Law(LAW_2013, LAW_2013_FROM, "38-2013-qh13", "Điều 50 khoản 1", "Điều 50 khoản 2", "Điều 50 khoản 3",
                "Điều 49 khoản 2", "Điều 46 khoản 1")  # fmt: skip


def _cite(rule: _Law, article: str) -> Citation:
    number = article.split()[1]
    return law(rule.document, article, rule.valid_from, f"/phap-luat/{rule.slug}/dieu-{number}")


def benefit_months(contribution_months: int) -> int:
    """12 to 36 months paid give 3 months of benefit, each further full 12 months one more, at most 12."""
    if contribution_months < MIN_MONTHS:
        return 0
    extra = max(contribution_months - BASE_MONTHS_UNTIL, 0) // 12
    return min(BASE_MONTHS + extra, MAX_MONTHS)


def first_benefit_day(*, job_ended_on: dt.date, filed_on: dt.date) -> dt.date:
    """Luật 74/2025 Điều 39 khoản 3: the 11th working day from filing; Luật 38/2013 Điều 50 khoản 3: the 16th day."""
    if _law_on(job_ended_on).valid_from == LAW_2025_FROM:
        return working_day(filed_on, 11)
    return filed_on + dt.timedelta(days=15)


def working_day(start: dt.date, number: int) -> dt.date:
    """The `number`-th Monday-to-Friday day counting `start` itself when it is one (public holidays not known)."""
    day, count = start, 0
    while True:
        if day.weekday() < 5:
            count += 1
            if count == number:
                return day
        day += dt.timedelta(days=1)


def unemployment_benefit(*, book: ParameterBook, data: UnemploymentInput) -> Result:
    if not 0 <= data.contribution_months <= MAX_CONTRIBUTION_MONTHS:
        raise ValidationError(
            _("Số tháng đóng bảo hiểm thất nghiệp phải từ 0 đến %(max)s."),
            code="months_out_of_range",
            params={"max": MAX_CONTRIBUTION_MONTHS},
        )
    if data.average_wage_vnd <= 0:
        raise ValidationError(_("Hãy nhập tiền lương bình quân đóng bảo hiểm thất nghiệp."), code="wage_missing")
    if data.filed_on is not None and data.filed_on < data.job_ended_on:
        raise ValidationError(_("Ngày nộp hồ sơ phải từ ngày chấm dứt hợp đồng trở đi."), code="period_reversed")
    on = data.job_ended_on
    rule = _law_on(on)
    result = Result(title=_("Trợ cấp thất nghiệp"), on=on)
    months = benefit_months(data.contribution_months)
    result.cite(_cite(rule, rule.amount), _cite(rule, rule.duration))
    if months == 0:
        result.cite(_cite(rule, rule.condition))
        result.is_ok = False
        result.verdict = _(
            "Chưa đủ 12 tháng đóng bảo hiểm thất nghiệp nên chưa được hưởng trợ cấp thất nghiệp (%(law)s, %(article)s)."
        ) % {"law": rule.document, "article": rule.condition}
        result.add(Line(_("Số tháng được hưởng"), amount=0, unit="months", is_total=True))
        return result
    minimum = book.get(Key.MIN_WAGE_MONTH, on=on, region=data.region)
    result.cite(minimum)
    cap = CAP_MINIMUM_WAGES * int(minimum.value)
    share = round_vnd(BENEFIT_SHARE * data.average_wage_vnd)
    monthly = min(share, cap)
    result.add(
        Line(
            _("60% tiền lương bình quân 6 tháng đóng gần nhất"),
            _("60%% × %(wage)s") % {"wage": money(data.average_wage_vnd)},
            share,
        )
    )
    result.add(
        Line(
            _("Mức tối đa: 5 lần lương tối thiểu vùng %(region)s") % {"region": region_label(data.region)},
            _("5 × %(minimum)s") % {"minimum": money(int(minimum.value))},
            cap,
        )
    )
    result.add(Line(_("Trợ cấp thất nghiệp mỗi tháng"), amount=monthly, is_total=True))
    result.add(
        Line(
            _("Số tháng được hưởng"),
            _("%(months)s tháng đóng: 12–36 tháng được 3 tháng, mỗi 12 tháng đóng thêm được thêm 1 tháng, tối đa 12")
            % {"months": data.contribution_months},
            months,
            unit="months",
        )
    )
    result.add(Line(_("Tổng trợ cấp nếu hưởng đủ"), _("%(n)s × %(monthly)s") % {"n": months, "monthly": money(monthly)},
                    months * monthly, is_total=True))  # fmt: skip
    if share > cap:
        result.warnings.append(_("Mức 60% vượt mức tối đa nên chỉ được hưởng bằng 5 lần lương tối thiểu vùng."))
    result.cite(_cite(rule, rule.start), _cite(rule, rule.deadline))
    if rule.valid_from == LAW_2025_FROM:
        how = _("ngày làm việc thứ 11 kể từ ngày nộp đủ hồ sơ")
    else:
        how = _("ngày thứ 16 kể từ ngày nộp đủ hồ sơ")
    if data.filed_on is not None:
        first = first_benefit_day(job_ended_on=on, filed_on=data.filed_on)
        result.add(Line(_("Ngày bắt đầu hưởng: %(date)s") % {"date": vn_date(first)}, how, unit="text"))
        if rule.valid_from == LAW_2025_FROM:
            result.notes.append(_("Ngày làm việc được đếm từ thứ Hai đến thứ Sáu; nếu có ngày lễ, tết thì lùi thêm."))
    else:
        result.notes.append(_("Ngày bắt đầu hưởng: %(how)s.") % {"how": how})
    result.notes.append(
        _("Ngày nộp đủ hồ sơ được đếm là ngày thứ nhất – cách đếm này cần đối chiếu hướng dẫn của Chính phủ.")
    )
    result.notes.append(
        _(
            "Hồ sơ phải nộp trong 03 tháng kể từ ngày chấm dứt hợp đồng (%(article)s); 12 tháng đóng phải nằm trong "
            "24 tháng trước khi nghỉ việc (36 tháng với hợp đồng dưới 12 tháng) – trang này không kiểm tra điều đó."
        )
        % {"article": rule.deadline}
    )
    result.notes.append(_("Mức tối đa tính theo lương tối thiểu vùng của tháng chấm dứt hợp đồng."))
    return result
