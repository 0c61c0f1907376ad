"""Random thought notes for the audits' property tests: plain objects shaped like `ThoughtNote`, no database."""

import datetime as dt
import random
from types import SimpleNamespace
from typing import cast

from lantoa.opinion.models import ThoughtNote

MONTH = dt.date(2026, 11, 1)
FIRST_WEEK = dt.date(2026, 11, 2)  # a Monday


def fake_notes(chance: random.Random, firms: list[SimpleNamespace], *, count: int) -> list[ThoughtNote]:
    """`count` notes on firms drawn from `firms`: weekly ones in the four weeks from `FIRST_WEEK`, about 15 % for the
    whole month, each on one or two of three topics."""
    topics = [SimpleNamespace(name=name) for name in ("Lương", "Tết", "Tăng ca")]
    notes = []
    for pk in range(count):
        firm = chance.choice(firms)
        monthly = chance.random() < 0.15
        start = MONTH if monthly else FIRST_WEEK + dt.timedelta(weeks=chance.randint(0, 3))
        picked = chance.sample(topics, chance.randint(1, 2))
        fake = SimpleNamespace(
            pk=pk,
            enterprise=firm,
            enterprise_id=firm.pk,
            reporter_id=firm.pk,
            period_start=start,
            period_end=start + dt.timedelta(days=29 if monthly else 6),
            concerned=chance.randint(1, 50),
            mood=chance.randint(1, 5),
            topics=SimpleNamespace(all=(lambda rows: lambda: rows)(picked)),
        )
        notes.append(cast(ThoughtNote, fake))
    return notes
