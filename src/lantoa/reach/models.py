"""Anonymous reach: events (no personal data) and their roll-ups per day and per month, enterprise and kind."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

ALL_SEGMENTS = ""  # the roll-up row counting every worker of the enterprise, whatever its segments


class Kind(models.TextChoices):
    VIEWED = "viewed", _("Xem bài")
    COMPLETED = "completed", _("Học xong (làm bài kiểm tra)")
    QUIZ_PASSED = "quiz_passed", _("Đạt bài kiểm tra")
    REACHED = "reached", _("Người lao động mới được tiếp cận trong quý")
    INFO_VIEWED = "info_viewed", _("Xem thông tin chính thức")


class ReachEvent(models.Model):
    """One anonymous event: what happened, when, in which enterprise context; never who."""

    kind = models.CharField(max_length=16, choices=Kind.choices)
    occurred_at = models.DateTimeField(db_index=True)
    enterprise = models.ForeignKey(
        "orgs.Enterprise", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    topic = models.CharField(max_length=40, blank=True)
    page_id = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        verbose_name = _("Sự kiện tiếp cận")
        verbose_name_plural = _("Sự kiện tiếp cận")
        # the rumour desk counts views per clarification; a partial index costs lesson views nothing
        indexes = [models.Index(fields=["page_id"], condition=Q(kind="info_viewed"), name="reach_event_info_page")]

    def __str__(self) -> str:
        return f"{self.kind} {self.occurred_at:%Y-%m-%d}"


class ReachDaily(models.Model):
    """Counts per day × enterprise × kind (segment and topic left blank), incremented in batches of new events."""

    day = models.DateField()
    enterprise = models.ForeignKey("orgs.Enterprise", null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    # A copy of the enterprise's unit, written by the roll-up from the enterprise row: the enterprise key keeps the
    # database's check, a second one per row would only slow the roll-up (deletes still cascade, through the ORM).
    unit = models.ForeignKey(
        "orgs.OrgUnit",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        db_constraint=False,
        related_name="+",
        help_text="the enterprise's unit",
    )
    segment = models.CharField(max_length=16, blank=True)
    topic = models.CharField(max_length=40, blank=True)
    kind = models.CharField(max_length=16, choices=Kind.choices)
    count = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("Số liệu tiếp cận theo ngày")
        verbose_name_plural = _("Số liệu tiếp cận theo ngày")
        constraints = [
            models.UniqueConstraint(
                fields=["day", "enterprise", "segment", "topic", "kind"],
                condition=Q(enterprise__isnull=False),
                name="reach_daily_one_row_per_enterprise",
            ),
            models.UniqueConstraint(
                fields=["day", "segment", "topic", "kind"],
                condition=Q(enterprise__isnull=True),
                name="reach_daily_one_row_without_enterprise",
            ),
        ]
        indexes = [models.Index(fields=["kind", "segment", "day"], name="reach_daily_kind_day")]

    def __str__(self) -> str:
        return f"{self.day} {self.kind} {self.count}"


class ReachMonthly(models.Model):
    """Counts per month × enterprise × kind: what periods and dashboards add up. Its size is bounded by
    enterprises × months, whatever the number of events (ReachDaily covers the days of a partial month)."""

    month = models.DateField(help_text="the first day of the month, local time")
    enterprise = models.ForeignKey("orgs.Enterprise", on_delete=models.CASCADE, related_name="+")
    unit = models.ForeignKey(
        "orgs.OrgUnit",
        on_delete=models.CASCADE,
        db_constraint=False,  # a copy of the enterprise's, as ReachDaily.unit
        related_name="+",
        help_text="the enterprise's unit",
    )
    kind = models.CharField(max_length=16, choices=Kind.choices)
    count = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("Số liệu tiếp cận theo tháng")
        verbose_name_plural = _("Số liệu tiếp cận theo tháng")
        constraints = [
            models.UniqueConstraint(fields=["month", "enterprise", "kind"], name="reach_monthly_one_row_per_enterprise")
        ]
        indexes = [models.Index(fields=["kind", "month"], name="reach_monthly_kind_month")]

    def __str__(self) -> str:
        return f"{self.month:%Y-%m} {self.kind} {self.count}"


class ReachDevice(models.Model):
    """A device first seen in an enterprise context this quarter: a salted hash of a random cookie, nothing else."""

    quarter_start = models.DateField()
    enterprise = models.ForeignKey("orgs.Enterprise", on_delete=models.CASCADE, related_name="+")
    device_hash = models.CharField(max_length=64)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["quarter_start", "enterprise", "device_hash"], name="reach_device_once_a_quarter"
            )
        ]

    def __str__(self) -> str:
        return f"{self.enterprise_id} {self.quarter_start}"


class ReachRollupCursor(models.Model):
    """The high-water mark of the roll-ups: every event up to `last_event_id` is counted in ReachDaily, once."""

    name = models.CharField(max_length=32, unique=True)
    last_event_id = models.BigIntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("Mốc cộng dồn số liệu tiếp cận")
        verbose_name_plural = _("Mốc cộng dồn số liệu tiếp cận")

    def __str__(self) -> str:
        return f"{self.name} {self.last_event_id}"
