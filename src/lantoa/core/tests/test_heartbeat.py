"""A worker killed mid-job: its job's heartbeat stops, and the scheduler fails the job within the short
threshold (TASKS_HEARTBEAT_TIMEOUT_SECONDS), not the hour a job without heartbeat waits."""

import contextlib
import datetime as dt
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from lantoa.core import jobs, scheduler, selectors
from lantoa.core.models import Job, TaskHeartbeat
from lantoa.core.tasks import run_timer
from lantoa.core.tests import sleeping_job
from lantoa.core.tests.support import run_worker, subprocess_database_url

ROOT = Path(__file__).resolve().parents[4]
BEAT_SECONDS = 0.3
TIMEOUT_SECONDS = 2.0
WAIT_SECONDS = 90  # a bound on a failure only (the worker's start on a loaded machine)


def _start_worker(log: Path) -> subprocess.Popen:
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT / "src"),
        "DJANGO_SETTINGS_MODULE": "lantoa.config.settings.test",
        "DATABASE_URL": subprocess_database_url(),
        "TASKS_HEARTBEAT_SECONDS": str(BEAT_SECONDS),
    }
    command = [sys.executable, "-c", sleeping_job.worker_code(worker_id="doomed")]
    with log.open("wb") as out:
        return subprocess.Popen(  # noqa: S603 - our own worker on the test database
            command, env=env, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )


def _wait_for(condition, what: str, log: Path) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + WAIT_SECONDS
    while not condition():
        assert time.monotonic() < deadline, f"{what}; the worker wrote:\n{log.read_text(errors='replace')}"
        time.sleep(0.05)


def _kill(process: subprocess.Popen) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    process.wait(timeout=10)


@pytest.mark.django_db(transaction=True)  # the worker process reads and writes the same database
@override_settings(TASKS_HEARTBEAT_TIMEOUT_SECONDS=TIMEOUT_SECONDS, TASKS_STALE_AFTER_SECONDS=3600)
def test_a_job_whose_worker_is_killed_fails_within_the_heartbeat_timeout(
    client, django_user_model, monkeypatch, tmp_path
):
    monkeypatch.setattr(jobs, "kinds", sleeping_job.kinds_with_sleep(jobs.kinds))
    officer = django_user_model.objects.create_user(username="nguoi-chay", password="x")
    job = jobs.job_start(kind="tests.sleep", user=officer, title="chờ lâu", arguments={"seconds": 600})
    result_id = job.task_result_id
    assert result_id is not None
    log = tmp_path / "worker.log"
    worker = _start_worker(log)
    try:
        _wait_for(lambda: TaskHeartbeat.objects.filter(task_result_id=result_id).exists(), "no beat", log)
        first = TaskHeartbeat.objects.get(task_result_id=result_id)
        assert first.worker_id == "doomed" and first.process.endswith(f":{worker.pid}")
        _wait_for(lambda: TaskHeartbeat.objects.get(pk=first.pk).beat_at > first.beat_at, "no second beat", log)
        time.sleep(TIMEOUT_SECONDS + 0.5)  # alive and running longer than the timeout: it keeps beating
        assert scheduler.reap_stale() == 0
        assert DBTaskResult.objects.get(id=result_id).status == TaskResultStatus.RUNNING

        _kill(worker)
        killed_at = time.monotonic()
        while not scheduler.reap_stale():
            assert time.monotonic() - killed_at < TIMEOUT_SECONDS + 10, "the lost job was never reaped"
            time.sleep(0.1)
        reaped_after = time.monotonic() - killed_at
    finally:
        _kill(worker)

    # the last beat came at most BEAT_SECONDS before the kill; the reaper's own polling adds 0.1 s
    assert reaped_after <= TIMEOUT_SECONDS + 1.0
    result = DBTaskResult.objects.get(id=result_id)
    assert (result.status, result.exception_class_path) == (TaskResultStatus.FAILED, scheduler.WORKER_LOST)
    assert not TaskHeartbeat.objects.exists()
    client.force_login(officer)
    page = client.get(reverse("core:job", args=[job.pk])).content.decode()
    assert "Tiến trình xử lý đã dừng giữa chừng (máy chủ khởi động lại hoặc quá tải)" in page
    assert "Chạy lại" in page
    assert selectors.jobs_recent()[0].error == "Tiến trình xử lý đã dừng giữa chừng."


@pytest.mark.django_db
@override_settings(TASKS_HEARTBEAT_TIMEOUT_SECONDS=150, TASKS_STALE_AFTER_SECONDS=3600)
def test_the_reaper_judges_a_beating_job_by_its_heartbeat_and_a_silent_one_by_its_start():
    now = timezone.now()

    def running(*, started_ago: dt.timedelta, beat_ago: dt.timedelta | None) -> str:
        result = run_timer.enqueue("reach_rollup")
        DBTaskResult.objects.filter(id=result.id).update(status=TaskResultStatus.RUNNING, started_at=now - started_ago)
        if beat_ago is not None:
            TaskHeartbeat.objects.create(task_result_id=result.id, worker_id="w", process="h:1", beat_at=now - beat_ago)
        return result.id

    long_and_alive = running(started_ago=dt.timedelta(hours=5), beat_ago=dt.timedelta(seconds=20))
    silent = running(started_ago=dt.timedelta(minutes=10), beat_ago=dt.timedelta(minutes=3))
    just_claimed = running(started_ago=dt.timedelta(minutes=10), beat_ago=None)
    never_beat = running(started_ago=dt.timedelta(hours=2), beat_ago=None)

    assert scheduler.reap_stale(now=now) == 2

    status = {str(pk): value for pk, value in DBTaskResult.objects.values_list("id", "status")}
    assert status[long_and_alive] == status[just_claimed] == TaskResultStatus.RUNNING
    assert status[silent] == status[never_beat] == TaskResultStatus.FAILED
    assert [str(pk) for pk in TaskHeartbeat.objects.values_list("task_result_id", flat=True)] == [long_and_alive]


@pytest.mark.django_db(transaction=True)
def test_a_job_that_ends_leaves_no_heartbeat(monkeypatch):
    monkeypatch.setattr(jobs, "kinds", sleeping_job.kinds_with_sleep(jobs.kinds))
    short = jobs.job_start(kind="tests.sleep", user=None, title="chờ", arguments={"seconds": 0})
    failing = run_timer.enqueue("not_a_timer")

    run_worker()

    assert Job.objects.get(pk=short.pk).summary == {"slept": 0}
    assert DBTaskResult.objects.get(id=failing.id).status == TaskResultStatus.FAILED
    assert not TaskHeartbeat.objects.exists()
