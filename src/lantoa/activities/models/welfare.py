"""Welfare an enterprise provides its workers, recorded per period (feeds the plan's indicators)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from lantoa.orgs.models import Enterprise, OrgUnit


class WelfareRecord(models.Model):
    enterprise = models.ForeignKey(
        Enterprise, verbose_name=_("Doanh nghiệp"), on_delete=models.PROTECT, related_name="welfare_records"
    )
    period_start = models.DateField(_("Từ ngày"))
    period_end = models.DateField(_("Đến ngày"), db_index=True)
    meal_allowance_per_shift_vnd = models.PositiveIntegerField(_("Tiền ăn giữa ca mỗi suất (đồng)"), default=0)
    dormitory_places = models.PositiveIntegerField(_("Chỗ ở tập thể bố trí"), default=0)
    rent_support_workers = models.PositiveIntegerField(_("Số lao động được hỗ trợ tiền thuê nhà trọ"), default=0)
    rent_support_per_month_vnd = models.PositiveIntegerField(_("Mức hỗ trợ tiền thuê nhà mỗi tháng (đồng)"), default=0)
    culture_sport_funding_vnd = models.PositiveBigIntegerField(_("Kinh phí văn hóa, thể thao (đồng)"), default=0)
    note = models.TextField(_("Ghi chú"), blank=True)
    is_demo = models.BooleanField(_("Dữ liệu minh họa"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("Phúc lợi cho người lao động")
        verbose_name_plural = _("Phúc lợi cho người lao động")
        ordering = ["-period_end"]
        constraints = [
            models.UniqueConstraint(fields=["enterprise", "period_start", "period_end"], name="welfare_one_per_period"),
            models.CheckConstraint(condition=models.Q(period_end__gte=models.F("period_start")), name="welfare_period"),
        ]

    def __str__(self) -> str:
        return f"{self.enterprise} · {self.period_start:%d/%m/%Y}–{self.period_end:%d/%m/%Y}"

    @property
    def access_units(self) -> list[OrgUnit]:
        return self.enterprise.access_units
