"""Page views written in batches: none lost on a normal exit, none written inside a caller's rolled-back transaction."""

import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.db import transaction
from django.test import override_settings

from lantoa.reach import buffer, services
from lantoa.reach.models import Kind, ReachEvent


@pytest.fixture(autouse=True)
def empty_buffer(db):
    buffer.flush()
    yield
    buffer.flush()


@override_settings(REACH_BUFFER_SIZE=5, REACH_BUFFER_SECONDS=3600)
def test_views_are_written_five_at_a_time_in_one_insert(
    enterprise_a, django_assert_num_queries, django_capture_on_commit_callbacks
):
    with django_assert_num_queries(0):
        for _view in range(4):
            services.reach_record(kind=Kind.VIEWED, enterprise=enterprise_a)
    assert ReachEvent.objects.count() == 0
    # the test runs inside a transaction: the batch waits for its commit, as it would inside a caller's
    with django_assert_num_queries(1), django_capture_on_commit_callbacks(execute=True):
        services.reach_record(kind=Kind.VIEWED, enterprise=enterprise_a)
    assert ReachEvent.objects.filter(enterprise=enterprise_a).count() == 5


@override_settings(REACH_BUFFER_SIZE=100, REACH_BUFFER_SECONDS=0)
def test_the_first_view_after_the_time_limit_writes_the_batch(enterprise_a, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.reach_record(kind=Kind.VIEWED, enterprise=enterprise_a)
        services.reach_record(kind=Kind.VIEWED, enterprise=enterprise_a)
    assert ReachEvent.objects.count() == 2


@pytest.mark.django_db(transaction=True)
@override_settings(REACH_BUFFER_SIZE=2, REACH_BUFFER_SECONDS=3600)
def test_a_batch_never_rides_in_a_transaction_that_rolls_back(enterprise_a):
    services.reach_record(kind=Kind.VIEWED, enterprise=enterprise_a)  # another request's view
    with pytest.raises(RuntimeError), transaction.atomic():
        services.reach_record(kind=Kind.COMPLETED, enterprise=enterprise_a)
        raise RuntimeError("the caller's work failed")
    assert ReachEvent.objects.count() == 0  # nothing went with the rollback: both still held
    assert buffer.flush() == 2
    assert ReachEvent.objects.count() == 2


def _python(code: str, **env: str) -> str:
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "lantoa.config.settings.dev",
        "PYTHONPATH": str(settings.BASE_DIR / "src"),
        **env,
    }
    command = [sys.executable, "-c", f"import django; django.setup()\n{code}"]
    done = subprocess.run(command, env=environment, check=True, capture_output=True, text=True, cwd=settings.BASE_DIR)  # noqa: S603 - our own code
    return done.stdout.strip().splitlines()[-1] if done.stdout.strip() else ""


def test_a_process_that_exits_writes_what_it_holds(tmp_path):
    """A real process: views held in memory are written when it exits (atexit, as a gunicorn worker stops)."""
    database = f"sqlite:///{tmp_path / 'exit.sqlite3'}"
    held = (
        "from django.core.management import call_command; call_command('migrate', verbosity=0)\n"
        "from lantoa.reach import services\n"
        "for _ in range(7): services.reach_record(kind='viewed')\n"
        "from lantoa.reach.models import ReachEvent; print(ReachEvent.objects.count())\n"
    )
    assert _python(held, DATABASE_URL=database, REACH_BUFFER_SIZE="1000", REACH_BUFFER_SECONDS="3600") == "0"
    count = "from lantoa.reach.models import ReachEvent; print(ReachEvent.objects.count())"
    assert _python(count, DATABASE_URL=database) == "7"
