"""Emulation reads: nominations, initiatives, good models (office lists and the public showcase)."""

from typing import Any

from django.db.models import QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from lantoa.activities.models import GoodModel, Initiative, Nomination
from lantoa.activities.selectors import VIEW_ACTIONS, can_any, scope_any
from lantoa.orgs import access

ACTIONS = (*VIEW_ACTIONS, "activities.manage_emulation")


def nomination_list_for_user(*, user: Any) -> QuerySet[Nomination]:
    return (
        Nomination.objects.select_related("unit")
        .filter(scope_any(user, ACTIONS, path_fields=("unit__path",)))
        .order_by("-year", "status", "nominee_name")
    )


def initiative_list_for_user(*, user: Any) -> QuerySet[Initiative]:
    return (
        Initiative.objects.select_related("enterprise__unit")
        .filter(scope_any(user, ACTIONS, path_fields=("enterprise__unit__path", "enterprise__zone__path")))
        .order_by("-submitted_on", "-pk")
    )


def good_model_list_for_user(*, user: Any) -> QuerySet[GoodModel]:
    return (
        GoodModel.objects.select_related("unit")
        .filter(scope_any(user, ACTIONS, path_fields=("unit__path",)))
        .order_by("-updated_at")
    )


def _get(queryset: QuerySet, *, user: Any, pk: int, action: str) -> Any:
    obj = get_object_or_404(queryset, pk=pk)
    if not access.can(user, action, obj):
        raise Http404
    return obj


def nomination_get_for_user(*, user: Any, pk: int, action: str) -> Nomination:
    return _get(Nomination.objects.select_related("unit"), user=user, pk=pk, action=action)


def initiative_get_for_user(*, user: Any, pk: int, action: str = "") -> Initiative:
    initiative = get_object_or_404(Initiative.objects.select_related("enterprise__unit", "enterprise__zone"), pk=pk)
    allowed = access.can(user, action, initiative) if action else can_any(user, ACTIONS, initiative)
    if not allowed:
        raise Http404
    return initiative


def good_model_get_for_user(*, user: Any, pk: int, action: str) -> GoodModel:
    return _get(GoodModel.objects.select_related("unit"), user=user, pk=pk, action=action)


def showcase_list() -> QuerySet[GoodModel]:
    """Published good models, for anyone (the public showcase page)."""
    return GoodModel.objects.select_related("unit").filter(is_published=True).order_by("-published_on", "title")


def showcase_get(*, slug: str) -> GoodModel:
    return get_object_or_404(showcase_list(), slug=slug)
