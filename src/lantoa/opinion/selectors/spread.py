"""The "cần lan tỏa" list: published clarifications that matter to one enterprise, with how far each went there.

A clarification matters when workers of the enterprise asked the claim it answers, or when the enterprise's recent
thought-situation notes mention one of its topics. Reach is reach's anonymous counting: each view of the public page
is a `ReachEvent` under the topic REACH_TOPIC, page_id = the clarification, in the reader's enterprise context.
"""

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.utils.translation import gettext as _

from lantoa.opinion.models import Claim, Clarification, Share, ThoughtNote
from lantoa.opinion.selectors.claims import published
from lantoa.orgs.models import Enterprise, User
from lantoa.reach.models import Kind, ReachEvent

REACH_TOPIC = "thong-tin-chinh-thuc"
NOTES_WINDOW_DAYS = 60
LIST_LIMIT = 30


@dataclass(frozen=True)
class ToSpread:
    item: Clarification
    reasons: list[str]
    shares: int
    views: int
    shared_by_me: bool


def _counts(rows: QuerySet[Any], key: str) -> dict[int, int]:
    return {row[key]: row["n"] for row in rows.values(key).annotate(n=Count("pk"))}


def reach_totals(*, ids: list[int]) -> dict[int, tuple[int, int]]:
    """{clarification id: (views anywhere, times marked shared)} for the desk's list of published answers."""
    views = _counts(ReachEvent.objects.filter(kind=Kind.INFO_VIEWED, page_id__in=ids), "page_id")
    shares = _counts(Share.objects.filter(clarification_id__in=ids), "clarification_id")
    return {pk: (views.get(pk, 0), shares.get(pk, 0)) for pk in ids}


def to_spread(*, enterprise: Enterprise, user: User, today: dt.date) -> list[ToSpread]:
    asked = _counts(Claim.objects.filter(enterprise=enterprise, group__clarification__isnull=False), "group_id")
    noted = set(
        ThoughtNote.topics.through.objects.filter(
            thoughtnote__enterprise=enterprise,
            thoughtnote__period_start__gte=today - dt.timedelta(days=NOTES_WINDOW_DAYS),
        ).values_list("topic_id", flat=True)
    )
    items = list(
        published()
        .prefetch_related("topics")
        .filter(Q(group_id__in=list(asked)) | Q(topics__in=noted))
        .distinct()[:LIST_LIMIT]
    )
    ids = [item.pk for item in items]
    views = _counts(
        ReachEvent.objects.filter(kind=Kind.INFO_VIEWED, page_id__in=ids, enterprise=enterprise),
        "page_id",
    )
    shares = _counts(Share.objects.filter(clarification_id__in=ids, enterprise=enterprise), "clarification_id")
    mine = set(
        Share.objects.filter(clarification_id__in=ids, enterprise=enterprise, shared_by=user).values_list(
            "clarification_id", flat=True
        )
    )
    rows = []
    for item in items:
        reasons = []
        if item.group_id in asked:
            reasons.append(_("Công nhân doanh nghiệp đã hỏi tin này (%(n)s lượt).") % {"n": asked[item.group_id]})
        topics = [topic.name for topic in item.topics.all() if topic.pk in noted]
        if topics:
            reasons.append(_("Ghi nhận gần đây nói về: %(topics)s.") % {"topics": ", ".join(topics)})
        rows.append(
            ToSpread(
                item=item,
                reasons=reasons,
                shares=shares.get(item.pk, 0),
                views=views.get(item.pk, 0),
                shared_by_me=item.pk in mine,
            )
        )
    return rows
