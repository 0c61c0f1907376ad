"""What a national body (Tổng Liên đoàn, Ban Tuyên giáo và Dân vận Trung ương) keeps of each province's returns."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ProvinceKey(models.Model):
    """The public key a province signs its returns with, entered by the national operator from the province's letter."""

    province_code = models.PositiveSmallIntegerField(_("Mã tỉnh"), unique=True)
    province_name = models.CharField(_("Tỉnh, thành phố"), max_length=120)
    public_key = models.CharField(_("Khóa công khai (base64)"), max_length=64)
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("Khóa ký của tỉnh")
        verbose_name_plural = _("Khóa ký của các tỉnh")
        ordering = ["province_code"]

    def __str__(self) -> str:
        return self.province_name


class ProvinceReturn(models.Model):
    """One province's signed figures for one reporting period, as received and verified."""

    province_code = models.PositiveSmallIntegerField(_("Mã tỉnh"))
    province_name = models.CharField(_("Tỉnh, thành phố"), max_length=120)
    period_code = models.CharField(_("Mã kỳ"), max_length=20)
    period_label = models.CharField(_("Kỳ báo cáo"), max_length=120)
    generated_at = models.DateTimeField(_("Lập lúc"))
    payload = models.JSONField(_("Số liệu"))
    signature = models.CharField(_("Chữ ký"), max_length=128)
    imported_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("Số liệu của tỉnh")
        verbose_name_plural = _("Số liệu của các tỉnh")
        ordering = ["period_code", "province_code"]
        constraints = [
            models.UniqueConstraint(fields=["province_code", "period_code"], name="national_return_one_per_period")
        ]

    def __str__(self) -> str:
        return f"{self.province_name} · {self.period_label}"
