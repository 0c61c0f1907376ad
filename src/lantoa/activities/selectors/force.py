"""Propagandist force reads: roster with activity counts and points, trainings, rewards."""

import datetime as dt
from typing import TYPE_CHECKING, Any, TypedDict, cast

from django.db.models import Count, Q, QuerySet, Sum
from django.db.models.functions import Coalesce
from django.http import Http404
from django.shortcuts import get_object_or_404

from lantoa.activities.models import Event, Propagandist, Reward, Training
from lantoa.activities.selectors import VIEW_ACTIONS, can_any, scope_any
from lantoa.orgs import access
from lantoa.orgs.models import OrgUnit

if TYPE_CHECKING:
    from django_stubs_ext import WithAnnotations

# Points for the force's emulation table: a held event presented, a training passed; rewards add their own points.
POINTS_PER_EVENT = 10
POINTS_PER_TRAINING = 5


class RosterCounts(TypedDict):
    event_count: int
    training_count: int
    digital_count: int


class RosterScore(RosterCounts):
    points: int  # computed in Python by `roster_with_points`, not by the query


def propagandist_list_for_user(
    *, user: Any, kind: str = "", active_only: bool = True
) -> QuerySet["WithAnnotations[Propagandist, RosterCounts]"]:
    roster = (
        Propagandist.objects.select_related("person", "unit")
        .filter(scope_any(user, (*VIEW_ACTIONS, "activities.manage_propagandists"), path_fields=("unit__path",)))
        .annotate(
            event_count=Count("events", filter=Q(events__status=Event.Status.HELD), distinct=True),
            training_count=Count("training_results", filter=Q(training_results__passed=True), distinct=True),
            digital_count=Count(
                "training_results",
                filter=Q(training_results__passed=True, training_results__training__is_digital_skills=True),
                distinct=True,
            ),
        )
    )
    if kind:
        roster = roster.filter(kind=kind)
    if active_only:
        roster = roster.filter(left_on__isnull=True)
    return roster.order_by("person__full_name")


def propagandist_choices_for_user(*, user: Any) -> QuerySet[Propagandist]:
    """Presenters an organiser may name: the active roster under the units where they log events."""
    return (
        Propagandist.objects.select_related("person")
        .filter(access.scope_q(user, "activities.log_event", path_fields=("unit__path",)), left_on__isnull=True)
        .order_by("person__full_name")
    )


def reward_points(propagandist_ids: list[int]) -> dict[int, int]:
    rows = (
        Reward.objects.filter(propagandist_id__in=propagandist_ids)
        .values("propagandist_id")
        .annotate(points=Coalesce(Sum("points"), 0))
    )
    return {row["propagandist_id"]: row["points"] for row in rows}


def roster_with_points(
    roster: list["WithAnnotations[Propagandist, RosterCounts]"],
) -> list["WithAnnotations[Propagandist, RosterScore]"]:
    extra = reward_points([member.pk for member in roster])
    scored = cast("list[WithAnnotations[Propagandist, RosterScore]]", roster)  # each gets its points just below
    for member in scored:
        member.points = (
            member.event_count * POINTS_PER_EVENT
            + member.training_count * POINTS_PER_TRAINING
            + extra.get(member.pk, 0)
        )
    return scored


def propagandist_get_for_user(*, user: Any, pk: int, action: str = "") -> Propagandist:
    member = get_object_or_404(Propagandist.objects.select_related("person", "unit"), pk=pk)
    allowed = access.can(user, action, member) if action else can_any(user, VIEW_ACTIONS, member)
    if not allowed:
        raise Http404
    return member


def training_list_for_user(*, user: Any) -> QuerySet[Training]:
    return (
        Training.objects.select_related("unit")
        .filter(scope_any(user, (*VIEW_ACTIONS, "activities.manage_propagandists"), path_fields=("unit__path",)))
        .annotate(passed_count=Count("results", filter=Q(results__passed=True)))
        .order_by("-held_on", "-pk")
    )


def training_get_for_user(*, user: Any, pk: int, action: str = "") -> Training:
    training = get_object_or_404(Training.objects.select_related("unit"), pk=pk)
    allowed = access.can(user, action, training) if action else can_any(user, VIEW_ACTIONS, training)
    if not allowed:
        raise Http404
    return training


def reward_list_for_user(*, user: Any) -> QuerySet[Reward]:
    return (
        Reward.objects.select_related("unit", "propagandist__person")
        .filter(scope_any(user, (*VIEW_ACTIONS, "activities.manage_propagandists"), path_fields=("unit__path",)))
        .order_by("-awarded_on", "-pk")
    )


def trained_propagandists(*, unit: OrgUnit, start: dt.date, end: dt.date, digital_only: bool = False) -> QuerySet:
    """Propagandists under `unit` who passed a training held in [start, end] (records behind an indicator)."""
    results = Q(
        training_results__passed=True,
        training_results__training__held_on__gte=start,
        training_results__training__held_on__lte=end,
    )
    if digital_only:
        results &= Q(training_results__training__is_digital_skills=True)
    return (
        Propagandist.objects.select_related("person", "unit")
        .filter(results, unit__path__startswith=unit.path)
        .distinct()
        .order_by("person__full_name")
    )
