"""A generation: a number in the shared cache that moves whenever some data that processes keep in memory changes.

Each process keeps what it derived from the data together with the generation it read, and reads the generation
again at most every GENERATION_CHECK_SECONDS: the process that made the change sees it at once, every other one
within seconds, and a hit costs no query. An emptied cache gives a new generation, so nothing kept from before
matches it.

A write inside a transaction moves the shared number only when it commits (`bump_on_commit`). Until then the
thread that wrote reads a number of its own, which nothing else holds, so it stops serving what it kept at once
and keeps nothing under a number another process could read; the rows it read may still be rolled back.
"""

import itertools
import threading
import time
from typing import Any, cast

from django.conf import settings
from django.core.cache import cache
from django.db import connection, transaction

_uncommitted = itertools.count(1)


class Generation:
    def __init__(self, key: str) -> None:
        self.key = key
        self._lock = threading.Lock()
        self._value = 0
        self._read_at = float("-inf")  # monotonic time
        self._writing = threading.local()  # `pending`: set while this thread's write is not committed

    def current(self) -> int:
        shared = self._shared()
        pending = getattr(self._writing, "pending", None)
        if pending is None:
            return shared
        if connection.in_atomic_block:
            return -((shared << 64) + pending)  # negative: no shared number; it still follows the shared one
        self._writing.pending = None  # committed (bump ran) or rolled back: the shared number again
        return shared

    def _shared(self) -> int:
        now = time.monotonic()
        with self._lock:
            if now - self._read_at < settings.GENERATION_CHECK_SECONDS:
                return self._value
        # never None: the default is a callable, stored and returned when the key is missing
        value = cast(int, cache.get_or_set(self.key, time.time_ns, timeout=None))
        with self._lock:
            self._value, self._read_at = int(value), now
        return self._value

    def bump(self, **_signal_kwargs: Any) -> None:
        """The data changed: whatever any process derived from it before is stale from now on."""
        try:
            value = cache.incr(self.key)
        except ValueError:  # not in the cache (emptied): a new value differs from every kept one
            value = time.time_ns()
            cache.set(self.key, value, timeout=None)
        with self._lock:
            self._value, self._read_at = int(value), time.monotonic()
        self._writing.pending = None

    def bump_on_commit(self, **_signal_kwargs: Any) -> None:
        """`bump` once the current transaction commits (at once outside one), once per transaction however many rows
        it writes; nothing if it rolls back. Another process may read the old rows until the commit: had the number
        moved before, it would keep them under the new number and serve them until the next change."""
        if not connection.in_atomic_block:
            self.bump()
            return
        self._writing.pending = next(_uncommitted)  # a new number for this thread at each write
        # `==`, not `is`: each `self.bump` is a new bound method object, equal to the last
        if not any(pending[1] == self.bump for pending in connection.run_on_commit):  # (savepoint ids, func, robust)
            transaction.on_commit(self.bump)
