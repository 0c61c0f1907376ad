"""Employer–worker dialogues at the workplace, their commitments, and collective labour agreements."""

import datetime as dt

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from lantoa.orgs.models import Enterprise, OrgUnit


class Dialogue(models.Model):
    # Bộ luật Lao động 2019 Điều 63 khoản 2: periodic (at least once a year), on request, or on an incident.
    class Kind(models.TextChoices):
        PERIODIC = "periodic", _("Định kỳ")
        ON_REQUEST = "on_request", _("Khi có yêu cầu của một hoặc các bên")
        INCIDENT = "incident", _("Khi có vụ việc")

    class Status(models.TextChoices):
        PLANNED = "planned", _("Kế hoạch")
        HELD = "held", _("Đã đối thoại")
        CANCELLED = "cancelled", _("Đã hủy")

    enterprise = models.ForeignKey(
        Enterprise, verbose_name=_("Doanh nghiệp"), on_delete=models.PROTECT, related_name="dialogues"
    )
    kind = models.CharField(_("Loại đối thoại"), max_length=12, choices=Kind.choices, default=Kind.PERIODIC)
    status = models.CharField(_("Trạng thái"), max_length=12, choices=Status.choices, default=Status.PLANNED)
    held_on = models.DateField(_("Ngày đối thoại"), db_index=True)
    agenda = models.TextField(_("Nội dung đối thoại"))
    employer_participants = models.TextField(_("Thành phần bên người sử dụng lao động"), blank=True)
    worker_participants = models.TextField(_("Thành phần bên người lao động"), blank=True)
    worker_representative_count = models.PositiveIntegerField(_("Số đại diện bên người lao động"), default=0)
    issues_raised = models.TextField(_("Ý kiến, kiến nghị được nêu"), blank=True)
    agreements = models.TextField(_("Nội dung thống nhất"), blank=True)
    voice_case_refs = models.CharField(
        _("Mã vụ việc phản ánh liên quan"),
        max_length=200,
        blank=True,
        help_text=_("Mã vụ việc từ kênh phản ánh của người lao động, cách nhau bằng dấu phẩy."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    is_demo = models.BooleanField(_("Dữ liệu minh họa"), default=False)

    class Meta:
        verbose_name = _("Đối thoại tại nơi làm việc")
        verbose_name_plural = _("Đối thoại tại nơi làm việc")
        ordering = ["-held_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.enterprise} · {self.held_on:%d/%m/%Y}"

    @property
    def access_units(self) -> list[OrgUnit]:
        return self.enterprise.access_units

    @property
    def case_refs(self) -> list[str]:
        return [ref.strip() for ref in self.voice_case_refs.split(",") if ref.strip()]


class Commitment(models.Model):
    """A follow-up agreed in a dialogue: who does what by when, tracked until it is closed."""

    class Side(models.TextChoices):
        EMPLOYER = "employer", _("Người sử dụng lao động")
        UNION = "union", _("Công đoàn cơ sở")
        BOTH = "both", _("Hai bên")

    dialogue = models.ForeignKey(Dialogue, on_delete=models.CASCADE, related_name="commitments")
    description = models.TextField(_("Việc cam kết"))
    owner_side = models.CharField(_("Bên thực hiện"), max_length=10, choices=Side.choices, default=Side.EMPLOYER)
    owner_name = models.CharField(_("Người chịu trách nhiệm"), max_length=120)
    due_on = models.DateField(_("Hạn hoàn thành"), db_index=True)
    closed_on = models.DateField(_("Ngày hoàn thành"), null=True, blank=True)
    closing_note = models.TextField(_("Kết quả thực hiện"), blank=True)

    class Meta:
        verbose_name = _("Cam kết sau đối thoại")
        verbose_name_plural = _("Cam kết sau đối thoại")
        ordering = ["closed_on", "due_on", "pk"]

    def __str__(self) -> str:
        return self.description[:60]

    @property
    def access_units(self) -> list[OrgUnit]:
        return self.dialogue.access_units

    @property
    def is_closed(self) -> bool:
        return self.closed_on is not None

    def is_overdue_on(self, day: dt.date) -> bool:
        return self.closed_on is None and self.due_on < day


class CollectiveAgreement(models.Model):
    """Thỏa ước lao động tập thể doanh nghiệp (Bộ luật Lao động 2019 Điều 75–83)."""

    enterprise = models.ForeignKey(
        Enterprise, verbose_name=_("Doanh nghiệp"), on_delete=models.PROTECT, related_name="collective_agreements"
    )
    signed_on = models.DateField(_("Ngày ký"))
    effective_on = models.DateField(_("Ngày có hiệu lực"))
    expires_on = models.DateField(_("Ngày hết hạn"), db_index=True)
    summary = models.TextField(_("Nội dung có lợi hơn cho người lao động"), blank=True)
    is_demo = models.BooleanField(_("Dữ liệu minh họa"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("Thỏa ước lao động tập thể")
        verbose_name_plural = _("Thỏa ước lao động tập thể")
        ordering = ["expires_on"]

    def __str__(self) -> str:
        return f"{self.enterprise} · {self.expires_on:%d/%m/%Y}"

    @property
    def access_units(self) -> list[OrgUnit]:
        return self.enterprise.access_units
