"""Reads for grassroots screens, each scoped by the permission check; one module per sub-topic."""

from collections.abc import Iterable
from typing import Any

from django.db.models import Q, QuerySet

from lantoa.orgs import access
from lantoa.orgs.models import OrgUnit

# Who may read grassroots records: office roles read them, those who write them read theirs.
VIEW_ACTIONS = ("activities.view_activities", "activities.log_event")
DIALOGUE_VIEW_ACTIONS = ("activities.view_activities", "activities.manage_dialogue", "activities.view_dialogue")


def scope_any(user: Any, actions: Iterable[str], *, path_fields: Iterable[str]) -> Q:
    """Rows the user may act on through any of `actions` (deny by default)."""
    query = Q(pk__in=[])
    for action in actions:
        query |= access.scope_q(user, action, path_fields=path_fields)
    return query


def can_any(user: Any, actions: Iterable[str], obj: Any = None) -> bool:
    return any(access.can(user, action, obj) for action in actions)


def action_units_for_user(user: Any, action: str) -> QuerySet[OrgUnit]:
    """Units a user may pick when recording something under `action`: their scope roots and the bodies below them."""
    roots = access.scope_roots(user, action)
    if getattr(user, "is_superuser", False) and not roots:
        roots = list(OrgUnit.objects.filter(parent__isnull=True))
    below = Q(pk__in=[])
    for root in roots:
        below |= Q(path__startswith=root.path)
    return OrgUnit.objects.filter(
        Q(pk__in=[root.pk for root in roots]) | (below & Q(kind__in=OrgUnit.BODY_KINDS))
    ).order_by("path")
