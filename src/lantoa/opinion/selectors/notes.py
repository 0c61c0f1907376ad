"""Roll-ups of thought-situation notes. A figure shows only where at least MIN_SOURCES enterprises or reporters
stand behind it, so no reader can trace a mood or a topic back to one workplace or one propagandist."""

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import QuerySet

from lantoa.opinion.models import ThoughtNote
from lantoa.orgs.models import OrgUnit

MIN_SOURCES = 5
DIMENSIONS = ("topic", "commune", "segment")


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


def _key_of(note: ThoughtNote, dimension: str) -> list[str]:
    if dimension == "topic":
        return [topic.name for topic in note.topics.all()]
    if dimension == "commune":
        return [note.enterprise.commune.name]
    return [note.enterprise.get_ownership_display()]


def notes_between(*, start: dt.date, end: dt.date) -> QuerySet[ThoughtNote]:
    return (
        ThoughtNote.objects.filter(period_start__gte=start, period_start__lte=end)
        .select_related("enterprise__commune", "enterprise__unit")
        .prefetch_related("topics")
        .order_by("period_start", "pk")
    )


def notes_under(*, unit: OrgUnit, start: dt.date, end: dt.date) -> QuerySet[ThoughtNote]:
    return notes_between(start=start, end=end).filter(enterprise__unit__path__startswith=unit.path)


def rollup_of(notes: Iterable[ThoughtNote], *, dimension: str) -> tuple[list[RollupRow], int]:
    """(rows shown, how many groups were held back for standing on fewer than MIN_SOURCES sources)."""
    groups: dict[str, list[ThoughtNote]] = defaultdict(list)
    for note in notes:
        for key in _key_of(note, dimension):
            groups[key].append(note)
    shown, held = [], 0
    for label, rows in sorted(groups.items()):
        if not enough_sources(enterprises=(n.enterprise_id for n in rows), reporters=(n.reporter_id for n in rows)):
            held += 1
            continue
        shown.append(
            RollupRow(
                label=label,
                notes=len(rows),
                concerned=sum(n.concerned for n in rows),
                mean_mood=round(sum(n.mood for n in rows) / len(rows), 1),
                records=tuple(rows),
            )
        )
    return shown, held
