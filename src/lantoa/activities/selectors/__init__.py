"""Reads for grassroots screens, each scoped by the permission check; one module per sub-topic."""

from collections.abc import Iterable
from typing import Any

from django.db.models import Q, QuerySet
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from lantoa.orgs import access
from lantoa.orgs.models import OrgUnit

# Who may read grassroots records: office roles read them, those who write them read theirs.
VIEW_ACTIONS = ("activities.view_activities", "activities.log_event")
DIALOGUE_VIEW_ACTIONS = ("activities.view_activities", "activities.manage_dialogue", "activities.view_dialogue")
MANAGE_EMULATION = "activities.manage_emulation"
MANAGE_PROPAGANDISTS = "activities.manage_propagandists"
MANAGE_WELFARE = "activities.manage_welfare"
# The tabs of the grassroots screens, each with the actions its page asks for: a tab shows only when it opens.
NAV_TABS = (
    ("activities:event-list", _("Hoạt động"), VIEW_ACTIONS),
    ("activities:dialogue-list", _("Đối thoại"), DIALOGUE_VIEW_ACTIONS),
    ("activities:agreement-list", _("Thỏa ước"), DIALOGUE_VIEW_ACTIONS),
    ("activities:force-list", _("Lực lượng tuyên truyền"), (*VIEW_ACTIONS, MANAGE_PROPAGANDISTS)),
    ("activities:emulation", _("Thi đua"), (*VIEW_ACTIONS, MANAGE_EMULATION)),
    ("activities:welfare-list", _("Phúc lợi"), (*VIEW_ACTIONS, MANAGE_WELFARE)),
)


def scope_any(user: Any, actions: Iterable[str], *, path_fields: Iterable[str]) -> Q:
    """Rows the user may act on through any of `actions` (deny by default)."""
    query = Q(pk__in=[])
    for action in actions:
        query |= access.scope_q(user, action, path_fields=path_fields)
    return query


def can_any(user: Any, actions: Iterable[str], obj: Any = None) -> bool:
    return any(access.can(user, action, obj) for action in actions)


def nav_tabs_for_user(user: Any) -> list[tuple[str, str]]:
    return [(reverse(url_name), str(label)) for url_name, label, actions in NAV_TABS if can_any(user, actions)]


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
