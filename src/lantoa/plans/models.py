"""Plans, tasks, indicators and targets, reporting periods, unit reports, inspections and in-app notices."""

import datetime as dt

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lantoa.orgs.models import OrgUnit, User


class Plan(models.Model):
    """A unit's plan carrying out the provincial plan: the provincial plan itself has no parent."""

    unit = models.ForeignKey(OrgUnit, verbose_name=_("Đơn vị"), on_delete=models.PROTECT, related_name="plans")
    parent = models.ForeignKey(
        "self", verbose_name=_("Thực hiện kế hoạch"), null=True, blank=True, on_delete=models.PROTECT
    )
    number = models.CharField(_("Số, ký hiệu"), max_length=60, blank=True)
    title = models.CharField(_("Tên kế hoạch"), max_length=400)
    issued_on = models.DateField(_("Ngày ban hành"), null=True, blank=True)
    starts_on = models.DateField(_("Từ ngày"))
    ends_on = models.DateField(_("Đến ngày"))
    purpose = models.TextField(_("Mục đích, yêu cầu"), blank=True)
    roadmap = models.TextField(
        _("Lộ trình"), blank=True, help_text=_("Mỗi dòng một mốc: “dd/mm/yyyy – việc cần xong”.")
    )
    is_demo = models.BooleanField(_("Dữ liệu minh họa"), default=False)

    class Meta:
        verbose_name = _("Kế hoạch")
        verbose_name_plural = _("Kế hoạch")
        ordering = ["unit__path", "-starts_on"]
        constraints = [models.UniqueConstraint(fields=["unit", "parent"], name="plan_one_per_unit_and_parent")]

    def __str__(self) -> str:
        return self.title

    @property
    def access_unit(self) -> OrgUnit:
        return self.unit

    @property
    def roadmap_steps(self) -> list[str]:
        return [line.strip() for line in self.roadmap.splitlines() if line.strip()]


class PlanTask(models.Model):
    """A task of a plan; a task assigned down the tree is a child task held by the assignee."""

    class Status(models.TextChoices):
        OPEN = "open", _("Chưa thực hiện")
        IN_PROGRESS = "in_progress", _("Đang thực hiện")
        DONE = "done", _("Đã hoàn thành")

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="tasks")
    parent_task = models.ForeignKey(
        "self",
        verbose_name=_("Giao từ nhiệm vụ"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="assigned",
    )
    section = models.CharField(_("Mục"), max_length=20, blank=True)
    title = models.CharField(_("Nhiệm vụ"), max_length=300)
    description = models.TextField(_("Nội dung"), blank=True)
    lead_text = models.CharField(_("Cơ quan chủ trì, phối hợp"), max_length=400, blank=True)
    assignee = models.ForeignKey(
        OrgUnit, verbose_name=_("Đơn vị thực hiện"), on_delete=models.PROTECT, related_name="plan_tasks"
    )
    assigned_by = models.ForeignKey(
        OrgUnit, verbose_name=_("Đơn vị giao"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    due_on = models.DateField(_("Hạn hoàn thành"), null=True, blank=True)
    status = models.CharField(_("Tình trạng"), max_length=16, choices=Status.choices, default=Status.OPEN)
    progress_note = models.TextField(_("Kết quả thực hiện"), blank=True)
    order = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("Nhiệm vụ")
        verbose_name_plural = _("Nhiệm vụ")
        ordering = ["plan_id", "order", "pk"]

    def __str__(self) -> str:
        return self.title

    @property
    def access_units(self) -> list[OrgUnit]:
        return [self.assignee, self.assigned_by] if self.assigned_by is not None else [self.assignee]

    def is_overdue(self, on: dt.date | None = None) -> bool:
        on = on or timezone.localdate()
        return bool(self.due_on and self.status != self.Status.DONE and self.due_on < on)


class Indicator(models.Model):
    """An indicator: computed from a source (platform records) or entered by each unit."""

    class Kind(models.TextChoices):
        COMPUTED = "computed", _("Tính từ dữ liệu")
        ENTERED = "entered", _("Đơn vị nhập")

    code = models.CharField(_("Mã"), max_length=60, unique=True)
    name = models.CharField(_("Chỉ tiêu"), max_length=300)
    measure = models.CharField(_("Đơn vị tính"), max_length=60)
    kind = models.CharField(_("Cách tính"), max_length=16, choices=Kind.choices)
    source_code = models.CharField(_("Nguồn số liệu"), max_length=60, blank=True)
    group = models.CharField(_("Nhóm"), max_length=120, blank=True)
    order = models.PositiveIntegerField(default=100)
    is_active = models.BooleanField(_("Đang dùng"), default=True)

    class Meta:
        verbose_name = _("Chỉ tiêu")
        verbose_name_plural = _("Chỉ tiêu")
        ordering = ["order", "code"]

    def __str__(self) -> str:
        return self.name


class ReportingPeriod(models.Model):
    class Kind(models.TextChoices):
        QUARTER = "quarter", _("Quý")
        HALF = "half", _("6 tháng")
        YEAR = "year", _("Năm")
        INTERIM_REVIEW = "interim_review", _("Sơ kết")
        FINAL_REVIEW = "final_review", _("Tổng kết")

    code = models.CharField(_("Mã kỳ"), max_length=20, unique=True)
    kind = models.CharField(_("Loại kỳ"), max_length=20, choices=Kind.choices)
    label = models.CharField(_("Tên kỳ"), max_length=120)
    starts_on = models.DateField(_("Từ ngày"))
    ends_on = models.DateField(_("Đến ngày"))
    due_on = models.DateField(_("Hạn nộp báo cáo"))

    class Meta:
        verbose_name = _("Kỳ báo cáo")
        verbose_name_plural = _("Kỳ báo cáo")
        ordering = ["starts_on", "-ends_on"]

    def __str__(self) -> str:
        return self.label


class Target(models.Model):
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="targets")
    unit = models.ForeignKey(OrgUnit, on_delete=models.CASCADE, related_name="indicator_targets")
    period = models.ForeignKey(ReportingPeriod, on_delete=models.CASCADE, related_name="targets")
    value = models.PositiveIntegerField(_("Chỉ tiêu phấn đấu"))

    class Meta:
        verbose_name = _("Chỉ tiêu phấn đấu")
        verbose_name_plural = _("Chỉ tiêu phấn đấu")
        constraints = [models.UniqueConstraint(fields=["indicator", "unit", "period"], name="target_unique")]

    def __str__(self) -> str:
        return f"{self.indicator} · {self.unit} · {self.period}"

    @property
    def access_unit(self) -> OrgUnit:
        return self.unit


class EnteredValue(models.Model):
    """A figure a unit enters itself for an indicator of kind `entered`; it rolls up like computed ones."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="entered_values")
    unit = models.ForeignKey(OrgUnit, on_delete=models.CASCADE, related_name="entered_values")
    period = models.ForeignKey(ReportingPeriod, on_delete=models.CASCADE, related_name="entered_values")
    value = models.PositiveIntegerField(_("Số liệu"))
    note = models.CharField(_("Ghi chú, căn cứ"), max_length=300, blank=True)
    entered_by = models.ForeignKey(User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    entered_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("Số liệu đơn vị nhập")
        verbose_name_plural = _("Số liệu đơn vị nhập")
        constraints = [models.UniqueConstraint(fields=["indicator", "unit", "period"], name="entered_value_unique")]

    def __str__(self) -> str:
        return f"{self.indicator} · {self.unit} · {self.period}: {self.value}"


class UnitReport(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Dự thảo")
        SUBMITTED = "submitted", _("Đã gửi")
        RETURNED = "returned", _("Trả lại để bổ sung")
        APPROVED = "approved", _("Đã duyệt")

    unit = models.ForeignKey(OrgUnit, verbose_name=_("Đơn vị"), on_delete=models.PROTECT, related_name="reports")
    period = models.ForeignKey(ReportingPeriod, verbose_name=_("Kỳ báo cáo"), on_delete=models.PROTECT)
    status = models.CharField(_("Tình trạng"), max_length=16, choices=Status.choices, default=Status.DRAFT)
    number = models.CharField(_("Số, ký hiệu"), max_length=60, blank=True)
    title = models.CharField(_("Trích yếu"), max_length=400)
    situation = models.TextField(_("Tình hình chung"), blank=True)
    results = models.TextField(_("Kết quả thực hiện"), blank=True)
    shortcomings = models.TextField(_("Hạn chế, nguyên nhân"), blank=True)
    next_steps = models.TextField(_("Nhiệm vụ thời gian tới"), blank=True)
    recipients = models.TextField(_("Nơi nhận"), blank=True)
    signer_title = models.CharField(_("Chức vụ người ký"), max_length=120, blank=True)
    signer_name = models.CharField(_("Người ký"), max_length=120, blank=True)
    review_note = models.TextField(_("Ý kiến của cấp trên"), blank=True)
    drafted_at = models.DateTimeField(null=True, blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    submitted_by = models.ForeignKey(User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    reviewed_at = models.DateTimeField(null=True, blank=True)
    reviewed_by = models.ForeignKey(User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = _("Báo cáo của đơn vị")
        verbose_name_plural = _("Báo cáo của đơn vị")
        ordering = ["-period__starts_on", "unit__path"]
        constraints = [models.UniqueConstraint(fields=["unit", "period"], name="report_one_per_unit_period")]

    def __str__(self) -> str:
        return self.title

    @property
    def access_unit(self) -> OrgUnit:
        return self.unit

    @property
    def is_editable(self) -> bool:
        return self.status in (self.Status.DRAFT, self.Status.RETURNED)

    def is_overdue(self, on: dt.date | None = None) -> bool:
        on = on or timezone.localdate()
        return self.is_editable and self.period.due_on < on


class ReportFigure(models.Model):
    """One number of a report, frozen when drafted, with the records it was computed from."""

    report = models.ForeignKey(UnitReport, on_delete=models.CASCADE, related_name="figures")
    indicator = models.ForeignKey(Indicator, on_delete=models.PROTECT, related_name="+")
    value = models.PositiveIntegerField(null=True, blank=True)
    target = models.PositiveIntegerField(null=True, blank=True)
    previous = models.PositiveIntegerField(_("Kỳ trước"), null=True, blank=True)
    order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["order", "pk"]
        constraints = [models.UniqueConstraint(fields=["report", "indicator"], name="figure_unique")]

    def __str__(self) -> str:
        return f"{self.indicator}: {self.value}"

    @property
    def percent_of_target(self) -> int | None:
        if self.value is None or not self.target:
            return None
        return round(100 * self.value / self.target)


class Inspection(models.Model):
    class Kind(models.TextChoices):
        INSPECTION = "inspection", _("Kiểm tra")
        SUPERVISION = "supervision", _("Giám sát")

    unit = models.ForeignKey(
        OrgUnit, verbose_name=_("Đơn vị được kiểm tra"), on_delete=models.PROTECT, related_name="+"
    )
    by_unit = models.ForeignKey(OrgUnit, verbose_name=_("Đơn vị kiểm tra"), on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(_("Hình thức"), max_length=16, choices=Kind.choices)
    title = models.CharField(_("Nội dung"), max_length=300)
    held_on = models.DateField(_("Ngày thực hiện"))
    conclusion = models.TextField(_("Kết luận"), blank=True)
    created_by = models.ForeignKey(User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = _("Kiểm tra, giám sát")
        verbose_name_plural = _("Kiểm tra, giám sát")
        ordering = ["-held_on", "pk"]

    def __str__(self) -> str:
        return self.title

    @property
    def access_units(self) -> list[OrgUnit]:
        return [self.unit, self.by_unit]


class Finding(models.Model):
    inspection = models.ForeignKey(Inspection, on_delete=models.CASCADE, related_name="findings")
    text = models.TextField(_("Phát hiện"))
    follow_up = models.TextField(_("Yêu cầu khắc phục"), blank=True)
    due_on = models.DateField(_("Hạn khắc phục"), null=True, blank=True)
    closed_on = models.DateField(_("Ngày khắc phục xong"), null=True, blank=True)
    closing_note = models.TextField(_("Kết quả khắc phục"), blank=True)

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.text[:80]

    def is_overdue(self, on: dt.date | None = None) -> bool:
        on = on or timezone.localdate()
        return bool(self.due_on and not self.closed_on and self.due_on < on)


class Notice(models.Model):
    """An in-app notice to a unit: a reminder of a report or task coming due, a returned report; other apps' reminders
    (`core.registry.reminders`, e.g. a recommendation to answer) come with the kinds listed here."""

    class Kind(models.TextChoices):
        REPORT_DUE = "report_due", _("Sắp đến hạn nộp báo cáo")
        REPORT_OVERDUE = "report_overdue", _("Quá hạn nộp báo cáo")
        REPORT_RETURNED = "report_returned", _("Báo cáo bị trả lại")
        TASK_ASSIGNED = "task_assigned", _("Được giao nhiệm vụ")
        TASK_DUE = "task_due", _("Nhiệm vụ sắp đến hạn")
        FINDING_DUE = "finding_due", _("Sắp đến hạn khắc phục")
        FINDING_OVERDUE = "finding_overdue", _("Quá hạn khắc phục")
        RECOMMENDATION_DUE = "recommend_due", _("Kiến nghị sắp đến hạn trả lời")
        RECOMMENDATION_OVERDUE = "recommend_overdue", _("Kiến nghị quá hạn trả lời")

    # Reminders of a deadline already passed: the office inbox shows them as one line per unit and kind.
    OVERDUE_KINDS = (Kind.REPORT_OVERDUE, Kind.FINDING_OVERDUE, Kind.RECOMMENDATION_OVERDUE)

    unit = models.ForeignKey(OrgUnit, on_delete=models.CASCADE, related_name="plan_notices")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    message = models.CharField(max_length=400)
    url = models.CharField(max_length=200, blank=True)
    # One notice per subject, kind and day: running the reminder command twice the same day sends nothing new.
    subject_key = models.CharField(max_length=60)
    sent_on = models.DateField()
    read_at = models.DateTimeField(null=True, blank=True)
    # Set once the reminder e-mail went out to every official of the unit (or the unit had none with an address);
    # left empty when sending failed, so the next run of `plans_remind` sends it again.
    mailed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-sent_on", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["unit", "kind", "subject_key", "sent_on"], name="notice_once_a_day")
        ]

    def __str__(self) -> str:
        return self.message

    @property
    def access_unit(self) -> OrgUnit:
        return self.unit


class SourceFigures(models.Model):
    """A source's counts per lowest unit over one period's dates, as the hourly `plans_figures` timer last computed
    them. Dashboards read these (one query for every source and quarter on the board) instead of asking each
    source; a period outside the stored ones is counted when asked."""

    source_code = models.CharField(max_length=80)
    starts_on = models.DateField()
    ends_on = models.DateField()
    values = models.JSONField(default=dict, help_text="{unit id: count}")
    computed_at = models.DateTimeField()

    class Meta:
        verbose_name = _("Số liệu nguồn đã tính")
        verbose_name_plural = _("Số liệu nguồn đã tính")
        constraints = [
            models.UniqueConstraint(fields=["source_code", "starts_on", "ends_on"], name="source_figures_once")
        ]

    def __str__(self) -> str:
        return f"{self.source_code} {self.starts_on}–{self.ends_on}"
