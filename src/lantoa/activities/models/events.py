"""Grassroots events (talks, conferences, performances, contests, culture and sport) and their QR attendance."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from lantoa.orgs.models import Enterprise, OrgUnit


class Event(models.Model):
    class Kind(models.TextChoices):
        TALK = "talk", _("Nói chuyện chuyên đề, tuyên truyền miệng")
        CONFERENCE = "conference", _("Hội nghị, sinh hoạt chính trị")
        PERFORMANCE = "performance", _("Sân khấu hóa")
        CONTEST = "contest", _("Hội thi tìm hiểu")
        CULTURE_SPORT = "culture_sport", _("Văn hóa, văn nghệ, thể thao")
        UNION_MEETING = "union_meeting", _("Sinh hoạt công đoàn")
        VISUAL = "visual", _("Tuyên truyền trực quan (pano, áp phích, loa, tờ rơi)")

    class Shift(models.TextChoices):
        BETWEEN = "between", _("Giờ nghỉ giữa ca")
        MORNING = "morning", _("Ca sáng")
        AFTERNOON = "afternoon", _("Ca chiều")
        NIGHT = "night", _("Ca đêm")
        AFTER_WORK = "after_work", _("Sau giờ làm")
        WEEKEND = "weekend", _("Ngày nghỉ cuối tuần")
        ALL = "all", _("Nhiều ca (tổ chức lặp lại)")

    class Status(models.TextChoices):
        PLANNED = "planned", _("Kế hoạch")
        HELD = "held", _("Đã tổ chức")
        CANCELLED = "cancelled", _("Đã hủy")

    unit = models.ForeignKey(OrgUnit, verbose_name=_("Đơn vị"), on_delete=models.PROTECT, related_name="events")
    enterprise = models.ForeignKey(
        Enterprise,
        verbose_name=_("Doanh nghiệp"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="events",
    )
    kind = models.CharField(_("Hình thức"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("Tên hoạt động"), max_length=200)
    topic = models.TextField(_("Nội dung, chủ đề"), blank=True)
    venue = models.CharField(_("Địa điểm"), max_length=200, blank=True)
    starts_at = models.DateTimeField(_("Thời gian bắt đầu"), db_index=True)
    shift = models.CharField(_("Bố trí theo ca"), max_length=16, choices=Shift.choices, default=Shift.BETWEEN)
    planned_attendance = models.PositiveIntegerField(_("Số người dự kiến"), default=0)
    status = models.CharField(_("Trạng thái"), max_length=12, choices=Status.choices, default=Status.PLANNED)
    held_at = models.DateTimeField(_("Ghi nhận đã tổ chức lúc"), null=True, blank=True)
    # People counted by hand (paper list, no phone): added to QR check-ins, never instead of them.
    unscanned_attendance = models.PositiveIntegerField(_("Số người dự không quét mã (đếm tay)"), default=0)
    result_note = models.TextField(_("Kết quả, ghi chú"), blank=True)
    banner_count = models.PositiveIntegerField(_("Pano, băng rôn"), default=0)
    poster_count = models.PositiveIntegerField(_("Áp phích"), default=0)
    loudspeaker_count = models.PositiveIntegerField(_("Lượt phát loa, truyền thanh nội bộ"), default=0)
    leaflet_count = models.PositiveIntegerField(_("Tờ rơi, tờ gấp"), default=0)
    presenters = models.ManyToManyField(
        "activities.Propagandist", verbose_name=_("Người trình bày"), blank=True, related_name="events"
    )
    checkin_secret = models.CharField(max_length=64, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    is_demo = models.BooleanField(_("Dữ liệu minh họa"), default=False)

    class Meta:
        verbose_name = _("Hoạt động tuyên truyền")
        verbose_name_plural = _("Hoạt động tuyên truyền")
        ordering = ["-starts_at"]

    def __str__(self) -> str:
        return self.title

    @property
    def access_units(self) -> list[OrgUnit]:
        return self.enterprise.access_units if self.enterprise is not None else [self.unit]

    @property
    def material_count(self) -> int:
        return self.banner_count + self.poster_count + self.loudspeaker_count + self.leaflet_count


def event_photo_path(instance: "EventPhoto", filename: str) -> str:
    return f"activities/events/{instance.event_id}/{filename}"


class EventPhoto(models.Model):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="photos")
    image = models.ImageField(_("Ảnh"), upload_to=event_photo_path)
    width = models.PositiveIntegerField(default=0)
    height = models.PositiveIntegerField(default=0)
    caption = models.CharField(_("Chú thích"), max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("Ảnh hoạt động")
        verbose_name_plural = _("Ảnh hoạt động")
        ordering = ["created_at"]

    def __str__(self) -> str:
        return self.caption or self.image.name or ""


class EventCheckin(models.Model):
    """One person present at an event: counted once per device and once per account."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="checkins")
    # sha256(event id + device token kept in the worker's cookie): cannot be linked across events or to a person.
    device_hash = models.CharField(max_length=64)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="event_checkins"
    )
    enterprise = models.ForeignKey(Enterprise, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    segments = models.JSONField(default=list, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("Lượt điểm danh")
        verbose_name_plural = _("Lượt điểm danh")
        constraints = [
            models.UniqueConstraint(fields=["event", "device_hash"], name="checkin_once_per_device"),
            models.UniqueConstraint(
                fields=["event", "user"], condition=models.Q(user__isnull=False), name="checkin_once_per_account"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.event_id} · {self.created_at:%d/%m/%Y %H:%M}"
