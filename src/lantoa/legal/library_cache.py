"""What the answer page reads from the law library, kept in each process until the library changes.

The library (documents, provisions, relations, amendments, handbook and FAQ entries with their citations) changes
only through imports, the handbook, an adviser's published answer, the admin and the index build; pages read it on
every question. Each process keeps what it read under the *library generation*: a number in the shared cache
(`core.generations`) that every write path moves. Model saves and deletes move it through signals (connected in
`apps.py`); the writes that send none (`QuerySet.update`, `bulk_create`) call `library_changed` themselves.

The writing process sees its change at once, even inside its transaction (a counter of this process moves with
each write), and the shared generation moves again when the transaction commits, so another process that read the
old rows in between never keeps them under the new number. Other processes see the change within
GENERATION_CHECK_SECONDS.
"""

import itertools
import threading
from collections.abc import Callable, Hashable, Iterable
from typing import Any, TypeVar

from lantoa.core.generations import Generation

library_generation = Generation("legal:library")
MAX_KEPT = 20_000  # values per kind: a bound for a library of 100,000 provisions (the demo's keeps ~1,000)

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")

_writes = itertools.count(1)  # next() is atomic in CPython: no lock needed
_local_writes = 0  # writes this process made: moves its own version before its transaction commits
_lock = threading.Lock()
_kept_version: tuple[int, int] | None = None
_kept: dict[str, dict[Any, Any]] = {}


def library_version() -> tuple[int, int]:
    """What a kept value must have been read under to be served: the shared generation and this process's writes."""
    return library_generation.current(), _local_writes


def library_changed(**_signal_kwargs: Any) -> None:
    """Some row of the law library was written: what any process kept of it is stale.

    Outside a transaction the shared generation moves now; inside one, when it commits (once per transaction, not
    once per row of an import), while this process stops serving what it kept at once."""
    global _local_writes
    _local_writes = next(_writes)
    library_generation.bump_on_commit()


def kept(
    kind: str, keys: Iterable[K], read: Callable[[list[K]], dict[K, V]], *, version: tuple[int, int]
) -> dict[K, V]:
    """The value of each key, read by `read(missing keys)` (one call for all of them: one query) the first time in
    `version` (`library_version()`, read once per request so one page never mixes two generations). A key `read`
    leaves out maps to nothing and is asked again next time."""
    global _kept_version
    wanted = list(dict.fromkeys(keys))
    with _lock:
        if _kept_version != version:
            _kept.clear()
            _kept_version = version
        store = _kept.setdefault(kind, {})
        found = {key: store[key] for key in wanted if key in store}
    missing = [key for key in wanted if key not in found]
    if missing:
        fresh = read(missing)
        found.update(fresh)
        with _lock:
            if _kept_version == version:  # not a value of an older generation kept under a newer one
                store = _kept.setdefault(kind, {})
                if len(store) + len(fresh) > MAX_KEPT:
                    store.clear()
                store.update(fresh)
    return found
