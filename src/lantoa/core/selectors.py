import datetime as dt

from django.db.models import Min
from django.utils import timezone
from django_tasks_db.models import DBTaskResult


def task_backlog(*, now: dt.datetime | None = None) -> dict[str, int | float | None]:
    """Jobs waiting for a worker: how many, and how long the oldest has waited (seconds), for /healthz."""
    now = now or timezone.now()
    pending = DBTaskResult.objects.ready()  # queued and due (the backend's own definition)
    summary = pending.aggregate(oldest=Min("enqueued_at"))
    oldest = summary["oldest"]
    return {
        "pending": pending.count(),
        "oldest_age_seconds": round((now - oldest).total_seconds(), 1) if oldest else None,
    }
