"""Reads of plans' objects for a user, each through the permission check."""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from django.db.models import Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone

from lantoa.orgs import access
from lantoa.orgs.models import Enterprise, Membership, OrgUnit
from lantoa.plans.models import EnteredValue, Indicator, Inspection, Notice, Plan, PlanTask, ReportingPeriod, UnitReport
from lantoa.plans.services import notices


def unit_get_for_user(*, user: Any, code: str, action: str = "plans.view_dashboard") -> OrgUnit:
    unit = get_object_or_404(OrgUnit, code=code)
    if not access.can(user, action, unit):
        raise Http404
    return unit


def home_unit_for_user(*, user: Any, action: str = "plans.view_dashboard") -> OrgUnit | None:
    """The outermost unit the user may act on (a body stands for the unit it acts over)."""
    if getattr(user, "is_superuser", False):
        return OrgUnit.objects.filter(parent__isnull=True).first()
    roots = access.scope_roots(user, action)
    return roots[0] if roots else None


def plan_get_for_user(*, user: Any, pk: int) -> Plan:
    plan = get_object_or_404(Plan.objects.select_related("unit", "parent"), pk=pk)
    # The provincial plan is read by every unit carrying it out; its tasks are still filtered by scope.
    if not access.can(user, "plans.view_dashboard", plan) and not (
        plan.parent_id is None and access.can(user, "plans.view_dashboard")
    ):
        raise Http404
    return plan


def plan_list_for_user(*, user: Any) -> QuerySet[Plan]:
    return Plan.objects.select_related("unit").filter(
        access.scope_q(user, "plans.view_dashboard", path_fields=("unit__path",))
    )


def tasks_of_plan_for_user(*, user: Any, plan: Plan) -> QuerySet[PlanTask]:
    """Tasks of the plan held by units in the user's scope, with their assigned copies."""
    scope = access.scope_q(user, "plans.view_dashboard", path_fields=("assignee__path", "assigned_by__path"))
    return (
        PlanTask.objects.filter(scope, plan=plan)
        .select_related("assignee", "assigned_by", "parent_task")
        .order_by("order", "parent_task_id", "pk")
    )


def task_get_for_user(*, user: Any, pk: int, action: str) -> PlanTask:
    task = get_object_or_404(PlanTask.objects.select_related("plan__unit", "assignee", "assigned_by"), pk=pk)
    if not access.can(user, action, task):
        raise Http404
    return task


def tasks_for_unit(*, unit: OrgUnit) -> list[PlanTask]:
    """Tasks a unit reports on: its own, and those of the bodies acting over it (the province's LĐLĐ, boards…)."""
    held = Q(assignee=unit) | Q(assignee__parent=unit, assignee__kind__in=OrgUnit.BODY_KINDS)
    return list(PlanTask.objects.filter(held).select_related("assigned_by", "assignee").order_by("order", "pk"))


def report_get_for_user(*, user: Any, pk: int, action: str = "plans.view_dashboard") -> UnitReport:
    report = get_object_or_404(UnitReport.objects.select_related("unit", "unit__parent", "period"), pk=pk)
    if not access.can(user, action, report):
        raise Http404
    return report


def report_list_for_user(*, user: Any, period_code: str = "", status: str = "") -> QuerySet[UnitReport]:
    reports = UnitReport.objects.select_related("unit", "period").filter(
        access.scope_q(user, "plans.view_dashboard", path_fields=("unit__path",))
    )
    if period_code:
        reports = reports.filter(period__code=period_code)
    if status:
        reports = reports.filter(status=status)
    return reports.order_by("-period__starts_on", "unit__path")


def report_figures(*, report: UnitReport) -> list:
    return list(report.figures.select_related("indicator"))


def inspection_list_for_user(*, user: Any) -> QuerySet[Inspection]:
    return (
        Inspection.objects.select_related("unit", "by_unit")
        .filter(access.scope_q(user, "plans.view_dashboard", path_fields=("unit__path",)))
        .prefetch_related("findings")
    )


def inspection_get_for_user(*, user: Any, pk: int) -> Inspection:
    inspection = get_object_or_404(Inspection.objects.select_related("unit", "by_unit"), pk=pk)
    if not access.can(user, "plans.view_dashboard", inspection):
        raise Http404
    return inspection


def _notice_units(user: Any) -> set[int]:
    """The units whose notices the user reads: those it belongs to (a body also reads those of the unit it acts
    over)."""
    memberships = Membership.objects.filter(person__user=user, ended_on__isnull=True).select_related("unit__parent")
    return {m.unit_id for m in memberships} | {m.unit.scope_root.pk for m in memberships}


def notices_for_user(*, user: Any, limit: int = 20) -> list[Notice]:
    """The newest notices to the user's units, leaving out overdue reminders (`overdue_lines_for_user` sums them
    up), so a unit with many late things still sees its newest other notices."""
    rows = Notice.objects.filter(unit_id__in=_notice_units(user)).exclude(kind__in=Notice.OVERDUE_KINDS)
    return list(rows.select_related("unit")[:limit])


@dataclass(frozen=True)
class OverdueLine:
    """The overdue reminders of one kind to one unit over the last week: how many things, and the newest notice."""

    count: int
    newest: Notice


def overdue_lines_for_user(*, user: Any, on: dt.date | None = None) -> list[OverdueLine]:
    """One line per unit and overdue kind for the things reminded as overdue in the week up to `on` (every overdue
    thing is reminded at least once a week) and still open and overdue `on` (`notices.overdue_open`: one answered
    or fixed since its last reminder is left out), newest first."""
    on = on or timezone.localdate()
    week = Notice.objects.filter(
        unit_id__in=_notice_units(user),
        kind__in=Notice.OVERDUE_KINDS,
        sent_on__gt=on - dt.timedelta(days=notices.OVERDUE_EVERY_DAYS),
        sent_on__lte=on,
    ).values_list("pk", "unit_id", "kind", "subject_key")
    reminded = list(week)
    still_open = notices.overdue_open(on=on) if reminded else set()
    subjects: defaultdict[tuple[int, str], set[str]] = defaultdict(set)
    newest: dict[tuple[int, str], int] = {}
    for pk, unit_id, kind, subject_key in reminded:
        if (unit_id, kind, subject_key) in still_open:
            subjects[unit_id, kind].add(subject_key)
            newest[unit_id, kind] = max(pk, newest.get((unit_id, kind), pk))
    counts = {pk: len(subjects[line]) for line, pk in newest.items()}
    rows = Notice.objects.filter(pk__in=counts).select_related("unit")
    return [OverdueLine(count=counts[notice.pk], newest=notice) for notice in rows]


def assignable_units_for_user(*, user: Any) -> QuerySet[OrgUnit]:
    """Units the user may hand a task to: communes, bodies and zones in scope (not enterprises, to keep lists short)."""
    kinds = [*OrgUnit.COMMUNE_KINDS, *OrgUnit.ZONE_KINDS, *OrgUnit.BODY_KINDS]
    return OrgUnit.objects.filter(access.scope_q(user, "plans.assign_task"), kind__in=kinds).order_by("kind", "name")


def inspectable_units_for_user(*, user: Any) -> QuerySet[OrgUnit]:
    kinds = [*OrgUnit.COMMUNE_KINDS, *OrgUnit.ZONE_KINDS, *OrgUnit.BODY_KINDS, OrgUnit.Kind.ENTERPRISE]
    return OrgUnit.objects.filter(access.scope_q(user, "plans.inspect"), kind__in=kinds).order_by("kind", "name")


# The enterprises counted by each of plans' own sources (see plans.sources).
_ENTERPRISES_COUNTED = {"orgs.enterprises_with_union": Q(union_member_count__gt=0)}


def enterprises_behind(*, user: Any, source_code: str, unit: OrgUnit) -> QuerySet[Enterprise]:
    """The enterprises a figure of plans' own sources was computed from, within what the user may see."""
    place = Q(zone=unit) if unit.kind in OrgUnit.ZONE_KINDS else Q(unit__path__startswith=unit.scope_root.path)
    return (
        Enterprise.objects.filter(
            access.scope_q(user, "orgs.view_enterprise", path_fields=("unit__path", "zone__path"))
        )
        .filter(place, _ENTERPRISES_COUNTED.get(source_code, Q()))
        .select_related("unit", "commune", "zone")
        .distinct()
        .order_by("unit__name")
    )


def entered_values_for_user(
    *, user: Any, indicator: Indicator, unit: OrgUnit, period: ReportingPeriod
) -> QuerySet[EnteredValue]:
    if period.pk is None:  # nobody recorded against this period yet
        return EnteredValue.objects.none()
    return (
        EnteredValue.objects.filter(access.scope_q(user, "plans.view_dashboard", path_fields=("unit__path",)))
        .filter(indicator=indicator, period=period, unit__path__startswith=unit.scope_root.path)
        .select_related("unit", "entered_by")
        .order_by("unit__path")
    )


def counts_behind(*, user: Any, source: Any, unit: OrgUnit, period: ReportingPeriod) -> list[tuple[OrgUnit, int]]:
    """A source's counts per lowest unit within `unit`, for a reader who may not open the source's own records
    (worker-voice cases, for instance): which units the number comes from, without the records themselves."""
    values = source.values(start=period.starts_on, end=period.ends_on)
    scope = unit.scope_root
    place = Q(enterprise__zone=unit) if unit.kind in OrgUnit.ZONE_KINDS else Q(path__startswith=scope.path)
    units = (
        OrgUnit.objects.filter(pk__in=[unit_id for unit_id, count in values.items() if count])
        .filter(place, access.scope_q(user, "plans.view_dashboard"))
        .order_by("path")
    )
    return [(row, values[row.pk]) for row in units]
