"""The periodic scheduler: enqueues each timer once per slot and reaps jobs whose worker died."""

import datetime as dt
import logging
import zoneinfo

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from lantoa.core.models import ScheduledRun
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
    """Mark failed every job still running long after it started: its worker was killed and will never finish it."""
    now = now or timezone.now()
    cutoff = now - dt.timedelta(seconds=settings.TASKS_STALE_AFTER_SECONDS)
    reaped = DBTaskResult.objects.filter(status=TaskResultStatus.RUNNING, started_at__lt=cutoff).update(
        status=TaskResultStatus.FAILED,
        finished_at=now,
        exception_class_path=WORKER_LOST,
        traceback="Tiến trình xử lý đã dừng giữa chừng; công việc được đánh dấu thất bại.",
    )
    if reaped:
        logger.warning("stale jobs marked failed", extra={"count": reaped})
    return reaped
