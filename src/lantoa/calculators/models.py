"""Labour figures that change over time (minimum wages, contribution rates, overtime rates…), effective-dated."""

import datetime as dt
import re

from django.db import models
from django.utils.translation import gettext_lazy as _

from lantoa.calculators.numbers import money, vn_decimal
from lantoa.core.text import slugify_vi

__all__ = ["LabourParameter"]

_ARTICLE = re.compile(r"Điều\s+(\d+)")


class LabourParameter(models.Model):
    """One figure of labour law over a period, with the document and article that set it."""

    class Key(models.TextChoices):
        MIN_WAGE_MONTH = "min_wage_month", _("Lương tối thiểu tháng")
        MIN_WAGE_HOUR = "min_wage_hour", _("Lương tối thiểu giờ")
        REFERENCE_LEVEL = "reference_level", _("Mức tham chiếu (lương cơ sở)")
        SI_CEILING_MULTIPLE = "si_ceiling_multiple", _("Trần lương đóng BHXH (số lần mức tham chiếu)")
        HI_CEILING_MULTIPLE = "hi_ceiling_multiple", _("Trần lương đóng BHYT (số lần mức tham chiếu)")
        UI_CEILING_MULTIPLE = "ui_ceiling_multiple", _("Trần lương đóng BHTN (số lần lương tối thiểu vùng)")
        SI_RETIREMENT_WORKER = "si_retirement_worker", _("BHXH hưu trí, tử tuất – người lao động")
        SI_RETIREMENT_EMPLOYER = "si_retirement_employer", _("BHXH hưu trí, tử tuất – người sử dụng lao động")
        SI_SICKNESS_EMPLOYER = "si_sickness_employer", _("BHXH ốm đau, thai sản – người sử dụng lao động")
        ACCIDENT_EMPLOYER = (
            "accident_employer",
            _("Bảo hiểm tai nạn lao động, bệnh nghề nghiệp – người sử dụng lao động"),
        )
        UI_WORKER = "ui_worker", _("Bảo hiểm thất nghiệp – người lao động")
        UI_EMPLOYER = "ui_employer", _("Bảo hiểm thất nghiệp – người sử dụng lao động")
        HI_WORKER = "hi_worker", _("Bảo hiểm y tế – người lao động")
        HI_EMPLOYER = "hi_employer", _("Bảo hiểm y tế – người sử dụng lao động")
        UNION_FEE_EMPLOYER = "union_fee_employer", _("Kinh phí công đoàn – người sử dụng lao động")
        OT_WEEKDAY = "ot_weekday_pct", _("Làm thêm giờ ngày thường")
        OT_WEEKLY_REST = "ot_weekly_rest_pct", _("Làm thêm giờ ngày nghỉ hằng tuần")
        OT_HOLIDAY = "ot_holiday_pct", _("Làm thêm giờ ngày lễ, tết, ngày nghỉ có hưởng lương")
        NIGHT_EXTRA = "night_extra_pct", _("Trả thêm khi làm việc ban đêm")
        OT_NIGHT_EXTRA = "ot_night_extra_pct", _("Trả thêm khi làm thêm giờ ban đêm")
        NORMAL_HOURS_DAY = "normal_hours_day_max", _("Giờ làm việc bình thường tối đa một ngày")
        NORMAL_HOURS_DAY_WEEKLY = (
            "normal_hours_day_max_weekly",
            _("Giờ làm việc bình thường tối đa một ngày (tính theo tuần)"),
        )
        OT_DAY_SHARE = "ot_day_share_max_pct", _("Giờ làm thêm tối đa một ngày (so với giờ bình thường)")
        OT_DAY_TOTAL_WEEKLY = "ot_day_total_max_weekly", _("Tổng giờ làm một ngày tối đa (tính theo tuần)")
        OT_REST_DAY = "ot_rest_day_max", _("Giờ làm thêm tối đa một ngày nghỉ hằng tuần, lễ, tết")
        OT_MONTH = "ot_month_max", _("Giờ làm thêm tối đa một tháng")
        OT_YEAR = "ot_year_max", _("Giờ làm thêm tối đa một năm")
        OT_YEAR_SPECIAL = "ot_year_max_special", _("Giờ làm thêm tối đa một năm (ngành, nghề được phép)")
        LEAVE_NORMAL = "leave_days_normal", _("Ngày nghỉ hằng năm – điều kiện bình thường")
        LEAVE_HEAVY = (
            "leave_days_heavy",
            _("Ngày nghỉ hằng năm – nặng nhọc, độc hại, nguy hiểm; chưa thành niên; khuyết tật"),
        )
        LEAVE_SPECIAL = "leave_days_special", _("Ngày nghỉ hằng năm – đặc biệt nặng nhọc, độc hại, nguy hiểm")
        LEAVE_SENIORITY_YEARS = "leave_seniority_years", _("Số năm làm việc để được thêm ngày nghỉ")
        LEAVE_SENIORITY_DAYS = "leave_seniority_days", _("Số ngày nghỉ thêm theo thâm niên")
        ALLOWANCE_MIN_MONTHS = "allowance_min_service_months", _("Thời gian làm việc tối thiểu để có trợ cấp")
        SEVERANCE_PER_YEAR = "severance_months_per_year", _("Trợ cấp thôi việc cho mỗi năm làm việc")
        JOB_LOSS_PER_YEAR = "job_loss_months_per_year", _("Trợ cấp mất việc làm cho mỗi năm làm việc")
        JOB_LOSS_MIN = "job_loss_min_months", _("Trợ cấp mất việc làm tối thiểu")

    class Unit(models.TextChoices):
        VND = "vnd", _("đồng")
        PERCENT = "percent", "%"
        TIMES = "times", _("lần")
        HOURS = "hours", _("giờ")
        DAYS = "days", _("ngày")
        YEARS = "years", _("năm")
        MONTHS = "months", _("tháng")
        WAGE_MONTHS = "wage_months", _("tháng lương")

    key = models.CharField(_("Tham số"), max_length=40, choices=Key.choices, db_index=True)
    region = models.PositiveSmallIntegerField(
        _("Vùng"), null=True, blank=True, help_text=_("Chỉ dùng cho lương tối thiểu vùng (1 đến 4).")
    )
    value = models.DecimalField(_("Giá trị"), max_digits=14, decimal_places=4)
    unit = models.CharField(_("Đơn vị"), max_length=12, choices=Unit.choices)
    valid_from = models.DateField(_("Áp dụng từ ngày"))
    valid_to = models.DateField(_("Áp dụng đến hết ngày"), null=True, blank=True)
    document = models.CharField(_("Văn bản"), max_length=160, help_text=_("Ví dụ: Nghị định 293/2025/NĐ-CP."))
    document_number = models.CharField(
        _("Số hiệu văn bản"),
        max_length=40,
        blank=True,
        help_text=_("Ví dụ: 293/2025/NĐ-CP; dùng để dẫn tới điều luật."),
    )
    article = models.CharField(_("Điều, khoản"), max_length=120, help_text=_("Ví dụ: Điều 3 khoản 1."))
    note = models.TextField(_("Ghi chú"), blank=True)
    needs_confirmation = models.BooleanField(
        _("Cần đối chiếu văn bản gốc"),
        default=False,
        help_text=_("Đánh dấu khi con số chưa được đối chiếu với văn bản chính thức; trang tính toán sẽ cảnh báo."),
    )
    updated_at = models.DateTimeField(_("Cập nhật lúc"), auto_now=True)

    class Meta:
        # The table was created when the calculators lived inside `legal`; keeping its name keeps its rows.
        db_table = "legal_labourparameter"
        verbose_name = _("Tham số lao động")
        verbose_name_plural = _("Tham số lao động theo thời gian")
        ordering = ["key", "region", "valid_from"]
        constraints = [
            models.UniqueConstraint(
                fields=["key", "region", "valid_from"],
                condition=models.Q(region__isnull=False),
                name="labour_parameter_unique_regional_start",
            ),
            models.UniqueConstraint(
                fields=["key", "valid_from"],
                condition=models.Q(region__isnull=True),
                name="labour_parameter_unique_start",
            ),
            models.CheckConstraint(
                condition=models.Q(valid_to__isnull=True) | models.Q(valid_to__gte=models.F("valid_from")),
                name="labour_parameter_period_ordered",
            ),
            models.CheckConstraint(
                condition=models.Q(region__isnull=True) | models.Q(region__gte=1, region__lte=4),
                name="labour_parameter_region_1_4",
            ),
        ]

    def __str__(self) -> str:
        label = str(self.get_key_display())
        if self.region:
            label = _("%(label)s vùng %(region)s") % {"label": label, "region": self.region}
        return f"{label} · {self.valid_from:%d/%m/%Y}"

    def is_valid_on(self, on: dt.date) -> bool:
        return self.valid_from <= on and (self.valid_to is None or on <= self.valid_to)

    @property
    def display_value(self) -> str:
        if self.unit == self.Unit.VND:
            return money(int(self.value))
        if self.unit == self.Unit.PERCENT:
            return f"{vn_decimal(self.value)}%"
        return f"{vn_decimal(self.value)} {self.get_unit_display()}"

    @property
    def article_path(self) -> str:
        """The permalink of the cited article in the law library, e.g. /phap-luat/45-2019-qh14/dieu-98."""
        match = _ARTICLE.search(self.article)
        if not self.document_number or not match:
            return ""
        return f"/phap-luat/{slugify_vi(self.document_number)}/dieu-{match.group(1)}"


_K, _U = LabourParameter.Key, LabourParameter.Unit
# The unit each figure is expressed in; the admin and the parameter list format values with it.
UNIT_OF_KEY: dict[str, str] = {
    _K.MIN_WAGE_MONTH: _U.VND,
    _K.MIN_WAGE_HOUR: _U.VND,
    _K.REFERENCE_LEVEL: _U.VND,
    _K.SI_CEILING_MULTIPLE: _U.TIMES,
    _K.HI_CEILING_MULTIPLE: _U.TIMES,
    _K.UI_CEILING_MULTIPLE: _U.TIMES,
    _K.NORMAL_HOURS_DAY: _U.HOURS,
    _K.NORMAL_HOURS_DAY_WEEKLY: _U.HOURS,
    _K.OT_DAY_TOTAL_WEEKLY: _U.HOURS,
    _K.OT_REST_DAY: _U.HOURS,
    _K.OT_MONTH: _U.HOURS,
    _K.OT_YEAR: _U.HOURS,
    _K.OT_YEAR_SPECIAL: _U.HOURS,
    _K.LEAVE_NORMAL: _U.DAYS,
    _K.LEAVE_HEAVY: _U.DAYS,
    _K.LEAVE_SPECIAL: _U.DAYS,
    _K.LEAVE_SENIORITY_YEARS: _U.YEARS,
    _K.LEAVE_SENIORITY_DAYS: _U.DAYS,
    _K.ALLOWANCE_MIN_MONTHS: _U.MONTHS,
    _K.SEVERANCE_PER_YEAR: _U.WAGE_MONTHS,
    _K.JOB_LOSS_PER_YEAR: _U.WAGE_MONTHS,
    _K.JOB_LOSS_MIN: _U.WAGE_MONTHS,
}
REGIONAL_KEYS = frozenset({_K.MIN_WAGE_MONTH, _K.MIN_WAGE_HOUR})


def unit_of_key(key: str) -> str:
    return UNIT_OF_KEY.get(key, _U.PERCENT)
