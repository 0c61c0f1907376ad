"""Question bank per topic, lesson quizzes and their anonymous results."""

import datetime as dt

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from lantoa.content.topics import TOPICS


class Question(models.Model):
    class Kind(models.TextChoices):
        SINGLE = "single", _("Chọn một đáp án")
        MULTIPLE = "multiple", _("Chọn nhiều đáp án")
        TRUE_FALSE = "true_false", _("Đúng hay sai")

    topic = models.CharField(_("Chủ đề"), max_length=40, choices=list(TOPICS.items()), db_index=True)
    lesson = models.ForeignKey(
        "content.LessonPage",
        verbose_name=_("Bài học"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="questions",
    )
    kind = models.CharField(_("Loại câu hỏi"), max_length=16, choices=Kind.choices)
    prompt = models.TextField(_("Câu hỏi"))
    explanation = models.TextField(_("Giải thích"))
    cite_doc = models.CharField(_("Số hiệu văn bản"), max_length=40, blank=True)
    cite_article = models.CharField(_("Điều"), max_length=20, blank=True)
    # "<lesson slug>#<n>" for imported questions: re-importing updates instead of duplicating
    source_key = models.CharField(max_length=160, unique=True, null=True, blank=True)
    position = models.PositiveSmallIntegerField(default=0)
    is_active = models.BooleanField(_("Đang dùng"), default=True)

    class Meta:
        verbose_name = _("Câu hỏi")
        verbose_name_plural = _("Ngân hàng câu hỏi")
        ordering = ["topic", "lesson_id", "position", "pk"]

    def __str__(self) -> str:
        return self.prompt[:80]


class Choice(models.Model):
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="choices")
    text = models.CharField(_("Đáp án"), max_length=300)
    is_correct = models.BooleanField(_("Đúng"), default=False)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("Đáp án")
        ordering = ["question_id", "position", "pk"]

    def __str__(self) -> str:
        return self.text


class QuizAttempt(models.Model):
    """One quiz taken after a lesson: anonymous, counted against the enterprise the worker came from."""

    key = models.CharField(
        max_length=64, unique=True, help_text="idempotency key: a resubmission is never counted twice"
    )
    lesson = models.ForeignKey("content.LessonPage", on_delete=models.CASCADE, related_name="quiz_attempts")
    enterprise = models.ForeignKey(
        "orgs.Enterprise", null=True, blank=True, on_delete=models.SET_NULL, related_name="quiz_attempts"
    )
    correct_count = models.PositiveSmallIntegerField()
    question_count = models.PositiveSmallIntegerField()
    is_passed = models.BooleanField()
    answers = models.JSONField(default=dict)
    is_offline = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("Lượt làm bài kiểm tra")
        verbose_name_plural = _("Lượt làm bài kiểm tra")

    def __str__(self) -> str:
        return f"{self.lesson_id}: {self.correct_count}/{self.question_count}"


class Contest(models.Model):
    """Cuộc thi tìm hiểu pháp luật lao động: a time window, eligible units, a time limit, one attempt each."""

    title = models.CharField(_("Tên cuộc thi"), max_length=200)
    slug = models.SlugField(_("Đường dẫn"), max_length=80, unique=True)
    description = models.TextField(_("Thể lệ"), blank=True)
    starts_at = models.DateTimeField(_("Bắt đầu"))
    ends_at = models.DateTimeField(_("Kết thúc"))
    time_limit_minutes = models.PositiveSmallIntegerField(_("Thời gian làm bài (phút)"), default=10)
    question_count = models.PositiveSmallIntegerField(_("Số câu hỏi"), default=10)
    eligible_units = models.ManyToManyField(
        "orgs.OrgUnit",
        verbose_name=_("Đơn vị được dự thi"),
        blank=True,
        related_name="+",
        help_text=_("Để trống: mọi người lao động trong tỉnh."),
    )
    issuing_body = models.ForeignKey(
        "orgs.OrgUnit",
        verbose_name=_("Đơn vị cấp giấy chứng nhận"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    signer_title = models.CharField(_("Chức danh người ký"), max_length=120, blank=True)
    signer_name = models.CharField(_("Họ tên người ký"), max_length=120, blank=True)
    is_demo = models.BooleanField(_("Dữ liệu minh họa"), default=False)

    class Meta:
        verbose_name = _("Cuộc thi")
        verbose_name_plural = _("Cuộc thi")
        ordering = ["-starts_at"]
        constraints = [models.CheckConstraint(condition=Q(ends_at__gt=F("starts_at")), name="contest_ends_after_start")]

    def __str__(self) -> str:
        return self.title


class ContestEntry(models.Model):
    """One attempt: per account, or per device for anonymous play. Personal data only for registered workers."""

    contest = models.ForeignKey(Contest, on_delete=models.CASCADE, related_name="entries")
    user = models.ForeignKey(
        "orgs.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="contest_entries"
    )
    device_key = models.CharField(max_length=64, blank=True)
    # A keyed hash of the phone number an anonymous contestant types: one attempt per person, the number never kept.
    person_key = models.CharField(max_length=64, blank=True)
    participant_name = models.CharField(_("Họ tên in trên giấy chứng nhận"), max_length=120, blank=True)
    enterprise = models.ForeignKey(
        "orgs.Enterprise", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    question_ids = models.JSONField(default=list)
    answers = models.JSONField(default=dict)
    started_at = models.DateTimeField()
    submitted_at = models.DateTimeField(null=True, blank=True)
    correct_count = models.PositiveSmallIntegerField(default=0)
    duration_ms = models.PositiveIntegerField(null=True, blank=True)
    is_late = models.BooleanField(default=False)
    show_on_leaderboard = models.BooleanField(_("Hiện tên trên bảng xếp hạng"), default=False)
    certificate_code = models.CharField(max_length=16, unique=True, null=True, blank=True)

    class Meta:
        verbose_name = _("Bài dự thi")
        verbose_name_plural = _("Bài dự thi")
        constraints = [
            models.UniqueConstraint(
                fields=["contest", "user"], condition=Q(user__isnull=False), name="contest_one_entry_per_user"
            ),
            models.UniqueConstraint(
                fields=["contest", "device_key"], condition=~Q(device_key=""), name="contest_one_entry_per_device"
            ),
            models.UniqueConstraint(
                fields=["contest", "person_key"], condition=~Q(person_key=""), name="contest_one_entry_per_person"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.contest_id}: {self.correct_count}"

    @property
    def holder_name(self) -> str:
        if self.user is not None:
            person = getattr(self.user, "person", None)
            return person.full_name if person else self.user.username
        return self.participant_name

    @property
    def deadline_at(self) -> dt.datetime:
        return self.started_at + dt.timedelta(minutes=self.contest.time_limit_minutes)
