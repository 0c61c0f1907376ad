"""Reads of reach figures; every list is scoped by the permission check."""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from django.db.models import Sum

from lantoa.orgs import access
from lantoa.orgs.models import Enterprise
from lantoa.reach.models import ALL_SEGMENTS, Kind, ReachDaily, ReachRollupCursor

COUNTED_KINDS = (Kind.VIEWED, Kind.COMPLETED, Kind.QUIZ_PASSED, Kind.REACHED)


@dataclass
class CoverageRow:
    enterprise: Enterprise
    counts: dict[str, int]

    @property
    def reached_share(self) -> float:
        """Share of the enterprise's workers reached (devices seen), capped at 1: a worker may use two phones."""
        if not self.enterprise.worker_count:
            return 0.0
        return min(1.0, self.counts.get(Kind.REACHED, 0) / self.enterprise.worker_count)


def coverage_for_user(*, user: Any, start: dt.date, end: dt.date, unit_code: str = "") -> list[CoverageRow]:
    """Enterprises the user may see, with their reach counts from `start` to `end` (two queries, from roll-ups)."""
    enterprises = Enterprise.objects.select_related("unit", "commune").filter(
        access.scope_q(user, "reach.view_coverage", path_fields=("unit__path", "zone__path"))
    )
    if unit_code:
        enterprises = enterprises.filter(unit__path__contains=f"/{unit_code}/")
    enterprises = list(enterprises.distinct().order_by("unit__name"))
    counts: dict[int, dict[str, int]] = defaultdict(dict)
    totals = (
        ReachDaily.objects.filter(
            enterprise__in=[e.pk for e in enterprises], segment=ALL_SEGMENTS, day__gte=start, day__lte=end
        )
        .values("enterprise_id", "kind")
        .annotate(total=Sum("count"))
    )
    for row in totals:
        counts[row["enterprise_id"]][row["kind"]] = row["total"]
    return [CoverageRow(enterprise=e, counts=counts[e.pk]) for e in enterprises]


def counts_by_unit(*, kind: str, start: dt.date, end: dt.date) -> dict[int, int]:
    """{enterprise unit id: count} for plans' indicators; additive, so plans sums them up the tree."""
    rows = (
        ReachDaily.objects.filter(kind=kind, segment=ALL_SEGMENTS, day__gte=start, day__lte=end, unit__isnull=False)
        .values("unit_id")
        .annotate(total=Sum("count"))
    )
    return {row["unit_id"]: row["total"] for row in rows}


def counted_until() -> dt.datetime | None:
    """The moment up to which the roll-ups count every event (the end of the last roll-up), or None before the first."""
    return ReachRollupCursor.objects.values_list("updated_at", flat=True).first()
