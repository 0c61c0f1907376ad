import datetime as dt
from dataclasses import dataclass

from django.db.models import Min
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from lantoa.core import jobs, public_files
from lantoa.core.models import Job
from lantoa.core.scheduler import WORKER_LOST
from lantoa.core.tasks import TIMER_LABELS, run_timer


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


STATUS_LABELS: dict[str, Promise] = {
    TaskResultStatus.READY: _lazy("Đang chờ"),
    TaskResultStatus.RUNNING: _lazy("Đang chạy"),
    TaskResultStatus.SUCCESSFUL: _lazy("Xong"),
    TaskResultStatus.FAILED: _lazy("Thất bại"),
}


@dataclass(frozen=True)
class JobRow:
    name: str
    status: str
    failed: bool
    enqueued_at: dt.datetime
    started_at: dt.datetime | None
    finished_at: dt.datetime | None
    started_by: str
    error: str


def _first_argument(result: DBTaskResult) -> object:
    return (result.args_kwargs.get("args") or [None])[0]


def _task_name(result: DBTaskResult, job: Job | None) -> str:
    if job is not None and job.kind in jobs.kinds():
        return f"{jobs.kind_of(job).title}: {job.title}"
    if result.task_path == run_timer.module_path:
        timer = _first_argument(result)
        return str(TIMER_LABELS.get(str(timer), timer))
    if result.task_path == public_files.public_files_build.module_path:
        source = public_files.sources().get(str(_first_argument(result)))
        if source is not None:
            return str(source.title)
    return _("Tác vụ %(name)s") % {"name": result.task_path.rsplit(".", 1)[-1]}


def _started_by(result: DBTaskResult, job: Job | None) -> str:
    if result.task_path == run_timer.module_path:
        return _("hệ thống (định kỳ)")
    person = job.created_by if job is not None else None
    return (person.get_full_name() or person.username) if person is not None else "–"


def _error_summary(result: DBTaskResult, job: Job | None) -> str:
    if result.status != TaskResultStatus.FAILED:
        return ""
    if result.exception_class_path == WORKER_LOST:
        return _("Tiến trình xử lý đã dừng giữa chừng.")
    if job is not None and job.error and job.task_result_id == result.id:
        return job.error
    return _("Lỗi chương trình (%(error)s).") % {"error": result.exception_class_path.rsplit(".", 1)[-1]}


def jobs_recent(*, limit: int = 100) -> list[JobRow]:
    """The latest background tasks, newest first, in words an operator reads (never a traceback).

    A job's task takes the job's id as its argument, so a restarted job's earlier runs still find their job."""
    results = list(DBTaskResult.objects.order_by("-enqueued_at")[:limit])
    job_ids = [_first_argument(r) for r in results if r.task_path == jobs.run_job.module_path]
    linked = Job.objects.select_related("created_by").in_bulk([pk for pk in job_ids if isinstance(pk, int)])
    rows = []
    for result in results:
        job = linked.get(_first_argument(result)) if result.task_path == jobs.run_job.module_path else None
        rows.append(
            JobRow(
                name=_task_name(result, job),
                status=str(STATUS_LABELS.get(result.status, result.status)),
                failed=result.status == TaskResultStatus.FAILED,
                enqueued_at=result.enqueued_at,
                started_at=result.started_at,
                finished_at=result.finished_at,
                started_by=_started_by(result, job),
                error=str(_error_summary(result, job)),
            )
        )
    return rows
