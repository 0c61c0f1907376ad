"""Question bank per topic, lesson quizzes and their anonymous results."""

from django.db import models
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
