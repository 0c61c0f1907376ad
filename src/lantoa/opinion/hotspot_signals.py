"""Signals opinion gives the hotspot index (voice.services.hotspots): `(start, end) -> {enterprise_id: count}`."""

import datetime as dt
from collections import defaultdict

from django.db.models import Avg

from lantoa.core.registry import period_bounds
from lantoa.opinion.models import Claim, ThoughtNote
from lantoa.opinion.services.claims import words_of
from lantoa.voice import crypto

# Folded words that put a claim on wages, bonuses or jobs: the rumours that stir a workplace.
WAGE_OR_JOB_WORDS = frozenset({"luong", "thuong", "tet", "sa", "thai", "cat", "giam", "mat", "viec", "don", "hang"})
MOOD_WEEKS = 4
MOOD_DROP = 1.0


def rumour_spreading(*, start: dt.date, end: dt.date) -> dict[int, int]:
    """Claims asked in the week at an enterprise, about wages or jobs, in a group someone else asked too."""
    since, until = period_bounds(start, end)
    claims = Claim.objects.filter(
        enterprise__isnull=False, created_at__gte=since, created_at__lt=until, group__claim_count__gte=2
    )
    counts: dict[int, int] = defaultdict(int)
    for enterprise_id, blob in claims.values_list("enterprise_id", "text_enc"):
        if words_of(crypto.decrypt_text(blob)) & WAGE_OR_JOB_WORDS:
            counts[enterprise_id] += 1
    return dict(counts)


def mood_falling(*, start: dt.date, end: dt.date) -> dict[int, int]:
    """1 for an enterprise whose mood this week is a level or more below its mean over the four weeks before."""
    now = dict(
        ThoughtNote.objects.filter(period_start__gte=start, period_start__lte=end)
        .values("enterprise_id")
        .annotate(mood=Avg("mood"))
        .values_list("enterprise_id", "mood")
    )
    before = dict(
        ThoughtNote.objects.filter(
            enterprise_id__in=list(now),
            period_start__gte=start - dt.timedelta(weeks=MOOD_WEEKS),
            period_start__lt=start,
        )
        .values("enterprise_id")
        .annotate(mood=Avg("mood"))
        .values_list("enterprise_id", "mood")
    )
    return {pk: 1 for pk, mood in now.items() if pk in before and before[pk] - mood >= MOOD_DROP}
