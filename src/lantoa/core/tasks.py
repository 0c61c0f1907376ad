"""Background tasks shared by every app (the worker runs them: `manage.py db_worker`)."""

from django.conf import settings
from django.core.management import call_command
from django_tasks import task


def timer_names() -> list[str]:
    return [entry[0] for entry in settings.TASKS_SCHEDULE]


@task()
def run_timer(name: str) -> None:
    """Run one of the timers listed in TASKS_SCHEDULE (their management commands stay the single home of the work)."""
    if name not in timer_names():
        raise ValueError(f"unknown timer {name!r}")
    call_command(name)
