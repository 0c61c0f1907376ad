"""The one permission check: `can(user, action, obj)`.

A role held in a unit grants its actions on that unit and everything below it (see
`OrgUnit.scope_root` for bodies such as the LĐLĐ, which act over the unit they belong to).
Everything not granted here is denied. Every view, export and API asks this module.
"""

from collections.abc import Iterable
from typing import Any

from django.db.models import Q

from lantoa.orgs.models import Membership, OrgUnit, Role

_OFFICE = {
    "orgs.view_unit",
    "orgs.view_enterprise",
    "reach.view_coverage",
    "plans.view_dashboard",
    "legal.view_parameters",
}
_OFFICE |= {"activities.view_activities"}  # read the grassroots records of units in scope
_UNIT_WORK = {
    "orgs.change_enterprise",
    "orgs.import",
    "orgs.manage_people",
    "activities.log_event",
    "activities.manage_dialogue",
    "activities.manage_propagandists",
    "plans.edit_report",
    "plans.submit_report",
    "plans.assign_task",
    "plans.export",
}
_UNIT_WORK |= {"activities.manage_emulation", "activities.manage_welfare"}

POLICY: dict[str, frozenset[str]] = {
    Role.WORKER: frozenset({"learning.take_contest", "voice.follow_own_report"}),
    Role.PROPAGANDIST: frozenset(
        {"orgs.view_unit", "activities.log_event", "activities.view_activities", "reach.view_coverage"}
    ),
    Role.UNION_OFFICER: frozenset(
        _OFFICE
        | _UNIT_WORK
        | {"voice.view_case", "voice.reply_case", "voice.view_aggregates", "voice.manage_survey", "voice.view_warnings"}
    ),
    Role.EMPLOYER: frozenset({"orgs.view_enterprise", "voice.view_aggregates", "activities.view_dialogue"}),
    Role.LEGAL_ADVISER: frozenset({"legal.view_questions", "legal.answer_question"}),
    Role.UNIT_ADMIN: frozenset(_OFFICE | _UNIT_WORK | {"voice.view_aggregates", "voice.view_warnings"}),
    Role.MONITOR: frozenset(
        _OFFICE
        | {"plans.assign_task", "plans.approve_report", "plans.inspect", "plans.export", "voice.view_warnings"}
        | {"voice.view_aggregates"}
    ),
    Role.EDITOR: frozenset({"content.edit"}),
    Role.REVIEWER: frozenset({"content.edit", "content.review"}),
}

# The rumour desk: propagandists pass on what they hear; the LĐLĐ, the Ban Tuyên giáo và Dân vận and legal
# advisers read the claims and publish clarifications (checked against the province, where clarifications belong).
_OPINION_DESK = frozenset({"opinion.view_claims", "opinion.publish_clarification"})
for _role in (Role.UNION_OFFICER, Role.MONITOR, Role.LEGAL_ADVISER):
    POLICY[_role] = POLICY[_role] | _OPINION_DESK
POLICY[Role.PROPAGANDIST] = POLICY[Role.PROPAGANDIST] | {"opinion.report_claim"}
# Kiến nghị: officers raise them from their unit's records; the addressee's officers (or the raiser) record answers.
for _role in (Role.UNION_OFFICER, Role.UNIT_ADMIN, Role.MONITOR):
    POLICY[_role] = POLICY[_role] | {"opinion.raise_recommendation", "opinion.answer_recommendation"}
# Thought-situation notes: recorded where one works, read (as roll-ups) over one's scope.
for _role in (Role.PROPAGANDIST, Role.UNION_OFFICER, Role.UNIT_ADMIN):
    POLICY[_role] = POLICY[_role] | {"opinion.record_notes", "opinion.view_notes"}
POLICY[Role.MONITOR] = POLICY[Role.MONITOR] | {"opinion.view_notes"}
# The background jobs page lists every unit's jobs: the views check it against the province itself.
for _role in (Role.UNION_OFFICER, Role.UNIT_ADMIN, Role.MONITOR):
    POLICY[_role] = POLICY[_role] | {"orgs.view_jobs"}

ALL_ACTIONS: frozenset[str] = frozenset().union(*POLICY.values())


def roles_granting(action: str) -> list[str]:
    return [role for role, actions in POLICY.items() if action in actions]


def _active_memberships(user: Any) -> list[Membership]:
    if not getattr(user, "is_authenticated", False):
        return []
    cached = getattr(user, "_lantoa_memberships", None)
    if cached is None:
        cached = list(
            Membership.objects.filter(person__user=user, ended_on__isnull=True).select_related("unit", "unit__parent")
        )
        user._lantoa_memberships = cached
    return cached


def scope_roots(user: Any, action: str) -> list[OrgUnit]:
    """The units under which `user` may perform `action` (deduplicated, outermost first)."""
    if action not in ALL_ACTIONS:
        raise ValueError(f"Unknown action {action!r}: add it to orgs.access.POLICY.")
    roots = sorted(
        {m.unit.scope_root for m in _active_memberships(user) if action in POLICY.get(m.role, ())},
        key=lambda unit: unit.path,
    )
    outermost: list[OrgUnit] = []
    for root in roots:
        if not any(root.is_within(kept) for kept in outermost):
            outermost.append(root)
    return outermost


def _units_of(obj: Any) -> Iterable[OrgUnit]:
    if isinstance(obj, OrgUnit):
        return [obj]
    if hasattr(obj, "access_units"):
        return obj.access_units
    if hasattr(obj, "access_unit"):
        return [obj.access_unit]
    raise TypeError(f"{type(obj).__name__} has no access_unit(s): the permission check cannot place it.")


def can(user: Any, action: str, obj: Any = None) -> bool:
    """May `user` perform `action` on `obj`? With `obj=None`: on anything at all (for menus)."""
    if getattr(user, "is_superuser", False) and getattr(user, "is_active", False):
        if action not in ALL_ACTIONS:
            raise ValueError(f"Unknown action {action!r}: add it to orgs.access.POLICY.")
        return True
    roots = scope_roots(user, action)
    if obj is None:
        return bool(roots)
    return any(unit.is_within(root) for unit in _units_of(obj) for root in roots)


def scope_q(user: Any, action: str, *, path_fields: Iterable[str] = ("path",)) -> Q:
    """A filter for rows `user` may act on; each name in `path_fields` leads to an OrgUnit path."""
    if getattr(user, "is_superuser", False) and getattr(user, "is_active", False):
        return Q()
    query = Q(pk__in=[])
    for root in scope_roots(user, action):
        for field in path_fields:
            query |= Q(**{f"{field}__startswith": root.path})
    return query
