"""The periodic scheduler: enqueues each timer once per slot and reaps jobs whose worker died."""

import datetime as dt
import logging
import zoneinfo

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from lantoa.core.models import ScheduledRun, TaskHeartbeat
from lantoa.core.tasks import run_timer

logger = logging.getLogger(__name__)

WORKER_LOST = "lantoa.core.scheduler.WorkerLost"


def latest_slot(*, kind: str, at: str, weekday: int | None = None, now: dt.datetime) -> dt.datetime:
    """The most recent slot at or before `now` for a daily ("HH:MM"), weekly ("HH:MM", ISO weekday) or hourly (":MM") timer."""
    local = timezone.localtime(now, zoneinfo.ZoneInfo(settings.TIME_ZONE))
    if kind == "hourly":
        slot = local.replace(minute=int(at.lstrip(":")), second=0, microsecond=0)
        return slot if slot <= local else slot - dt.timedelta(hours=1)
    hour, minute = (int(part) for part in at.split(":"))
    slot = local.replace(hour=hour, minute=minute, second=0, microsecond=0)
    if kind == "daily":
        return slot if slot <= local else slot - dt.timedelta(days=1)
    if kind == "weekly" and weekday is not None:
        slot -= dt.timedelta(days=(local.isoweekday() - weekday) % 7)
        return slot if slot <= local else slot - dt.timedelta(days=7)
    raise ValueError(f"unknown schedule kind {kind!r}")


def enqueue_due(*, now: dt.datetime | None = None) -> list[str]:
    """Enqueue every timer whose latest slot has not been enqueued yet; returns the names enqueued."""
    now = now or timezone.now()
    enqueued = []
    for name, kind, at, *weekday in settings.TASKS_SCHEDULE:
        slot = latest_slot(kind=kind, at=at, weekday=weekday[0] if weekday else None, now=now)
        if ScheduledRun.objects.filter(name=name, slot=slot).exists():
            continue
        try:
            with transaction.atomic():
                result = run_timer.enqueue(name)
                ScheduledRun.objects.create(name=name, slot=slot, task_result_id=result.id)
        except IntegrityError:
            continue  # another scheduler took this slot first; its job (in the same transaction) stands
        enqueued.append(name)
        logger.info("timer enqueued", extra={"timer": name, "slot": slot.isoformat()})
    return enqueued


def reap_stale(*, now: dt.datetime | None = None) -> int:
    """Mark failed every running job whose worker is gone, and return how many: its heartbeat (core/heartbeat.py)
    stopped TASKS_HEARTBEAT_TIMEOUT_SECONDS ago, or it never beat and started TASKS_STALE_AFTER_SECONDS ago.

    Failed, not queued again: a job that killed its worker (an import too big for memory) would kill the next
    one too. Timers run at their next slot; a person's job offers **Chạy lại**."""
    now = now or timezone.now()
    silent = Q(heartbeat__beat_at__lt=now - dt.timedelta(seconds=settings.TASKS_HEARTBEAT_TIMEOUT_SECONDS))
    never_beat = Q(
        heartbeat__isnull=True, started_at__lt=now - dt.timedelta(seconds=settings.TASKS_STALE_AFTER_SECONDS)
    )
    lost = DBTaskResult.objects.filter(silent | never_beat, status=TaskResultStatus.RUNNING)
    lost_ids = [str(pk) for pk in lost.values_list("id", flat=True)]
    # the conditions again: a job that beat or ended since the read above is left alone
    reaped = (
        lost.filter(id__in=lost_ids).update(
            status=TaskResultStatus.FAILED,
            finished_at=now,
            exception_class_path=WORKER_LOST,
            traceback="Tiến trình xử lý đã dừng giữa chừng; công việc được đánh dấu thất bại.",
        )
        if lost_ids
        else 0
    )
    # the heartbeats of jobs that ended: those just failed, and any a worker could not remove itself
    TaskHeartbeat.objects.exclude(task_result__status=TaskResultStatus.RUNNING).delete()
    if reaped:
        logger.warning("%s task(s) of lost workers marked failed: %s", reaped, ", ".join(lost_ids))
    return reaped
