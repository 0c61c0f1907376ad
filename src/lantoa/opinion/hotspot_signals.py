"""Signals opinion gives the hotspot index (voice.services.hotspots): `(start, end) -> {enterprise_id: count}`."""

import datetime as dt
from collections import defaultdict

from django.db.models import Avg

from lantoa.core.registry import period_bounds
from lantoa.opinion.models import Claim, ThoughtNote
from lantoa.opinion.services.claims import folded_words
from lantoa.voice import crypto

# Folded terms that put a claim on wages, bonuses or jobs: the rumours that stir a workplace. Terms of two words,
# because folded single words mislead ("viec" is also "làm việc", "don" also "tin đồn", "giam" also "giám đốc").
WAGE_OR_JOB_TERMS = (
    "luong",
    "thuong tet",
    "tien thuong",
    "cat thuong",
    "sa thai",
    "cat giam",
    "giam nguoi",
    "mat viec",
    "nghi viec",
    "thoi viec",
    "viec lam",
    "cho nghi",
    "don hang",
    "pha san",
    "dong cua",
)
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
        if is_about_wages_or_jobs(crypto.decrypt_text(blob)):
            counts[enterprise_id] += 1
    return dict(counts)


def is_about_wages_or_jobs(text: str) -> bool:
    spaced = f" {' '.join(folded_words(text))} "
    return any(f" {term} " in spaced for term in WAGE_OR_JOB_TERMS)


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
