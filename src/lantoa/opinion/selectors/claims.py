"""Reads of the rumour desk: what waits for an answer, how fast answers come, what a worker's receipt shows."""

import statistics
from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from lantoa.opinion.models import Claim, ClaimGroup, Clarification
from lantoa.voice import crypto


@dataclass(frozen=True)
class WaitingGroup:
    group: ClaimGroup
    text: str


def waiting_groups() -> list[WaitingGroup]:
    """Groups with no clarification yet, the longest waiting first, with the first claim's words decrypted."""
    groups = ClaimGroup.objects.filter(clarification__isnull=True).order_by("first_claim_at")
    return [WaitingGroup(group=group, text=crypto.decrypt_text(group.text_enc)) for group in groups]


@dataclass(frozen=True)
class ClaimSeen:
    """A claim as the desk reads it: its words, its link, whether it came with a picture."""

    pk: int
    text: str
    link: str
    has_photo: bool


def group_claims(*, group: ClaimGroup) -> list[ClaimSeen]:
    rows = group.claims.values_list("pk", "text_enc", "link_enc", "photo_enc")
    return [
        ClaimSeen(pk, crypto.decrypt_text(text), crypto.decrypt_text(link) if link else "", photo is not None)
        for pk, text, link, photo in rows
    ]


def hours_to_clarification(clarification: Clarification) -> float:
    return round((clarification.published_at - clarification.group.first_claim_at).total_seconds() / 3600, 1)


def median_hours_to_clarification(clarifications: QuerySet[Clarification] | None = None) -> float | None:
    rows = (clarifications if clarifications is not None else Clarification.objects.all()).select_related("group")
    hours = [hours_to_clarification(row) for row in rows]
    return round(statistics.median(hours), 1) if hours else None


def published() -> QuerySet[Clarification]:
    return Clarification.objects.prefetch_related(
        "citations__provision__document", "citations__provision__article", "citations__provision__parent"
    ).order_by("-published_at")


def forward_text(*, clarification: Clarification, url: str) -> str:
    """The message a propagandist pastes into Zalo: verdict, the truth, the law, the link."""
    laws = "; ".join(citation.label for citation in clarification.citations.all())
    return "\n".join(
        [
            _("THÔNG TIN CHÍNH THỨC – %(verdict)s") % {"verdict": clarification.get_verdict_display().upper()},
            _("Tin: “%(claim)s”") % {"claim": clarification.claim},
            clarification.truth,
            _("Căn cứ: %(laws)s") % {"laws": laws},
            _("Xem thêm: %(url)s") % {"url": url},
        ]
    )


def claim_state(*, claim: Claim) -> str:
    """`answered` once the claim's group has its clarification, else `waiting` (the API's and the phone's word)."""
    return "answered" if hasattr(claim.group, "clarification") else "waiting"


def claim_text(*, claim: Claim) -> str:
    """The words the worker sent, for the receipt holder only."""
    return crypto.decrypt_text(claim.text_enc)


def claim_status(*, claim: Claim) -> str:
    if hasattr(claim.group, "clarification"):
        return _("Đã có thông tin chính thức")
    return _("Đang chờ cơ quan có thẩm quyền trả lời")
