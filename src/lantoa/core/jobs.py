"""Work a person starts in the office and the worker runs: imports and generated reports.

An app declares its kinds on its AppConfig (`job_kinds`: dotted paths to `JobKind` objects). A job is
started with `job_start` (the upload, if any, goes to the private storage), run by the `run_job` task
(the kind's builder, with the job's arguments) and followed on `core:job`, which re-checks the kind's
permission on every read; so does the download of the generated file.

The stored upload is deleted once the builder has returned; after a crash or a lost worker it is kept,
so the job can be restarted, until `purge_job_files` removes it with the old generated files.
"""

import datetime as dt
import functools
import logging
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.core.files.base import ContentFile
from django.core.files.storage import Storage, storages
from django.db import transaction
from django.http import Http404
from django.utils import timezone
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _
from django_tasks import task
from django_tasks.base import TaskResultStatus

from lantoa.core import registry
from lantoa.core.models import Job
from lantoa.core.scheduler import WORKER_LOST

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

logger = logging.getLogger(__name__)

# generated files (and uploads a crashed job left behind) are deleted this long after the job ended
FILES_KEEP = dt.timedelta(days=1)
Progress = Callable[[str, int, int], None]


@dataclass(frozen=True)
class Outcome:
    """What a builder hands back: a summary for the page and, for a report, the file to download."""

    summary: dict[str, Any] = field(default_factory=dict)
    content: bytes | None = None
    file_name: str = ""
    content_type: str = ""


@dataclass(frozen=True)
class JobKind:
    """One kind of job. `build(job, input, progress) -> Outcome` runs in the worker (`input` is the stored
    upload as bytes, or None); `allowed(user, job) -> bool` is asked on every page, poll and download."""

    name: str
    title: "StrOrPromise"
    build: Callable[[Job, bytes | None, Progress], Outcome]
    allowed: Callable[[Any, Job], bool]
    result_template: str = ""  # a partial showing the summary; without it the page offers the file
    takes_upload: bool = False


def allowed_unless_404(check: Callable[[], object]) -> bool:
    """For a kind's `allowed`: the page's own access check (a getter that raises Http404) asked again."""
    try:
        check()
    except Http404:
        return False
    return True


@functools.cache
def kinds() -> dict[str, JobKind]:
    found = {}
    for _config, paths in registry.declared("job_kinds"):
        for path in paths:
            kind = import_string(path)
            found[kind.name] = kind
    return found


def kind_of(job: Job) -> JobKind:
    return kinds()[job.kind]


def private_storage() -> Storage:
    return storages["private"]


def job_start(*, kind: str, user: Any, title: str, arguments: dict[str, Any], upload: bytes | None = None) -> Job:
    """Record the job (with its upload stored) and queue it; the worker picks it up once this commits."""
    if kind not in kinds():
        raise ValueError(f"unknown job kind {kind!r}")
    if kinds()[kind].takes_upload != (upload is not None):
        raise ValueError(f"job kind {kind!r} takes_upload={kinds()[kind].takes_upload}")
    input_name = ""
    if upload is not None:
        input_name = private_storage().save(f"jobs/in/{uuid.uuid4().hex}", ContentFile(upload))
    with transaction.atomic():
        job = Job.objects.create(
            kind=kind, arguments=arguments, title=title[:255], created_by=user, input_name=input_name
        )
        _enqueue(job)
    return job


def _enqueue(job: Job) -> None:
    result = run_job.enqueue(job.pk)
    job.task_result_id = result.id
    job.save(update_fields=["task_result"])


def status(job: Job) -> str:
    """pending, running, succeeded or failed: read from the task result, the one home of a job's state."""
    result = job.task_result
    if result is None:  # its task result was pruned long after it finished
        return "succeeded" if job.summary is not None else "failed"
    states: dict[str, str] = {
        TaskResultStatus.READY: "pending",
        TaskResultStatus.RUNNING: "running",
        TaskResultStatus.SUCCESSFUL: "succeeded",
    }
    return states.get(result.status, "failed")


def error_text(job: Job) -> str:
    """The Vietnamese reason a job failed, for the person who started it (never a traceback)."""
    if job.error:
        return job.error
    result = job.task_result
    if result is not None and result.exception_class_path == WORKER_LOST:
        return _("Tiến trình xử lý đã dừng giữa chừng (máy chủ khởi động lại hoặc quá tải), chưa làm xong việc này.")
    return _("Có lỗi khi xử lý. Hãy chạy lại; nếu vẫn lỗi, báo quản trị hệ thống.")


def may_restart(job: Job) -> bool:
    """A failed job may run again if it still has what it needs (its upload, for a kind that takes one)."""
    if status(job) != "failed":
        return False
    if not kind_of(job).takes_upload:
        return True
    return bool(job.input_name) and private_storage().exists(job.input_name)


def job_restart(*, job: Job) -> Job:
    with transaction.atomic():
        job = Job.objects.select_for_update().get(pk=job.pk)
        if not may_restart(job):
            raise ValueError("this job cannot be restarted")
        job.progress_phase, job.progress_done, job.progress_total = "", 0, 0
        job.summary, job.error = None, ""
        job.save(update_fields=["progress_phase", "progress_done", "progress_total", "summary", "error"])
        _enqueue(job)
    return job


def _progress_recorder(job: Job) -> Progress:
    """Write progress to the job row, at most twice a second (and on every change of phase, and at the end)."""
    last_phase: str | None = None
    last_at = 0.0

    def record(phase: str, done: int, total: int) -> None:
        nonlocal last_phase, last_at
        now = time.monotonic()
        if phase == last_phase and done != total and now - last_at < 0.5:
            return
        last_phase, last_at = phase, now
        Job.objects.filter(pk=job.pk).update(progress_phase=phase, progress_done=done, progress_total=total)

    return record


@task()
def run_job(job_id: int) -> None:
    """Run one job's builder; an exception leaves the task failed and a Vietnamese error on the job."""
    job = Job.objects.get(pk=job_id)
    kind = kind_of(job)
    storage = private_storage()
    data = None
    if job.input_name:
        with storage.open(job.input_name, "rb") as stored:
            data = stored.read()
    try:
        outcome = kind.build(job, data, _progress_recorder(job))
    except Exception:
        Job.objects.filter(pk=job.pk).update(
            error=_("Có lỗi khi xử lý. Hãy chạy lại; nếu vẫn lỗi, báo quản trị hệ thống.")
        )
        raise
    if outcome.content is not None:
        job.output_name = storage.save(f"jobs/out/{uuid.uuid4().hex}", ContentFile(outcome.content))
        job.output_file_name, job.output_content_type = outcome.file_name, outcome.content_type
    job.summary = outcome.summary
    job.save(update_fields=["output_name", "output_file_name", "output_content_type", "summary"])
    if job.input_name:
        storage.delete(job.input_name)
        Job.objects.filter(pk=job.pk).update(input_name="")


def output_available(job: Job) -> bool:
    return bool(job.output_name) and private_storage().exists(job.output_name)


def files_purge(*, now: dt.datetime | None = None) -> int:
    """Delete the stored files of jobs started more than FILES_KEEP ago and no longer running; returns how many."""
    cutoff = (now or timezone.now()) - FILES_KEEP
    storage = private_storage()
    deleted = 0
    old = Job.objects.exclude(input_name="", output_name="").filter(created_at__lt=cutoff)
    for job in old.select_related("task_result"):
        if status(job) in ("pending", "running"):
            continue
        for name in (job.input_name, job.output_name):
            if name and storage.exists(name):
                storage.delete(name)
                deleted += 1
        Job.objects.filter(pk=job.pk).update(input_name="", output_name="")
    if deleted:
        logger.info("job files purged", extra={"count": deleted})
    return deleted
