"""Reads of reach figures; every list is scoped by the permission check."""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from django.db.models import Sum

from lantoa.activities.selectors import events as event_selectors
from lantoa.orgs import access
from lantoa.orgs.models import Enterprise
from lantoa.reach.models import ALL_SEGMENTS, Kind, ReachDaily, ReachMonthly, ReachRollupCursor

COUNTED_KINDS = (Kind.VIEWED, Kind.COMPLETED, Kind.QUIZ_PASSED, Kind.REACHED)


@dataclass(frozen=True)
class Span:
    """A date range cut into the whole months inside it (read from the monthly roll-up) and the days at its
    edges (read from the daily one): a quarter reads a few thousand monthly rows, however many events it had."""

    first_month: dt.date | None
    last_month: dt.date | None
    edges: tuple[tuple[dt.date, dt.date], ...]

    @classmethod
    def of(cls, start: dt.date, end: dt.date) -> "Span":
        first = start if start.day == 1 else (start.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
        after_end = end + dt.timedelta(days=1)
        last_end = end if after_end.day == 1 else end.replace(day=1) - dt.timedelta(days=1)
        if first > last_end:
            return cls(None, None, ((start, end),))
        edges = []
        if start < first:
            edges.append((start, first - dt.timedelta(days=1)))
        if last_end < end:
            edges.append((last_end + dt.timedelta(days=1), end))
        return cls(first, last_end.replace(day=1), tuple(edges))

    def totals(self, *, group: tuple[str, ...], **filters: Any) -> list[dict[str, Any]]:
        """Sums of `count` grouped by `group` over the span, from both roll-ups (rows may repeat a group)."""
        rows: list[dict[str, Any]] = []
        if self.first_month:
            monthly = ReachMonthly.objects.filter(month__gte=self.first_month, month__lte=self.last_month, **filters)
            rows += monthly.values(*group).annotate(total=Sum("count")).order_by()
        for start, end in self.edges:
            daily = ReachDaily.objects.filter(segment=ALL_SEGMENTS, day__gte=start, day__lte=end, **filters)
            rows += daily.values(*group).annotate(total=Sum("count")).order_by()
        return rows


@dataclass
class CoverageRow:
    enterprise: Enterprise
    counts: dict[str, int]
    in_person: int = 0  # people present at held events for this enterprise's workers (check-ins + counted by hand)

    @property
    def by_phone(self) -> int:
        """Workers reached on their phones: anonymous devices, each once a quarter."""
        return self.counts.get(Kind.REACHED, 0)

    @property
    def reached(self) -> int:
        """Workers reached, phone or in person. The two overlap (a worker at a talk may also read on their phone)
        and nothing ties a device to a person, so the larger source counts, never their sum; capped at the workforce."""
        reached = max(self.by_phone, self.in_person)
        return min(reached, self.enterprise.worker_count) if self.enterprise.worker_count else reached

    @property
    def reached_share(self) -> float:
        if not self.enterprise.worker_count:
            return 0.0
        return self.reached / self.enterprise.worker_count


def coverage_for_user(*, user: Any, start: dt.date, end: dt.date, unit_code: str = "") -> list[CoverageRow]:
    """Enterprises the user may see, with their reach counts from `start` to `end` (from roll-ups) and the people
    present at their events (three queries)."""
    visible = Enterprise.objects.select_related("unit", "commune").filter(
        access.scope_q(user, "reach.view_coverage", path_fields=("unit__path", "zone__path"))
    )
    if unit_code:
        visible = visible.filter(unit__path__contains=f"/{unit_code}/")
    enterprises = list(visible.distinct().order_by("unit__name"))
    counts: dict[int, dict[str, int]] = defaultdict(dict)
    rows = Span.of(start, end).totals(group=("enterprise_id", "kind"), enterprise__in=[e.pk for e in enterprises])
    for row in rows:
        counts[row["enterprise_id"]][row["kind"]] = counts[row["enterprise_id"]].get(row["kind"], 0) + row["total"]
    in_person = event_selectors.attendance_by_enterprise(enterprises=enterprises, start=start, end=end)
    return [CoverageRow(enterprise=e, counts=counts[e.pk], in_person=in_person.get(e.pk, 0)) for e in enterprises]


def counts_by_unit(*, kind: str, start: dt.date, end: dt.date) -> dict[int, int]:
    """{enterprise unit id: count} for plans' indicators; additive, so plans sums them up the tree."""
    totals: dict[int, int] = defaultdict(int)
    for row in Span.of(start, end).totals(group=("unit_id",), kind=kind, unit__isnull=False):
        totals[row["unit_id"]] += row["total"]
    return dict(totals)


def counted_until() -> dt.datetime | None:
    """The moment up to which the roll-ups count every event (the end of the last roll-up), or None before the first."""
    return ReachRollupCursor.objects.values_list("updated_at", flat=True).first()
