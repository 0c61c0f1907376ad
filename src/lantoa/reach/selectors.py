"""Reads of reach figures; every list is scoped by the permission check."""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from django.db.models import Sum

from lantoa.activities.selectors import events as event_selectors
from lantoa.orgs import access
from lantoa.orgs.models import Enterprise
from lantoa.reach.models import ALL_SEGMENTS, Kind, ReachDaily

COUNTED_KINDS = (Kind.VIEWED, Kind.COMPLETED, Kind.QUIZ_PASSED, Kind.REACHED)


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
    in_person = event_selectors.attendance_by_enterprise(enterprises=enterprises, start=start, end=end)
    return [CoverageRow(enterprise=e, counts=counts[e.pk], in_person=in_person.get(e.pk, 0)) for e in enterprises]


def counts_by_unit(*, kind: str, start: dt.date, end: dt.date) -> dict[int, int]:
    """{enterprise unit id: count} for plans' indicators; additive, so plans sums them up the tree."""
    rows = (
        ReachDaily.objects.filter(kind=kind, segment=ALL_SEGMENTS, day__gte=start, day__lte=end, unit__isnull=False)
        .values("unit_id")
        .annotate(total=Sum("count"))
    )
    return {row["unit_id"]: row["total"] for row in rows}
