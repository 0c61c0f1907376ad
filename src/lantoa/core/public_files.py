"""Files anyone may download (a lesson's posters and talk outline, a contest certificate), built by the worker.

Nobody owns a job for them, and they are the same for every reader: the worker builds them when what they show
changes (an app queues `public_files_build` on commit), stores them in the private storage under a name that
changes with it (a new revision, a new file) and a GET streams the stored file. Until it exists the GET answers
503 with Retry-After and builds nothing; the `public_files` timer builds whatever is missing (things published
before, a lost task).

An app declares its sources on its AppConfig (`public_files`: dotted paths to `PublicFileSource` objects).
"""

import functools
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.core.files.base import ContentFile
from django.db import transaction
from django.http import FileResponse, HttpRequest
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.utils.log import log_response
from django.utils.module_loading import import_string
from django_tasks import task

from lantoa.core import registry
from lantoa.core.jobs import private_storage

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 120


@dataclass(frozen=True)
class PublicFile:
    """One stored file: `name` in the private storage (inside its source's folder for the object), the name the
    reader's browser saves it as, and how to build it (run only by the worker)."""

    name: str
    file_name: str
    content_type: str
    build: Callable[[], bytes]
    as_attachment: bool = False


@dataclass(frozen=True)
class PublicFileSource:
    """`files(pk)`: the files object `pk` shows now ([] once it is gone or shows none); `folder(pk)`: where they
    are kept (older files found there are deleted); `ids()`: every object that should have its files."""

    name: str
    title: "StrOrPromise"  # what the jobs page calls its builds
    files: Callable[[int], list[PublicFile]]
    folder: Callable[[int], str]
    ids: Callable[[], Iterable[int]]


@functools.cache
def sources() -> dict[str, PublicFileSource]:
    found = {}
    for _config, paths in registry.declared("public_files"):
        for path in paths:
            source = import_string(path)
            found[source.name] = source
    return found


def files_build(*, source: str, pk: int) -> int:
    """Build the object's missing files and delete those it no longer shows (older revisions); returns how many built."""
    storage = private_storage()
    files = sources()[source].files(pk)
    built = 0
    for file in files:
        if storage.exists(file.name):
            continue
        saved = storage.save(file.name, ContentFile(file.build()))
        if saved != file.name:  # another worker stored it meanwhile: keep theirs
            storage.delete(saved)
        built += 1
    folder = sources()[source].folder(pk)
    current = {file.name for file in files}
    try:
        _dirs, names = storage.listdir(folder)
    except FileNotFoundError:
        names = []
    for stale in {f"{folder}/{name}" for name in names} - current:
        storage.delete(stale)
    if built:
        logger.info("public files built", extra={"source": source, "pk": pk, "count": built})
    return built


@task()
def public_files_build(source: str, pk: int) -> int:
    return files_build(source=source, pk=pk)


def files_build_later(*, source: str, pk: int) -> None:
    """Queue the build once the current transaction commits (the worker must see what it wrote)."""
    if source not in sources():
        raise ValueError(f"unknown public file source {source!r}")
    transaction.on_commit(lambda: public_files_build.enqueue(source, pk))


def files_missing(*, source: str, pk: int) -> bool:
    """Whether the object shows a file not stored yet (new, or what it shows changed since it was built)."""
    storage = private_storage()
    return not all(storage.exists(file.name) for file in sources()[source].files(pk))


def missing_build() -> int:
    """Every source's objects with a file missing get it built (the timer); returns how many files were built."""
    built = 0
    for source in sources().values():
        for pk in source.ids():
            if files_missing(source=source.name, pk=pk):
                built += files_build(source=source.name, pk=pk)
    return built


def file_response(request: HttpRequest, file: PublicFile) -> HttpResponseBase:
    """The stored file, streamed; before the worker has built it, 503 and when to try again. A read only."""
    storage = private_storage()
    if not storage.exists(file.name):
        response = render(request, "core/file_pending.html", status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        response["Cache-Control"] = "no-store"
        # Expected until the worker has run: a warning, not the ERROR Django's request logger gives any 5xx.
        log_response("File not built yet: %s", request.path, response=response, request=request, level="warning")
        return response
    return FileResponse(
        storage.open(file.name, "rb"),
        as_attachment=file.as_attachment,
        filename=file.file_name,
        content_type=file.content_type,
    )
