"""Writes for reach: a view appends one anonymous event; the roll-ups catch up in batches (no scans).

A request never touches a roll-up row, so concurrent views do not queue on the same row locks. `reach_rollup`
counts the events recorded since the high-water mark (`ReachRollupCursor`) into ReachDaily (day × enterprise ×
kind) and ReachMonthly (month × enterprise × kind), a batch per transaction, each table's counts grouped and
upserted by the database (INSERT … SELECT … GROUP BY … ON CONFLICT); then it deletes the counted events older than REACH_EVENT_RETENTION_DAYS, so raw events stay bounded.
It runs only as the hourly `reach_rollup` timer (a task): pages read what it stored, and say up to when
(`ReachRollupCursor.updated_at`).
"""

import contextlib
import datetime as dt
import hashlib
from typing import Any

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Count, DateField, F, Max, Model, QuerySet, Value
from django.db.models.functions import TruncDate, TruncMonth
from django.utils import timezone

from lantoa.reach import buffer
from lantoa.reach.models import (
    ALL_SEGMENTS,
    Kind,
    ReachDaily,
    ReachDevice,
    ReachEvent,
    ReachMonthly,
    ReachRollupCursor,
)

ROLLUP_CURSOR = "daily"
ROLLUP_BATCH = 100_000
PURGE_BATCH = 50_000
# The PostgreSQL advisory lock key that lets one roll-up run at a time across every worker and host.
ROLLUP_LOCK_KEY = 72_651_001
ROLLUP_LOCK_TIMEOUT = "2s"


def quarter_start(day: dt.date) -> dt.date:
    return dt.date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)


def reach_record(
    *, kind: str, enterprise: Any = None, topic: str = "", page_id: int | None = None, at: dt.datetime | None = None
) -> ReachEvent:
    """Record one anonymous event (written in a batch of this process's views, `reach.buffer`); `reach_rollup`
    counts it in the roll-ups of its day."""
    event = ReachEvent(
        kind=kind, occurred_at=at or timezone.now(), enterprise=enterprise or None, topic=topic, page_id=page_id
    )
    buffer.add(event)
    return event


def device_hash(*, device_id: str, quarter: dt.date) -> str:
    return hashlib.sha256(f"{settings.SECRET_KEY}:{quarter.isoformat()}:{device_id}".encode()).hexdigest()


def device_mark(*, device_id: str, enterprise: Any, at: dt.datetime | None = None) -> str:
    """What the device keeps once counted: unforgeable without the secret, new each quarter, per enterprise."""
    quarter = quarter_start(timezone.localdate(at or timezone.now()))
    return f"{enterprise.pk}.{device_hash(device_id=device_id, quarter=quarter)[:24]}"


@transaction.atomic
def device_reach_record(*, device_id: str, enterprise: Any, topic: str = "", at: dt.datetime | None = None) -> bool:
    """Count a device once a quarter per enterprise as a worker reached; returns whether it was new."""
    if not enterprise or not device_id:
        return False
    at = at or timezone.now()
    quarter = quarter_start(timezone.localdate(at))
    digest = device_hash(device_id=device_id, quarter=quarter)
    _device, created = ReachDevice.objects.get_or_create(
        quarter_start=quarter, enterprise=enterprise, device_hash=digest
    )
    if created:
        reach_record(kind=Kind.REACHED, enterprise=enterprise, topic=topic, at=at)
    return created


def _committed_upper_bound() -> int:
    """The highest event id such that every event at or below it is committed.

    Ids come from a sequence when a row is inserted, not when it is committed, so a slow transaction may commit
    id 10 after id 11 is visible. On PostgreSQL a SHARE lock waits for the inserts in flight and holds new ones
    for one index lookup; SQLite has a single writer, so the highest id is already final. Only the roll-up task
    takes this lock, never a request; while it waits, page views queue behind it, so it gives up after
    `ROLLUP_LOCK_TIMEOUT` (the task fails, the next hour counts everything).
    """
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute(f"SET LOCAL lock_timeout = '{ROLLUP_LOCK_TIMEOUT}'")
                cursor.execute(f'LOCK TABLE "{ReachEvent._meta.db_table}" IN SHARE MODE')
        return ReachEvent.objects.aggregate(top=Max("pk"))["top"] or 0


def _upsert_grouped(
    model: type[Model], *, columns: tuple[str, ...], keys: tuple[str, ...], grouped: QuerySet, where: str = ""
) -> None:
    """Add the counts a grouped query of events selects to existing rows, or insert them: one
    INSERT … SELECT … GROUP BY … ON CONFLICT DO UPDATE (SQLite and PostgreSQL alike). The database does the counting;
    no event passes through Python.

    `grouped` selects `columns` then the count, one row per key; `keys` (the first columns) are those of the unique
    constraint, `where` its condition for a partial one."""
    table = connection.ops.quote_name(model._meta.db_table)
    names = ", ".join(connection.ops.quote_name(column) for column in [*columns, "count"])
    conflict = ", ".join(connection.ops.quote_name(column) for column in keys)
    count = connection.ops.quote_name("count")
    select, params = grouped.query.sql_with_params()
    # table and column names come from the models, the SELECT from the ORM; every value is a parameter
    upsert = f"INSERT INTO {table} ({names}) {select} ON CONFLICT ({conflict}) {where} "
    upsert += f"DO UPDATE SET {count} = {table}.{count} + excluded.{count}"
    with connection.cursor() as cursor:
        cursor.execute(upsert, params)


def _rollup_add(*, after: int, upto: int) -> None:
    """Add the events with ids in (after, upto] to their day and month rows, three grouped upserts. A day and a month
    are those of the site's time zone. Segments and topics are not kept in the roll-ups: readers take segments from
    the enterprise (plans' UnitIndex), so a row per segment would only multiply the table."""
    events = ReachEvent.objects.filter(pk__gt=after, pk__lte=upto).order_by()
    placed = events.filter(enterprise__isnull=False).annotate(unit=F("enterprise__unit_id"))
    every = {"every_segment": Value(ALL_SEGMENTS), "every_topic": Value("")}
    keys: tuple[str, ...] = ("day", "enterprise_id", "segment", "topic", "kind")
    _upsert_grouped(
        ReachDaily,
        columns=(*keys, "unit_id"),
        keys=keys,
        grouped=placed.annotate(day=TruncDate("occurred_at"), **every)
        .values("day", "enterprise_id", "every_segment", "every_topic", "kind", "unit")
        .annotate(total=Count("pk")),
        where="WHERE enterprise_id IS NOT NULL",
    )
    keys = ("day", "segment", "topic", "kind")
    _upsert_grouped(
        ReachDaily,
        columns=keys,
        keys=keys,
        grouped=events.filter(enterprise__isnull=True)
        .annotate(day=TruncDate("occurred_at"), **every)
        .values("day", "every_segment", "every_topic", "kind")
        .annotate(total=Count("pk")),
        where="WHERE enterprise_id IS NULL",
    )
    _upsert_grouped(
        ReachMonthly,
        columns=("month", "enterprise_id", "kind", "unit_id"),
        keys=("month", "enterprise_id", "kind"),
        grouped=placed.annotate(month=TruncMonth("occurred_at", output_field=DateField()))
        .values("month", "enterprise_id", "kind", "unit")
        .annotate(total=Count("pk")),
    )


def reach_events_purge(*, now: dt.datetime | None = None) -> int:
    """Delete events already counted and older than the retention: the roll-ups hold what pages read."""
    mark = ReachRollupCursor.objects.filter(name=ROLLUP_CURSOR).values_list("last_event_id", flat=True).first() or 0
    cutoff = (now or timezone.now()) - dt.timedelta(days=settings.REACH_EVENT_RETENTION_DAYS)
    deleted = 0
    # the rumour desk counts clarification views per clarification for as long as it stands: those stay
    purgeable = ReachEvent.objects.filter(pk__lte=mark, occurred_at__lt=cutoff).exclude(kind=Kind.INFO_VIEWED)
    while True:
        ids = list(purgeable.order_by("pk").values_list("pk", flat=True)[:PURGE_BATCH])
        if not ids:
            return deleted
        deleted += purgeable.filter(pk__gte=ids[0], pk__lte=ids[-1]).delete()[0]


def _rollup_batch(*, upper: int, batch: int) -> int | None:
    """Claim the next batch of events by moving the mark (compare and set) and count it; None when up to date."""
    with transaction.atomic():
        last = ReachRollupCursor.objects.get(name=ROLLUP_CURSOR).last_event_id
        if last >= upper:
            return None
        pending = ReachEvent.objects.filter(pk__gt=last, pk__lte=upper)
        # the id of the batch-th event after the mark (an index scan of `batch` ids), or the bound for the last batch
        nth = list(pending.order_by("pk").values_list("pk", flat=True)[batch - 1 : batch])
        mark, size = (nth[0], batch) if nth else (upper, None)
        # Another catch-up that moved the mark first wins; this one counts nothing and reads the mark again.
        # On PostgreSQL the UPDATE waits for the winner's commit, then finds the old mark gone.
        if not ReachRollupCursor.objects.filter(name=ROLLUP_CURSOR, last_event_id=last).update(last_event_id=mark):
            return 0
        _rollup_add(after=last, upto=mark)
        return size if size is not None else pending.count()


@contextlib.contextmanager
def _one_at_a_time():
    """Yield whether this process holds the roll-up lock (PostgreSQL: a session advisory lock, not waited for).

    A second roll-up started while one runs (a slow hour, a command by hand) returns at once: the first counts
    everything. SQLite has a single writer and the compare-and-set on the mark keeps the batches apart.
    """
    if connection.vendor != "postgresql":
        yield True
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_lock(%s)", [ROLLUP_LOCK_KEY])
        held = cursor.fetchone()[0]
    try:
        yield held
    finally:
        if held:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_unlock(%s)", [ROLLUP_LOCK_KEY])


def reach_rollup(*, batch: int = ROLLUP_BATCH) -> int:
    """Count the events recorded since the last catch-up into the daily roll-ups; returns how many it counted.

    Only the `reach_rollup` timer calls it, never a request. The mark's `updated_at` says up to when the roll-ups
    are complete: every event committed before that moment is counted.
    """
    with _one_at_a_time() as held:
        if not held:
            return 0
        cursor, _created = ReachRollupCursor.objects.get_or_create(name=ROLLUP_CURSOR)
        as_of = timezone.now()
        counted = 0
        if ReachEvent.objects.filter(pk__gt=cursor.last_event_id).exists():
            upper = _committed_upper_bound()
            while (done := _rollup_batch(upper=upper, batch=batch)) is not None:
                counted += done
        ReachRollupCursor.objects.filter(name=ROLLUP_CURSOR).update(updated_at=as_of)
        if counted:  # events keep coming on a live site: old ones go with the next run that counts
            reach_events_purge()
        return counted
