"""The worker's heartbeat: while a job runs, its own process says so every few seconds.

django-tasks-db marks a job RUNNING when a worker claims it and changes it only when the job ends, so a worker
killed mid-job (kill -9, out of memory, power cut) would leave it running for ever. When a job starts, its worker
records a `TaskHeartbeat` and a thread of the same process stamps it every TASKS_HEARTBEAT_SECONDS until the job
ends; the scheduler's reaper (`scheduler.reap_stale`) fails a running job whose stamp is older than
TASKS_HEARTBEAT_TIMEOUT_SECONDS. The thread dies with its process, so a silent job has lost its worker (or its
worker lost the database, and could not record the job's result either).

Connected to django-tasks' `task_started` / `task_finished` signals (core/apps.py), so every worker beats:
`manage.py db_worker` in production, the demo and the tests' `run_worker()`.
"""

import logging
import os
import socket
import threading
import uuid
from typing import Any

from django.conf import settings
from django.db import DatabaseError, connection
from django.utils import timezone
from django_tasks import task_backends
from django_tasks_db.backend import DatabaseBackend

from lantoa.core.models import TaskHeartbeat

logger = logging.getLogger(__name__)
STOP_WAIT_SECONDS = 30.0  # a stamp stuck behind a database lock is not waited for longer when the job ends


class _Beat(threading.Thread):
    def __init__(self, task_id: str) -> None:
        super().__init__(name=f"heartbeat-{task_id}", daemon=True)
        self.task_id = task_id
        self.stopped = threading.Event()

    def run(self) -> None:
        try:
            while not self.stopped.wait(settings.TASKS_HEARTBEAT_SECONDS):
                self._stamp()
        finally:
            connection.close()  # this thread's own connection (Django's are per thread)

    def _stamp(self) -> None:
        try:
            stamped = TaskHeartbeat.objects.filter(pk=uuid.UUID(self.task_id)).update(beat_at=timezone.now())
        except DatabaseError as error:  # a locked SQLite file, a dropped connection: the next beat tries again
            logger.warning("heartbeat of task %s not recorded (%s)", self.task_id, type(error).__name__)
            connection.close()
            return
        if not stamped:  # the reaper took the job for lost while it runs: it may be started again beside this run
            logger.warning("task %s was reaped as lost while still running: its heartbeat came too late", self.task_id)
            self.stopped.set()


_beats: dict[str, _Beat] = {}
_beats_lock = threading.Lock()


def _on_database(task_result: Any) -> bool:
    return isinstance(task_backends[task_result.backend], DatabaseBackend)


def beat_start(*, sender: Any, task_result: Any, **kwargs: Any) -> None:
    """On `task_started`, in the worker: record the job's first beat and keep beating until it finishes."""
    if not _on_database(task_result):
        return
    try:
        TaskHeartbeat.objects.update_or_create(
            task_result_id=task_result.id,
            defaults={
                "worker_id": (task_result.worker_ids or [""])[-1][:64],
                "process": f"{socket.gethostname()}:{os.getpid()}"[:255],
                "beat_at": timezone.now(),
            },
        )
    except DatabaseError as error:  # the job still runs; without a beat the reaper waits TASKS_STALE_AFTER_SECONDS
        logger.warning("heartbeat of task %s not started (%s)", task_result.id, type(error).__name__)
        return
    beat = _Beat(task_result.id)
    with _beats_lock:
        _beats[task_result.id] = beat
    beat.start()


def beat_stop(*, sender: Any, task_result: Any, **kwargs: Any) -> None:
    """On `task_finished` (success or failure): stop beating and remove the job's heartbeat."""
    with _beats_lock:
        beat = _beats.pop(task_result.id, None)
    if beat is None:
        return
    beat.stopped.set()
    beat.join(timeout=STOP_WAIT_SECONDS)
    try:
        TaskHeartbeat.objects.filter(pk=task_result.id).delete()
    except DatabaseError as error:  # the reaper deletes heartbeats of finished jobs too
        logger.warning("heartbeat of task %s not removed (%s)", task_result.id, type(error).__name__)
