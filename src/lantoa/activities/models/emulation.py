"""Emulation "Lao động giỏi, lao động sáng tạo": nominations, initiatives, good models to replicate."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from lantoa.orgs.models import Enterprise, OrgUnit


class Nomination(models.Model):
    class Title(models.TextChoices):
        GOOD_WORKER = "good_worker", _("Lao động giỏi")
        CREATIVE_WORKER = "creative_worker", _("Lao động sáng tạo")

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Đề nghị")
        APPROVED = "approved", _("Được công nhận")
        REJECTED = "rejected", _("Không công nhận")

    unit = models.ForeignKey(OrgUnit, verbose_name=_("Đơn vị đề nghị"), on_delete=models.PROTECT, related_name="+")
    nominee_name = models.CharField(_("Người được đề nghị"), max_length=120)
    nominee_role = models.CharField(_("Vị trí công việc"), max_length=120, blank=True)
    title = models.CharField(_("Danh hiệu"), max_length=20, choices=Title.choices)
    year = models.PositiveSmallIntegerField(_("Năm"))
    achievements = models.TextField(_("Thành tích"))
    status = models.CharField(_("Trạng thái"), max_length=10, choices=Status.choices, default=Status.PROPOSED)
    decided_on = models.DateField(_("Ngày xét"), null=True, blank=True)
    is_demo = models.BooleanField(_("Dữ liệu minh họa"), default=False)

    class Meta:
        verbose_name = _("Đề nghị danh hiệu thi đua")
        verbose_name_plural = _("Đề nghị danh hiệu thi đua")
        ordering = ["-year", "nominee_name"]

    def __str__(self) -> str:
        return f"{self.nominee_name} · {self.get_title_display()} {self.year}"

    @property
    def access_unit(self) -> OrgUnit:
        return self.unit


class Initiative(models.Model):
    """A workplace improvement (sáng kiến) and its evaluation."""

    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("Đã nộp, chờ đánh giá")
        ACCEPTED = "accepted", _("Được công nhận sáng kiến")
        REJECTED = "rejected", _("Chưa được công nhận")

    enterprise = models.ForeignKey(
        Enterprise, verbose_name=_("Doanh nghiệp"), on_delete=models.PROTECT, related_name="initiatives"
    )
    title = models.CharField(_("Tên sáng kiến"), max_length=200)
    authors = models.CharField(_("Tác giả"), max_length=200)
    description = models.TextField(_("Mô tả"))
    submitted_on = models.DateField(_("Ngày nộp"))
    status = models.CharField(_("Kết quả đánh giá"), max_length=10, choices=Status.choices, default=Status.SUBMITTED)
    score = models.PositiveSmallIntegerField(_("Điểm đánh giá (0–100)"), null=True, blank=True)
    benefit_vnd = models.PositiveBigIntegerField(_("Hiệu quả làm lợi ước tính mỗi năm (đồng)"), default=0)
    evaluated_on = models.DateField(_("Ngày đánh giá"), null=True, blank=True)
    evaluation_note = models.TextField(_("Nhận xét của hội đồng"), blank=True)
    is_demo = models.BooleanField(_("Dữ liệu minh họa"), default=False)

    class Meta:
        verbose_name = _("Sáng kiến")
        verbose_name_plural = _("Sáng kiến")
        ordering = ["-submitted_on"]

    def __str__(self) -> str:
        return self.title

    @property
    def access_units(self) -> list[OrgUnit]:
        return self.enterprise.access_units


class GoodModel(models.Model):
    """A good way of doing things (mô hình hay, cách làm hiệu quả), told as a story others can copy."""

    unit = models.ForeignKey(OrgUnit, verbose_name=_("Đơn vị"), on_delete=models.PROTECT, related_name="+")
    title = models.CharField(_("Tên mô hình"), max_length=200)
    slug = models.SlugField(max_length=120, unique=True)
    summary = models.CharField(_("Tóm tắt"), max_length=300)
    story = models.TextField(_("Câu chuyện"))
    how_to_replicate = models.TextField(_("Cách nhân rộng"))
    is_published = models.BooleanField(_("Công khai trên trang giới thiệu"), default=False)
    published_on = models.DateField(_("Ngày công khai"), null=True, blank=True)
    is_demo = models.BooleanField(_("Dữ liệu minh họa"), default=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("Mô hình hay, cách làm hiệu quả")
        verbose_name_plural = _("Mô hình hay, cách làm hiệu quả")
        ordering = ["-published_on", "title"]

    def __str__(self) -> str:
        return self.title

    @property
    def access_unit(self) -> OrgUnit:
        return self.unit
