"""Event reads: lists scoped by permission, attendance by segment, the records behind indicators."""

import datetime as dt
from collections import Counter
from typing import TYPE_CHECKING, Any, TypedDict

from django.db.models import Count, Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _

from lantoa.activities.models import Event
from lantoa.activities.selectors import VIEW_ACTIONS, can_any, scope_any
from lantoa.core.registry import period_bounds
from lantoa.orgs import access
from lantoa.orgs.models import SEGMENT_LABELS, Enterprise, OrgUnit

if TYPE_CHECKING:
    from django_stubs_ext import WithAnnotations

EVENT_PATHS = ("unit__path", "enterprise__zone__path")


class CheckinCount(TypedDict):
    checkin_count: int


def _events() -> QuerySet["WithAnnotations[Event, CheckinCount]"]:
    return Event.objects.select_related("unit", "enterprise", "enterprise__unit").annotate(
        checkin_count=Count("checkins", distinct=True)
    )


def event_list_for_user(
    *, user: Any, status: str = "", kind: str = "", unit: OrgUnit | None = None
) -> QuerySet["WithAnnotations[Event, CheckinCount]"]:
    events = _events().filter(scope_any(user, VIEW_ACTIONS, path_fields=EVENT_PATHS))
    if status:
        events = events.filter(status=status)
    if kind:
        events = events.filter(kind=kind)
    if unit is not None:
        events = events.filter(unit__path__startswith=unit.path)
    return events.order_by("-starts_at", "-pk")


def event_get_for_user(*, user: Any, pk: int, action: str = "") -> "WithAnnotations[Event, CheckinCount]":
    """An event the user may read (or, with `action`, act on); 404 otherwise, so its existence is not revealed."""
    event = get_object_or_404(_events(), pk=pk)
    allowed = access.can(user, action, event) if action else can_any(user, VIEW_ACTIONS, event)
    if not allowed:
        raise Http404
    return event


def event_attendance(event: "WithAnnotations[Event, CheckinCount]") -> int:
    return event.checkin_count + event.unscanned_attendance


def event_attendance_by_segment(*, event: Event) -> list[tuple[str, int]]:
    """Check-ins per worker segment (a person may fall in several); unknown enterprise counted apart."""
    counts: Counter[str] = Counter()
    for segments in event.checkins.values_list("segments", flat=True):
        counts.update(segments or ["unknown"])
    labels = {**SEGMENT_LABELS, "unknown": _("Không rõ doanh nghiệp")}
    return [(str(labels.get(slug, slug)), count) for slug, count in counts.most_common()]


def event_places_for_user(*, user: Any, limit: int = 500) -> list[tuple[str, str]]:
    """Where this user may hold an event: their units, then enterprises in their scope."""
    roots = access.scope_roots(user, "activities.log_event")
    if getattr(user, "is_superuser", False) and not roots:
        roots = list(OrgUnit.objects.filter(parent__isnull=True))
    enterprises = (
        Enterprise.objects.select_related("unit")
        .filter(access.scope_q(user, "activities.log_event", path_fields=("unit__path", "zone__path")))
        .order_by("unit__name")[:limit]
    )
    places = [(f"u{unit.pk}", unit.name) for unit in roots if unit.kind != OrgUnit.Kind.ENTERPRISE]
    return places + [(f"e{enterprise.pk}", enterprise.unit.name) for enterprise in enterprises]


def event_place_get(value: str) -> tuple[OrgUnit, Enterprise | None]:
    """The unit (and enterprise) behind a choice of `event_places_for_user` ("u<id>" or "e<id>")."""
    if value.startswith("e"):
        enterprise = get_object_or_404(Enterprise.objects.select_related("unit"), pk=int(value[1:]))
        return enterprise.unit, enterprise
    return get_object_or_404(OrgUnit, pk=int(value[1:])), None


def attendance_by_enterprise(*, enterprises: list[Enterprise], start: dt.date, end: dt.date) -> dict[int, int]:
    """{enterprise id: people present at held events for its workers} from `start` to `end` (local days).

    An event counts for an enterprise when it names the enterprise or is held by the enterprise's own unit; its
    people are the QR check-ins plus those counted by hand (activities.indicators counts them the same way)."""
    by_unit = {enterprise.unit_id: enterprise.pk for enterprise in enterprises if enterprise.unit_id}
    since, until = period_bounds(start, end)
    events = (
        Event.objects.filter(status=Event.Status.HELD, starts_at__gte=since, starts_at__lt=until)
        .filter(Q(enterprise__in=[e.pk for e in enterprises]) | Q(enterprise__isnull=True, unit_id__in=by_unit))
        .annotate(scanned=Count("checkins"))
        .values_list("enterprise_id", "unit_id", "scanned", "unscanned_attendance")
    )
    totals: Counter[int] = Counter()
    for enterprise_id, unit_id, scanned, unscanned in events:
        totals[enterprise_id or by_unit[unit_id]] += scanned + unscanned
    return dict(totals)
