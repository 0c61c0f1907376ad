"""Page views written in batches: a process keeps its new events in memory and writes them with one INSERT.

A view then costs an append, not a committed INSERT; one view in REACH_BUFFER_SIZE (or the first after
REACH_BUFFER_SECONDS) writes the batch. A batch is never written inside a caller's transaction (a rollback there
would take other views with it): it waits for that transaction's commit. The process writes what it holds when it
exits normally (gunicorn's worker exit, a restart). What a process killed outright (SIGKILL, out of memory) held
is lost: at most REACH_BUFFER_SIZE - 1 views, or REACH_BUFFER_SECONDS of them, per process.
"""

import atexit
import logging
import threading
import time

from django.conf import settings
from django.db import DatabaseError, connection, transaction

from lantoa.reach.models import ReachEvent

logger = logging.getLogger(__name__)
KEPT_ON_FAILURE = 10_000  # a database outage keeps this many views in memory at most, then drops the oldest

_lock = threading.Lock()
_pending: list[ReachEvent] = []
_oldest = {"at": 0.0}


def add(event: ReachEvent) -> None:
    if settings.REACH_BUFFER_SIZE <= 1:
        event.save()
        return
    with _lock:
        if not _pending:
            _oldest["at"] = time.monotonic()
        _pending.append(event)
        due = (
            len(_pending) >= settings.REACH_BUFFER_SIZE
            or time.monotonic() - _oldest["at"] >= settings.REACH_BUFFER_SECONDS
        )
    if due:
        if connection.in_atomic_block:
            transaction.on_commit(flush)
        else:
            flush()


def flush() -> int:
    """Write every event this process holds; returns how many."""
    with _lock:
        batch = _pending[:]
        _pending.clear()
    if not batch:
        return 0
    try:
        ReachEvent.objects.bulk_create(batch)
    except DatabaseError:
        logger.warning("reach events kept in memory: the database refused the batch", extra={"count": len(batch)})
        with _lock:
            _pending[:0] = batch
            del _pending[:-KEPT_ON_FAILURE]
        return 0
    return len(batch)


atexit.register(flush)
