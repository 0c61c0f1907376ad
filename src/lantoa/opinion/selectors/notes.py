"""Roll-ups of thought-situation notes. A figure shows only where at least MIN_SOURCES enterprises or reporters
stand behind it, so no reader can trace a mood or a topic back to one workplace or one propagandist."""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from lantoa.opinion.models import ThoughtNote
from lantoa.orgs import access

MIN_SOURCES = 5
DIMENSIONS = ("topic", "commune", "segment")


@dataclass(frozen=True)
class RollupRow:
    label: str
    notes: int
    concerned: int
    mean_mood: float


def _key_of(note: ThoughtNote, dimension: str) -> list[str]:
    if dimension == "topic":
        return [topic.name for topic in note.topics.all()]
    if dimension == "commune":
        return [note.enterprise.commune.name]
    return [note.enterprise.get_ownership_display()]


def rollup(*, user: object, dimension: str, start: dt.date, end: dt.date) -> tuple[list[RollupRow], int]:
    """(rows shown, how many groups were held back for standing on fewer than MIN_SOURCES sources)."""
    notes = (
        ThoughtNote.objects.filter(access.scope_q(user, "opinion.view_notes", path_fields=("enterprise__unit__path",)))
        .filter(period_start__gte=start, period_start__lte=end)
        .select_related("enterprise__commune")
        .prefetch_related("topics")
    )
    groups: dict[str, list[ThoughtNote]] = defaultdict(list)
    for note in notes:
        for key in _key_of(note, dimension):
            groups[key].append(note)
    shown, held = [], 0
    for label, rows in sorted(groups.items()):
        sources = max(len({n.enterprise_id for n in rows}), len({n.reporter_id for n in rows}))
        if sources < MIN_SOURCES:
            held += 1
            continue
        shown.append(
            RollupRow(
                label=label,
                notes=len(rows),
                concerned=sum(n.concerned for n in rows),
                mean_mood=round(sum(n.mood for n in rows) / len(rows), 1),
            )
        )
    return shown, held
