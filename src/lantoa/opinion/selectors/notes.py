"""Roll-ups of thought-situation notes. A figure shows only where at least MIN_SOURCES enterprises or reporters
stand behind it, so no reader can trace a mood or a topic back to one workplace or one propagandist."""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import QuerySet

from lantoa.opinion.models import ThoughtNote
from lantoa.orgs import access
from lantoa.orgs.models import OrgUnit

MIN_SOURCES = 5


def enough_sources(*, enterprises: Iterable[object], reporters: Iterable[object]) -> bool:
    """The roll-up rule: a figure stands on at least MIN_SOURCES distinct enterprises or distinct reporters."""
    return max(len(set(enterprises)), len(set(reporters))) >= MIN_SOURCES


@dataclass(frozen=True)
class RollupRow:
    label: str
    notes: int
    concerned: int
    mean_mood: float
    records: tuple[ThoughtNote, ...] = field(default=(), compare=False, repr=False)


def notes_between(*, start: dt.date, end: dt.date) -> QuerySet[ThoughtNote]:
    return (
        ThoughtNote.objects.filter(period_start__gte=start, period_start__lte=end)
        .select_related("enterprise__commune", "enterprise__unit")
        .prefetch_related("topics")
        .order_by("period_start", "pk")
    )


def report_units_for_user(*, user: object) -> list[OrgUnit]:
    """Units whose monthly report the user may draft: read notes and voice figures over the whole unit."""
    roots = access.scope_roots(user, "opinion.view_notes")
    return [unit for unit in roots if access.can(user, "voice.view_aggregates", unit)]
