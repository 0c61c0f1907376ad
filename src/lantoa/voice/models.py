"""Anonymous reports and their cases, surveys, hotspot signals. Texts and photos are stored encrypted."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lantoa.orgs.models import Enterprise, OrgUnit


class Category(models.Model):
    """What a report is about; deadlines per category (first reply, resolution) and a severity for warnings."""

    slug = models.SlugField(_("Mã"), max_length=40, unique=True)
    name = models.CharField(_("Tên"), max_length=120)
    severity = models.PositiveSmallIntegerField(_("Mức độ nghiêm trọng"), default=1, help_text=_("1 thấp – 3 cao."))
    first_reply_days = models.PositiveSmallIntegerField(_("Hạn trả lời đầu tiên (ngày)"), default=3)
    resolution_days = models.PositiveSmallIntegerField(_("Hạn giải quyết (ngày)"), default=15)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("Loại phản ánh")
        verbose_name_plural = _("Loại phản ánh")
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return self.name


class Report(models.Model):
    """A worker's anonymous report and the case the union handles. No IP, device or account is kept."""

    class Status(models.TextChoices):
        NEW = "new", _("Mới tiếp nhận")
        IN_PROGRESS = "in_progress", _("Đang xử lý")
        ANSWERED = "answered", _("Đã trả lời")
        CLOSED = "closed", _("Đã đóng")
        MERGED = "merged", _("Đã gộp vào phản ánh khác")

    class Outcome(models.TextChoices):
        RESOLVED = "resolved", _("Đã giải quyết")
        PARTLY = "partly", _("Giải quyết một phần")
        REFERRED = "referred", _("Chuyển cơ quan có thẩm quyền")
        UNFOUNDED = "unfounded", _("Không có cơ sở")
        NO_CONTACT = "no_contact", _("Không liên lạc được để làm rõ")

    OPEN_STATUSES = (Status.NEW, Status.IN_PROGRESS, Status.ANSWERED)

    receipt_lookup = models.CharField(max_length=64, unique=True, editable=False)
    receipt_hash = models.CharField(max_length=100, editable=False)
    idempotency_hash = models.CharField(max_length=64, unique=True, null=True, blank=True, editable=False)
    enterprise = models.ForeignKey(
        Enterprise, verbose_name=_("Doanh nghiệp"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    unit = models.ForeignKey(OrgUnit, verbose_name=_("Đơn vị tiếp nhận"), on_delete=models.PROTECT, related_name="+")
    category = models.ForeignKey(Category, verbose_name=_("Loại"), on_delete=models.PROTECT, related_name="reports")
    body_enc = models.BinaryField()
    contact_enc = models.BinaryField(null=True, blank=True)
    is_shareable = models.BooleanField(_("Đồng ý chia sẻ nội dung với doanh nghiệp"), default=False)
    status = models.CharField(_("Trạng thái"), max_length=16, choices=Status.choices, default=Status.NEW)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Người phụ trách"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    first_reply_due_at = models.DateTimeField(_("Hạn trả lời"))
    resolve_due_at = models.DateTimeField(_("Hạn giải quyết"))
    first_replied_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True, db_index=True)
    outcome = models.CharField(_("Kết quả"), max_length=16, choices=Outcome.choices, blank=True)
    escalation_level = models.PositiveSmallIntegerField(default=0)
    escalated_at = models.DateTimeField(null=True, blank=True)
    merged_into = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL, related_name="merged")
    is_demo = models.BooleanField(_("Dữ liệu minh họa"), default=False)

    class Meta:
        verbose_name = _("Phản ánh")
        verbose_name_plural = _("Phản ánh")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status", "first_reply_due_at"], name="voice_report_due")]

    def __str__(self) -> str:
        return f"#{self.pk} · {self.category_id}"

    @property
    def access_units(self) -> list[OrgUnit]:
        return self.enterprise.access_units if self.enterprise is not None else [self.unit]

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN_STATUSES

    @property
    def is_reply_overdue(self) -> bool:
        return self.is_open and self.first_replied_at is None and timezone.now() > self.first_reply_due_at

    @property
    def is_resolution_overdue(self) -> bool:
        return self.is_open and timezone.now() > self.resolve_due_at

    @property
    def is_overdue(self) -> bool:
        return self.is_reply_overdue or self.is_resolution_overdue


class ReportMessage(models.Model):
    class Kind(models.TextChoices):
        WORKER = "worker", _("Người lao động")
        OFFICER = "officer", _("Cán bộ công đoàn")
        NOTE = "note", _("Ghi chú nội bộ")

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="messages")
    kind = models.CharField(max_length=8, choices=Kind.choices)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    body_enc = models.BinaryField()
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"#{self.report_id} · {self.kind}"


class ReportPhoto(models.Model):
    """A photo re-encoded without EXIF (no GPS, no camera serial), then encrypted."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="photos")
    data_enc = models.BinaryField()
    width = models.PositiveIntegerField()
    height = models.PositiveIntegerField()
    byte_count = models.PositiveIntegerField()

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"#{self.report_id} · {self.width}×{self.height}"


class ReportReadLog(models.Model):
    """Every staff read of a report. Kept after the report is purged (report_id is a plain number)."""

    report_id = models.BigIntegerField(db_index=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    action = models.CharField(max_length=32)
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-at"]

    def __str__(self) -> str:
        return f"#{self.report_id} · {self.action} · {self.user_id}"


class Survey(models.Model):
    """Officials ask workers of a unit (optionally one segment) about their thoughts and aspirations."""

    title = models.CharField(_("Tiêu đề"), max_length=200)
    intro = models.TextField(_("Lời giới thiệu"), blank=True)
    unit = models.ForeignKey(OrgUnit, verbose_name=_("Đơn vị khảo sát"), on_delete=models.PROTECT, related_name="+")
    segment = models.CharField(_("Nhóm đối tượng"), max_length=16, blank=True)
    public_code = models.CharField(max_length=12, unique=True)
    is_open = models.BooleanField(_("Đang nhận trả lời"), default=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    is_demo = models.BooleanField(default=False)

    class Meta:
        verbose_name = _("Khảo sát")
        verbose_name_plural = _("Khảo sát")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.title

    @property
    def access_unit(self) -> OrgUnit:
        return self.unit


class SurveyQuestion(models.Model):
    class Kind(models.TextChoices):
        SCALE = "scale", _("Mức độ hài lòng 1–5")
        CHOICE = "choice", _("Chọn một phương án")
        TEXT = "text", _("Trả lời tự do")

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="questions")
    order = models.PositiveSmallIntegerField(default=0)
    text = models.CharField(_("Câu hỏi"), max_length=300)
    kind = models.CharField(_("Kiểu"), max_length=8, choices=Kind.choices)
    choices = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["order", "pk"]

    def __str__(self) -> str:
        return self.text


class SurveyResponse(models.Model):
    """One anonymous answer sheet; `token_hash` is a keyed hash of a random cookie (one answer per device)."""

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="responses")
    token_hash = models.CharField(max_length=64)
    enterprise = models.ForeignKey(Enterprise, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created_on = models.DateField(default=timezone.localdate)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["survey", "token_hash"], name="survey_one_answer_per_device")]

    def __str__(self) -> str:
        return f"{self.survey_id} · {self.created_on}"


class SurveyAnswer(models.Model):
    response = models.ForeignKey(SurveyResponse, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(SurveyQuestion, on_delete=models.CASCADE, related_name="answers")
    scale_value = models.PositiveSmallIntegerField(null=True, blank=True)
    choice = models.CharField(max_length=200, blank=True)
    text_enc = models.BinaryField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.response_id} · {self.question_id}"


class HotspotParameter(models.Model):
    """An editable weight of a warning signal, or a threshold (documented in docs/voice.md)."""

    slug = models.SlugField(max_length=40, unique=True)
    label = models.CharField(_("Tên"), max_length=160)
    value = models.FloatField(_("Giá trị"))
    help_text = models.CharField(_("Giải thích"), max_length=300, blank=True)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "slug"]

    def __str__(self) -> str:
        return self.label


class HotspotEvent(models.Model):
    """A fact officials enter (late wages, mass layoff, overdue dialogue) that feeds the hotspot index."""

    class Kind(models.TextChoices):
        LATE_WAGES = "late_wages", _("Chậm, nợ lương")
        MASS_LAYOFF = "mass_layoff", _("Cắt giảm lao động hàng loạt")
        DIALOGUE_OVERDUE = "dialogue_overdue", _("Quá hạn đối thoại định kỳ")
        WORK_STOPPAGE = "work_stoppage", _("Ngừng việc tập thể")
        OTHER = "other", _("Dấu hiệu khác")

    enterprise = models.ForeignKey(
        Enterprise, verbose_name=_("Doanh nghiệp"), on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField(_("Sự việc"), max_length=20, choices=Kind.choices)
    occurred_on = models.DateField(_("Ngày xảy ra"))
    workers_affected = models.PositiveIntegerField(_("Số lao động bị ảnh hưởng"), default=0)
    note = models.CharField(_("Ghi chú"), max_length=300, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-occurred_on"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} · {self.occurred_on}"

    @property
    def access_units(self) -> list[OrgUnit]:
        return self.enterprise.access_units


class HotspotScore(models.Model):
    """The weekly index of an enterprise or a KCN/CCN, with the signals behind it and whether it warns."""

    unit = models.ForeignKey(OrgUnit, on_delete=models.CASCADE, related_name="+")
    week_on = models.DateField(db_index=True)  # the Monday the week starts
    score = models.FloatField()
    signals = models.JSONField(default=dict)  # {signal slug: raw count}
    previous_mean = models.FloatField(default=0)
    is_warning = models.BooleanField(default=False, db_index=True)
    computed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-week_on", "-score"]
        constraints = [models.UniqueConstraint(fields=["unit", "week_on"], name="hotspot_one_score_per_week")]

    def __str__(self) -> str:
        return f"{self.unit_id} · {self.week_on} · {self.score}"

    @property
    def access_unit(self) -> OrgUnit:
        return self.unit
