import datetime as dt
import zoneinfo

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from lantoa.core import scheduler
from lantoa.core.models import ScheduledRun
from lantoa.core.tasks import TIMER_LABELS, run_timer

HCM = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")
ONE_TIMER = [("reach_rollup", "daily", "07:30")]


def run_worker() -> None:
    call_command("db_worker", "--batch", "--no-startup-delay", "--worker-id", "test-worker")


@pytest.mark.django_db(transaction=True)  # the worker commits and closes connections, as in production
def test_an_enqueued_task_is_run_by_the_worker():
    ok = run_timer.enqueue("reach_rollup")
    bad = run_timer.enqueue("not_a_timer")
    assert DBTaskResult.objects.get(id=ok.id).status == TaskResultStatus.READY

    run_worker()

    assert DBTaskResult.objects.get(id=ok.id).status == TaskResultStatus.SUCCESSFUL
    failed = DBTaskResult.objects.get(id=bad.id)
    assert failed.status == TaskResultStatus.FAILED
    assert failed.exception_class_path == "builtins.ValueError"


@pytest.mark.django_db
@override_settings(TASKS_STALE_AFTER_SECONDS=600)
def test_a_job_left_running_by_a_dead_worker_is_marked_failed():
    dead = run_timer.enqueue("reach_rollup")
    alive = run_timer.enqueue("reach_rollup")
    now = timezone.now()
    # what a worker killed mid-job leaves behind: the row it claimed, still "running"
    DBTaskResult.objects.filter(id=dead.id).update(
        status=TaskResultStatus.RUNNING, started_at=now - dt.timedelta(hours=2), worker_ids=["killed"]
    )
    DBTaskResult.objects.filter(id=alive.id).update(status=TaskResultStatus.RUNNING, started_at=now)

    assert scheduler.reap_stale(now=now) == 1

    reaped = DBTaskResult.objects.get(id=dead.id)
    assert reaped.status == TaskResultStatus.FAILED
    assert reaped.finished_at == now
    assert reaped.exception_class_path == scheduler.WORKER_LOST
    assert DBTaskResult.objects.get(id=alive.id).status == TaskResultStatus.RUNNING
    assert scheduler.reap_stale(now=now) == 0


@pytest.mark.django_db
@override_settings(TASKS_SCHEDULE=ONE_TIMER)
def test_the_scheduler_enqueues_once_per_slot_even_twice_or_after_a_restart():
    before = dt.datetime(2026, 3, 2, 7, 0, tzinfo=HCM)
    assert scheduler.enqueue_due(now=before) == ["reach_rollup"]  # yesterday's slot, not yet run
    assert scheduler.enqueue_due(now=before) == []  # a second scheduler in the same slot
    call_command("run_scheduler", "--once")  # a restarted one, now (a later slot)
    slot = dt.datetime(2026, 3, 2, 7, 30, tzinfo=HCM)
    assert scheduler.enqueue_due(now=slot) == ["reach_rollup"]
    assert scheduler.enqueue_due(now=slot + dt.timedelta(hours=3)) == []

    runs = ScheduledRun.objects.filter(name="reach_rollup")
    assert DBTaskResult.objects.count() == runs.count()
    assert {run.slot for run in runs} >= {slot - dt.timedelta(days=1), slot}
    assert DBTaskResult.objects.filter(task_path="lantoa.core.tasks.run_timer").count() == runs.count()


def test_slots_fall_at_their_local_times():
    now = dt.datetime(2026, 3, 4, 1, 0, tzinfo=HCM)  # a Wednesday, 01:00 in Hồ Chí Minh City
    assert scheduler.latest_slot(kind="daily", at="07:30", now=now) == dt.datetime(2026, 3, 3, 7, 30, tzinfo=HCM)
    assert scheduler.latest_slot(kind="hourly", at=":05", now=now) == dt.datetime(2026, 3, 4, 0, 5, tzinfo=HCM)
    weekly = scheduler.latest_slot(kind="weekly", at="02:30", weekday=7, now=now)
    assert weekly == dt.datetime(2026, 3, 1, 2, 30, tzinfo=HCM)


@pytest.mark.django_db
def test_healthz_reports_the_backlog_of_pending_jobs(client):
    assert client.get("/healthz").json()["tasks"] == {"pending": 0, "oldest_age_seconds": None}
    waiting = run_timer.enqueue("reach_rollup")
    DBTaskResult.objects.filter(id=waiting.id).update(enqueued_at=timezone.now() - dt.timedelta(minutes=5))
    run_timer.enqueue("reach_rollup")

    backlog = client.get("/healthz").json()["tasks"]

    assert backlog["pending"] == 2
    assert backlog["oldest_age_seconds"] >= 300


def test_every_timer_has_a_vietnamese_label():
    assert {name for name, *_schedule in settings.TASKS_SCHEDULE} <= TIMER_LABELS.keys()


@pytest.mark.django_db
def test_the_jobs_page_names_the_index_and_plans_timers_in_vietnamese(client, union_officer):
    for name in ("legal_index", "plans_sync", "plans_figures"):
        run_timer.enqueue(name)
    client.force_login(union_officer)

    page = client.get(reverse("orgs:jobs")).content.decode()

    assert "Cập nhật chỉ mục tra cứu pháp luật" in page
    assert "Cập nhật chỉ tiêu và kỳ báo cáo" in page
    assert "Tính số liệu chỉ tiêu cho bảng điều khiển" in page
    assert not any(f">{name}<" in page for name in ("legal_index", "plans_sync", "plans_figures"))
