import datetime as dt
import threading
import zoneinfo
from collections import Counter
from collections.abc import Callable
from typing import Any

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.models import Sum
from django.test import override_settings
from django.utils import timezone

from lantoa.reach import selectors, services
from lantoa.reach.models import ALL_SEGMENTS, Kind, ReachDaily, ReachEvent, ReachMonthly, ReachRollupCursor

LOCAL = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")


def counted(kind: str = Kind.VIEWED, **filters: object) -> int:
    rows = ReachDaily.objects.filter(kind=kind, segment=ALL_SEGMENTS, **filters)
    return rows.aggregate(total=Sum("count"))["total"] or 0


def test_a_view_appends_one_event_and_leaves_the_rollups_alone(enterprise_a, django_assert_num_queries):
    with django_assert_num_queries(1):
        services.reach_record(kind=Kind.VIEWED, enterprise=enterprise_a, topic="bhxh")
    assert ReachEvent.objects.count() == 1
    assert not ReachDaily.objects.exists()


def test_the_catch_up_counts_only_the_events_recorded_since_the_last_one(enterprise_a, django_assert_num_queries):
    for _ in range(3):
        services.reach_record(kind=Kind.VIEWED, enterprise=enterprise_a)
    assert services.reach_rollup() == 3
    services.reach_record(kind=Kind.VIEWED, enterprise=enterprise_a)
    services.reach_record(kind=Kind.COMPLETED, enterprise=enterprise_a)
    assert services.reach_rollup() == 2
    assert counted(enterprise=enterprise_a) == 4
    assert counted(Kind.COMPLETED, enterprise=enterprise_a) == 1
    assert ReachRollupCursor.objects.get().last_event_id == ReachEvent.objects.latest("pk").pk
    # the mark, one indexed look beyond it and the time of the roll-up (and on PostgreSQL the advisory lock taken
    # and released): nothing else when up to date
    with django_assert_num_queries(3 + (2 if connection.vendor == "postgresql" else 0)):
        assert services.reach_rollup() == 0


def test_small_batches_count_every_event_once(make_enterprise):
    first, second = make_enterprise(name="Công ty Một"), make_enterprise(name="Công ty Hai")
    for number in range(11):
        services.reach_record(kind=Kind.VIEWED, enterprise=first if number % 2 else second, topic="bhyt")
    services.reach_record(kind=Kind.VIEWED, topic="bhyt")
    assert services.reach_rollup(batch=3) == 12
    assert (counted(enterprise=first), counted(enterprise=second), counted(enterprise=None)) == (5, 6, 1)


def test_a_catch_up_that_read_an_old_mark_counts_nothing(enterprise_a, monkeypatch):
    for _ in range(4):
        services.reach_record(kind=Kind.VIEWED, enterprise=enterprise_a)
    services.reach_rollup()
    stale = ReachRollupCursor(name=services.ROLLUP_CURSOR, last_event_id=0)  # what a slower catch-up read before
    monkeypatch.setattr(ReachRollupCursor.objects, "get", lambda **kwargs: stale)
    top = ReachEvent.objects.latest("pk").pk
    assert services._rollup_batch(upper=top, batch=100) == 0
    assert counted(enterprise=enterprise_a) == 4


def test_the_command_brings_the_rollups_up_to_date(enterprise_a, capsys):
    services.reach_record(kind=Kind.QUIZ_PASSED, enterprise=enterprise_a)
    call_command("reach_rollup")
    assert "1 events counted" in capsys.readouterr().out
    assert counted(Kind.QUIZ_PASSED) == 1


def _in_thread(work: Callable[[], object], errors: list) -> threading.Thread:
    def run() -> None:
        try:
            work()
        except Exception as error:  # noqa: BLE001 - reported by the test
            errors.append(error)
        finally:
            connection.close()

    return threading.Thread(target=run)


@pytest.mark.django_db(transaction=True)
def test_concurrent_views_and_catch_ups_lose_nothing_and_count_nothing_twice(make_enterprise):
    enterprise = make_enterprise(ownership="fdi", workers=100)
    errors: list = []

    def view() -> None:
        for _ in range(25):
            services.reach_record(kind=Kind.VIEWED, enterprise=enterprise, topic="tien-luong")

    def catch_up() -> None:
        for _ in range(5):
            services.reach_rollup(batch=7)

    threads = [_in_thread(view, errors) for _ in range(3)] + [_in_thread(catch_up, errors) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    services.reach_rollup()
    assert errors == []
    assert ReachEvent.objects.count() == 75
    assert counted(enterprise=enterprise) == 75
    assert counted(enterprise=enterprise) == ReachMonthly.objects.get(enterprise=enterprise).count


def test_a_span_reads_whole_months_monthly_and_its_edges_daily():
    span = selectors.Span.of(dt.date(2026, 1, 15), dt.date(2026, 4, 10))
    assert (span.first_month, span.last_month) == (dt.date(2026, 2, 1), dt.date(2026, 3, 1))
    assert span.edges == ((dt.date(2026, 1, 15), dt.date(2026, 1, 31)), (dt.date(2026, 4, 1), dt.date(2026, 4, 10)))
    quarter = selectors.Span.of(dt.date(2026, 10, 1), dt.date(2026, 12, 31))
    assert (quarter.first_month, quarter.last_month, quarter.edges) == (dt.date(2026, 10, 1), dt.date(2026, 12, 1), ())
    inside = selectors.Span.of(dt.date(2026, 2, 3), dt.date(2026, 2, 20))
    assert (inside.first_month, inside.edges) == (None, ((dt.date(2026, 2, 3), dt.date(2026, 2, 20)),))


def test_counts_over_any_range_match_the_events_whatever_the_month_boundaries(enterprise_a, enterprise_b):
    days = [dt.date(2026, 1, 1) + dt.timedelta(days=offset) for offset in range(0, 120, 3)]
    for number, day in enumerate(days):
        at = dt.datetime.combine(day, dt.time(0, 30), tzinfo=LOCAL)  # 00:30 local is the day before in UTC
        services.reach_record(kind=Kind.VIEWED, enterprise=enterprise_a if number % 3 else enterprise_b, at=at)
    services.reach_rollup()
    for start, end in [(dt.date(2026, 1, 1), dt.date(2026, 3, 31)), (dt.date(2026, 1, 20), dt.date(2026, 4, 5))]:
        expected_a = sum(1 for n, day in enumerate(days) if n % 3 and start <= day <= end)
        expected_b = sum(1 for n, day in enumerate(days) if not n % 3 and start <= day <= end)
        by_unit = selectors.counts_by_unit(kind=Kind.VIEWED, start=start, end=end)
        assert by_unit == {enterprise_a.unit_id: expected_a, enterprise_b.unit_id: expected_b}


def test_a_large_catch_up_costs_a_few_statements_per_batch(make_enterprise, django_assert_max_num_queries):
    enterprises = [make_enterprise(name=f"Công ty {number}") for number in range(5)]
    start = timezone.now() - dt.timedelta(days=300)
    ReachEvent.objects.bulk_create(
        ReachEvent(kind=Kind.VIEWED, occurred_at=start + dt.timedelta(hours=7 * n), enterprise=enterprises[n % 5])
        for n in range(1000)
    )
    with django_assert_max_num_queries(30):  # reads, the mark, upserts of ≤ 500 rows, the purge: not one per row
        assert services.reach_rollup(batch=1000) == 1000
    assert ReachDaily.objects.aggregate(total=Sum("count"))["total"] == 1000
    assert ReachMonthly.objects.aggregate(total=Sum("count"))["total"] == 1000


@override_settings(REACH_EVENT_RETENTION_DAYS=30)
def test_counted_events_older_than_the_retention_are_deleted_and_their_counts_stay(enterprise_a):
    now = timezone.now()
    services.reach_record(kind=Kind.VIEWED, enterprise=enterprise_a, at=now - dt.timedelta(days=40))
    services.reach_record(kind=Kind.VIEWED, enterprise=enterprise_a, at=now - dt.timedelta(days=2))
    services.reach_rollup()
    assert list(ReachEvent.objects.values_list("occurred_at", flat=True)) == [now - dt.timedelta(days=2)]
    assert counted(enterprise=enterprise_a) == 2
    old = services.reach_record(kind=Kind.VIEWED, enterprise=enterprise_a, at=now - dt.timedelta(days=50))
    assert services.reach_events_purge() == 0  # not counted yet: kept until the roll-up has it
    services.reach_rollup()
    assert not ReachEvent.objects.filter(pk=old.pk).exists() and counted(enterprise=enterprise_a) == 3


@pytest.mark.django_db(transaction=True)
def test_a_second_roll_up_while_one_holds_the_lock_returns_at_once_and_the_first_counts_everything(enterprise_a):
    if connection.vendor != "postgresql":
        pytest.skip("advisory locks are PostgreSQL's; on SQLite the compare-and-set on the mark keeps runs apart")
    services.reach_record(kind=Kind.VIEWED, enterprise=enterprise_a)
    other = connection.copy()
    try:
        with other.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_lock(%s)", [services.ROLLUP_LOCK_KEY])
        assert services.reach_rollup() == 0  # another roll-up runs: this one does not wait for it
        assert counted(enterprise=enterprise_a) == 0
        with other.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_unlock(%s)", [services.ROLLUP_LOCK_KEY])
    finally:
        other.close()
    assert services.reach_rollup() == 1
    assert counted(enterprise=enterprise_a) == 1


def _expected(events: list[ReachEvent]) -> tuple[Counter, Counter]:
    """What the roll-ups must hold for these events, counted one by one in Python (the site's days and months)."""
    daily = Counter((timezone.localdate(e.occurred_at), e.enterprise_id, e.kind) for e in events)
    monthly = Counter(
        (timezone.localdate(e.occurred_at).replace(day=1), e.enterprise_id, e.kind) for e in events if e.enterprise_id
    )
    return daily, monthly


def _stored() -> tuple[Counter, Counter]:
    daily: Counter = Counter()
    for day, enterprise_id, kind, number in ReachDaily.objects.values_list("day", "enterprise_id", "kind", "count"):
        daily[(day, enterprise_id, kind)] += number
    monthly = Counter(
        {(m, e, k): n for m, e, k, n in ReachMonthly.objects.values_list("month", "enterprise_id", "kind", "count")}
    )
    return daily, monthly


def test_a_catch_up_broken_off_mid_way_resumes_and_counts_every_event_once(make_enterprise, monkeypatch):
    first, second = make_enterprise(name="Công ty Một"), make_enterprise(name="Công ty Hai")
    kinds = (Kind.VIEWED, Kind.COMPLETED, Kind.QUIZ_PASSED, Kind.REACHED)

    def record(moments: list[dt.datetime]) -> list[ReachEvent]:
        return [
            services.reach_record(kind=kinds[n % 4], enterprise=(first, second, None)[n % 3], topic="bhxh", at=at)
            for n, at in enumerate(moments)
        ]

    # four months, the first minutes of each month in local time (the month before in UTC) among them
    starts = [dt.datetime(2026, month, 1, 0, 20, tzinfo=LOCAL) for month in (1, 2, 3, 4)]
    counted_first = record([start + dt.timedelta(hours=37 * n) for start in starts for n in range(12)])
    assert services.reach_rollup(batch=10) == 48  # five batches, the last one short
    later = record([dt.datetime(2026, 4, 30, 23, 50, tzinfo=LOCAL) + dt.timedelta(minutes=7 * n) for n in range(25)])
    real_upsert = services._upsert_grouped

    def fail_in_the_second_batch(model: Any, **kwargs: Any) -> None:
        if ReachRollupCursor.objects.get().last_event_id > later[9].pk:
            raise RuntimeError("the database went away")
        real_upsert(model, **kwargs)

    monkeypatch.setattr(services, "_upsert_grouped", fail_in_the_second_batch)
    with pytest.raises(RuntimeError):
        services.reach_rollup(batch=10)
    # the first batch of the new events stands; the broken one left the mark where it was
    assert ReachRollupCursor.objects.get().last_event_id == later[9].pk
    monkeypatch.setattr(services, "_upsert_grouped", real_upsert)
    assert services.reach_rollup(batch=10) == 15

    daily, monthly = _stored()
    assert (daily, monthly) == _expected(counted_first + later)
    assert {month for month, _enterprise, _kind in monthly} == {dt.date(2026, month, 1) for month in (1, 2, 3, 4, 5)}
    assert sum(daily.values()) == 73
