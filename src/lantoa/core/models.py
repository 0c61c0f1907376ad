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
