from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ScheduledRun(models.Model):
    """One row per timer and time slot: the unique key makes a second scheduler (or a restart) a no-op."""

    name = models.CharField(_("tác vụ định kỳ"), max_length=64)
    slot = models.DateTimeField(_("khung giờ"))
    task_result_id = models.UUIDField(_("mã công việc"))
    enqueued_at = models.DateTimeField(_("đưa vào hàng đợi lúc"), auto_now_add=True)

    class Meta:
        verbose_name = _("lượt chạy định kỳ")
        verbose_name_plural = _("lượt chạy định kỳ")
        constraints = [models.UniqueConstraint(fields=["name", "slot"], name="core_scheduledrun_once_per_slot")]

    def __str__(self) -> str:
        return f"{self.name} @ {self.slot:%d/%m/%Y %H:%M}"


class Job(models.Model):
    """Work a person started that the worker runs (an import, a generated report).

    Its status, times and traceback live in the task result it points to; this row holds what the
    person sees: the stored upload, progress, the outcome, the generated file and a Vietnamese error.
    """

    kind = models.CharField(_("loại công việc"), max_length=64)  # a JobKind declared by an app (core/jobs.py)
    arguments = models.JSONField(_("tham số"), default=dict, blank=True)
    title = models.CharField(_("tên"), max_length=255)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("người tạo")
    )
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)
    task_result = models.ForeignKey(
        "django_tasks_database.DBTaskResult", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    input_name = models.CharField(_("tệp gửi lên (lưu riêng)"), max_length=255, blank=True)
    output_name = models.CharField(_("tệp kết quả (lưu riêng)"), max_length=255, blank=True)
    output_file_name = models.CharField(_("tên tệp tải về"), max_length=255, blank=True)
    output_content_type = models.CharField(max_length=128, blank=True)
    progress_phase = models.CharField(max_length=16, blank=True)
    progress_done = models.PositiveIntegerField(default=0)
    progress_total = models.PositiveIntegerField(default=0)
    summary = models.JSONField(_("kết quả"), null=True, blank=True)
    error = models.TextField(_("lỗi"), blank=True)

    class Meta:
        verbose_name = _("công việc chạy nền")
        verbose_name_plural = _("công việc chạy nền")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.title


class TaskHeartbeat(models.Model):
    """The proof that a running job's worker is alive: stamped every TASKS_HEARTBEAT_SECONDS by its process
    (core/heartbeat.py); the scheduler fails a running job whose stamp is too old (scheduler.reap_stale)."""

    task_result = models.OneToOneField(
        "django_tasks_database.DBTaskResult", on_delete=models.CASCADE, primary_key=True, related_name="heartbeat"
    )
    worker_id = models.CharField(_("mã tiến trình xử lý"), max_length=64)
    process = models.CharField(_("máy và số tiến trình"), max_length=255)  # host:pid, for the operator
    beat_at = models.DateTimeField(_("tín hiệu gần nhất lúc"))

    class Meta:
        verbose_name = _("tín hiệu sống của công việc")
        verbose_name_plural = _("tín hiệu sống của công việc")

    def __str__(self) -> str:
        return f"{self.task_result_id} @ {self.process}"
