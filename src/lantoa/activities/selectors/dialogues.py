"""Dialogue reads: lists, the overdue list (no dialogue in 12 months), open commitments, expiring agreements."""

import datetime as dt
from typing import TYPE_CHECKING, Any, TypedDict

from django.db.models import Count, Exists, Max, OuterRef, Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from lantoa.activities.models import CollectiveAgreement, Commitment, Dialogue
from lantoa.activities.selectors import DIALOGUE_VIEW_ACTIONS, can_any, scope_any
from lantoa.orgs import access
from lantoa.orgs.models import Enterprise, OrgUnit

if TYPE_CHECKING:
    from django_stubs_ext import WithAnnotations


class LastDialogue(TypedDict):
    last_dialogue_on: dt.date | None


ENTERPRISE_PATHS = ("enterprise__unit__path", "enterprise__zone__path")
# Bộ luật Lao động 2019 Điều 63 khoản 2 điểm a: periodic dialogue at least once a year.
DIALOGUE_INTERVAL_DAYS = 365
# Bộ luật Lao động 2019 Điều 83: the parties may negotiate within 90 days before an agreement expires.
AGREEMENT_WARNING_DAYS = 90
# Nghị định 145/2020/NĐ-CP Điều 38 khoản 2 điểm a: least worker-side representatives by workforce size.
WORKER_REPRESENTATIVES_MINIMUM = ((1000, 24), (500, 19), (300, 14), (150, 9), (50, 4), (0, 3))


def worker_representatives_minimum(worker_count: int) -> int:
    return next(minimum for floor, minimum in WORKER_REPRESENTATIVES_MINIMUM if worker_count >= floor)


def dialogue_list_for_user(*, user: Any, status: str = "", unit: OrgUnit | None = None) -> QuerySet[Dialogue]:
    dialogues = (
        Dialogue.objects.select_related("enterprise__unit")
        .filter(scope_any(user, DIALOGUE_VIEW_ACTIONS, path_fields=ENTERPRISE_PATHS))
        .annotate(
            commitment_count=Count("commitments", distinct=True),
            open_count=Count("commitments", filter=Q(commitments__closed_on__isnull=True), distinct=True),
        )
    )
    if status:
        dialogues = dialogues.filter(status=status)
    if unit is not None:
        dialogues = dialogues.filter(Q(enterprise__unit__path__startswith=unit.path))
    return dialogues.order_by("-held_on", "-pk")


def dialogue_get_for_user(*, user: Any, pk: int, action: str = "") -> Dialogue:
    dialogue = get_object_or_404(Dialogue.objects.select_related("enterprise__unit", "enterprise__zone"), pk=pk)
    allowed = access.can(user, action, dialogue) if action else can_any(user, DIALOGUE_VIEW_ACTIONS, dialogue)
    if not allowed:
        raise Http404
    return dialogue


def commitment_get_for_user(*, user: Any, pk: int, action: str) -> Commitment:
    commitment = get_object_or_404(Commitment.objects.select_related("dialogue__enterprise__unit"), pk=pk)
    if not access.can(user, action, commitment):
        raise Http404
    return commitment


def commitments_open_for_user(*, user: Any) -> QuerySet[Commitment]:
    """Commitments not yet closed, the earliest due first."""
    return (
        Commitment.objects.select_related("dialogue__enterprise__unit")
        .filter(
            scope_any(user, DIALOGUE_VIEW_ACTIONS, path_fields=tuple(f"dialogue__{p}" for p in ENTERPRISE_PATHS)),
            closed_on__isnull=True,
        )
        .order_by("due_on", "pk")
    )


def dialogue_overdue_enterprises(*, today: dt.date) -> QuerySet["WithAnnotations[Enterprise, LastDialogue]"]:
    """Every enterprise with no dialogue held in the 12 months up to `today`, annotated with its last one."""
    cutoff = today - dt.timedelta(days=DIALOGUE_INTERVAL_DAYS)
    return Enterprise.objects.annotate(
        last_dialogue_on=Max("dialogues__held_on", filter=Q(dialogues__status=Dialogue.Status.HELD)),
    ).filter(Q(last_dialogue_on__isnull=True) | Q(last_dialogue_on__lte=cutoff))


def enterprises_without_dialogue(*, user: Any, today: dt.date) -> QuerySet["WithAnnotations[Enterprise, LastDialogue]"]:
    """Enterprises in the user's scope with no dialogue held in the 12 months up to `today` (oldest first)."""
    return (
        dialogue_overdue_enterprises(today=today)
        .select_related("unit", "commune", "zone")
        .filter(scope_any(user, DIALOGUE_VIEW_ACTIONS, path_fields=("unit__path", "zone__path")))
        .order_by("last_dialogue_on", "unit__name")
    )


def enterprises_with_dialogue(*, unit: OrgUnit, end: dt.date) -> QuerySet[Enterprise]:
    """Enterprises under `unit` that held a dialogue in the 12 months ending on `end` (records behind an indicator)."""
    recent = Dialogue.objects.filter(
        enterprise=OuterRef("pk"),
        status=Dialogue.Status.HELD,
        held_on__gt=end - dt.timedelta(days=DIALOGUE_INTERVAL_DAYS),
        held_on__lte=end,
    )
    return (
        Enterprise.objects.select_related("unit", "commune")
        .filter(Exists(recent), unit__path__startswith=unit.path)
        .order_by("unit__name")
    )


def agreement_list_for_user(*, user: Any) -> QuerySet[CollectiveAgreement]:
    return (
        CollectiveAgreement.objects.select_related("enterprise__unit")
        .filter(scope_any(user, DIALOGUE_VIEW_ACTIONS, path_fields=ENTERPRISE_PATHS))
        .order_by("expires_on", "pk")
    )


def agreements_expiring_for_user(*, user: Any, today: dt.date) -> QuerySet[CollectiveAgreement]:
    """Each enterprise's latest agreement when it expires within 90 days or has expired with no newer one."""
    newer = CollectiveAgreement.objects.filter(enterprise=OuterRef("enterprise"), expires_on__gt=OuterRef("expires_on"))
    return agreement_list_for_user(user=user).filter(
        ~Exists(newer), expires_on__lte=today + dt.timedelta(days=AGREEMENT_WARNING_DAYS)
    )


def dialogue_enterprises_for_user(*, user: Any) -> QuerySet[Enterprise]:
    """Enterprises where the user may record a dialogue or an agreement."""
    return (
        Enterprise.objects.select_related("unit")
        .filter(access.scope_q(user, "activities.manage_dialogue", path_fields=("unit__path", "zone__path")))
        .order_by("unit__name")
    )
