"""What tests share across apps: the law corpus beside the repository, and how a test asks for what lies outside it."""

import os
import shutil
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

SHARED_DIR = Path(settings.BASE_DIR).parent / "shared"


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
