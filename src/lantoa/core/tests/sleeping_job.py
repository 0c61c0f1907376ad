"""A job kind that only sleeps, for tests that kill the worker running it (test_heartbeat.py).

A worker process started by a test runs `worker_code()`: the real `db_worker` with this kind added to the
declared ones (as an app's AppConfig would declare it)."""

import time
from typing import Any

from lantoa.core import jobs
from lantoa.core.models import Job


def _build(job: Job, upload: bytes | None, progress: jobs.Progress) -> jobs.Outcome:
    progress("sleeping", 0, 1)
    time.sleep(float(job.arguments["seconds"]))
    return jobs.Outcome(summary={"slept": job.arguments["seconds"]})


def _allowed(user: Any, job: Job) -> bool:
    return bool(user.pk) and job.created_by_id == user.pk


SLEEP = jobs.JobKind(name="tests.sleep", title="Việc thử: chờ", build=_build, allowed=_allowed)


def kinds_with_sleep(declared: Any) -> Any:
    """`jobs.kinds` with SLEEP added to what the apps declare."""
    return lambda: {**declared(), SLEEP.name: SLEEP}


def worker_code(*, worker_id: str) -> str:
    return (
        "import django; django.setup()\n"
        "from django.core.management import call_command\n"
        "from lantoa.core import jobs\n"
        "from lantoa.core.tests.sleeping_job import kinds_with_sleep\n"
        "jobs.kinds = kinds_with_sleep(jobs.kinds)\n"
        f"call_command('db_worker', '--no-reload', '--no-startup-delay', '--interval', '0.2', '--worker-id', {worker_id!r})\n"
    )
