"""What tests share across apps: the law corpus beside the repository, and how a test asks for what lies outside it."""

import contextlib
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.http import FileResponse
from django.http.response import HttpResponseBase
from django.urls import resolve, reverse

SHARED_DIR = Path(settings.BASE_DIR).parent / "shared"


def subprocess_database_url() -> str:
    """The test database as a DATABASE_URL, for a server or worker a test starts in another process."""
    db = connection.settings_dict
    if db["ENGINE"] == "django.db.backends.sqlite3":
        return f"sqlite:///{db['NAME']}"
    password = f":{db['PASSWORD']}" if db["PASSWORD"] else ""
    return f"postgres://{db['USER']}{password}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def require(is_present: bool, what: str) -> None:
    """A test that needs something outside the repository (the shared corpus, a Debian tool): skipped on a
    developer's machine that lacks it, a failure under CI=true, where a skip would hide a missing part."""
    if is_present:
        return
    if os.environ.get("CI") == "true":
        pytest.fail(f"{what} absent")
    pytest.skip(f"{what} absent: run scripts/system-deps.sh or put the shared folder beside the repository")


def require_tool(name: str) -> str:
    path = shutil.which(name)
    require(path is not None, name)
    return str(path)


def run_worker() -> None:
    """Run every queued task in this process, as `manage.py db_worker` would, then return.

    The worker commits and closes connections: a test that calls it needs `django_db(transaction=True)`."""
    call_command("db_worker", "--batch", "--no-startup-delay", "--worker-id", "test-worker")


def job_file(client: Any, queued: HttpResponseBase) -> FileResponse:
    """Follow a POST that queued a job (its answer redirects to the job page): run the worker, then fetch the
    generated file as that client. Needs `django_db(transaction=True)`, as `run_worker` does."""
    match = resolve(queued["Location"])
    assert (queued.status_code, match.url_name) == (302, "job"), "the POST did not land on the job page"
    run_worker()
    download = client.get(reverse("core:job-file", args=[match.kwargs["pk"]]))
    assert download.status_code == 200, "the job left no file to download"
    return download


def row_counts() -> dict[str, int]:
    """Rows of every managed model, by model label."""
    return {model._meta.label: model._default_manager.count() for model in apps.get_models() if model._meta.managed}


@contextlib.contextmanager
def no_database_writes() -> Iterator[None]:
    """Fail if the block inserts, updates or deletes a row: on SQLite the connection's own change counter (every
    row written, whatever the table); elsewhere the row count of every model before and after."""
    connection.ensure_connection()
    if connection.vendor == "sqlite":
        before = connection.connection.total_changes
        yield
        assert connection.connection.total_changes == before, "the block wrote to the database"
        return
    before_counts = row_counts()
    yield
    after_counts = row_counts()
    changed = {
        label: (before_counts[label], after_counts[label])
        for label in before_counts
        if before_counts[label] != after_counts[label]
    }
    assert not changed, f"the block wrote to the database: {changed}"
