"""Hotspot warnings for the LĐLĐ, the Propaganda Board and union officers: table, commune map, events, weights."""

import datetime as dt

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from lantoa.core.dates import date_parse
from lantoa.core.http import OfficeHttpRequest
from lantoa.orgs import access
from lantoa.orgs import selectors as org_selectors
from lantoa.orgs.models import Enterprise, OrgUnit
from lantoa.voice.forms import HotspotEventForm
from lantoa.voice.selectors import hotspots as hotspot_selectors
from lantoa.voice.services import hotspots as hotspot_services


def _province() -> OrgUnit | None:
    return OrgUnit.objects.filter(kind=OrgUnit.Kind.PROVINCE).order_by("path").first()


def _week_asked(request: OfficeHttpRequest) -> tuple[dt.date, str]:
    """The Monday of `?week=` (any day of the week, dd/mm/yyyy or yyyy-mm-dd), else of this week with the reason."""
    asked = request.GET.get("week", "")
    if asked:
        try:
            return hotspot_services.week_start(date_parse(asked)), ""
        except ValidationError as error:
            return hotspot_services.week_start(timezone.localdate()), " ".join(error.messages)
    return hotspot_services.week_start(timezone.localdate()), ""


@login_required
@require_GET
def hotspot_board(request: OfficeHttpRequest) -> HttpResponse:
    if not access.can(request.user, "voice.view_warnings"):
        raise PermissionDenied
    week_on, week_error = _week_asked(request)
    rows = hotspot_selectors.board_for_user(user=request.user, week_on=week_on)
    province = _province()
    context = {
        "week_on": week_on,
        "week_error": week_error,
        "computed_at": max((row.score.computed_at for row in rows), default=None),
        "previous_week": week_on - dt.timedelta(weeks=1),
        "next_week": week_on + dt.timedelta(weeks=1),
        "rows": rows,
        "groups": hotspot_selectors.board_by_commune(rows),
        "warnings": [row for row in rows if row.score.is_warning],
        "can_edit_weights": province is not None and access.can(request.user, "voice.view_warnings", province),
    }
    return render(request, "voice/hotspots.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def hotspot_event_new(request: OfficeHttpRequest) -> HttpResponse:
    if not access.can(request.user, "voice.view_warnings"):
        raise PermissionDenied
    enterprises = org_selectors.enterprise_list_for_user(user=request.user, action="voice.view_warnings")[:500]
    form = HotspotEventForm(request.POST or None, enterprises=[(e.pk, e.unit.name) for e in enterprises])
    if form.is_valid():
        enterprise = get_object_or_404(
            Enterprise.objects.select_related("unit", "zone"), pk=form.cleaned_data["enterprise"]
        )
        try:
            event = hotspot_services.hotspot_event_record(
                user=request.user,
                enterprise=enterprise,
                kind=form.cleaned_data["kind"],
                occurred_on=form.cleaned_data["occurred_on"],
                workers_affected=form.cleaned_data["workers_affected"] or 0,
                note=form.cleaned_data["note"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            hotspot_services.hotspot_week_compute(week_on=event.occurred_on)
            week_on = hotspot_services.week_start(event.occurred_on)
            return redirect(f"{reverse('voice:hotspots')}?week={week_on:%Y-%m-%d}")
    return render(request, "voice/hotspot_event_new.html", {"form": form})


@login_required
@require_http_methods(["GET", "POST"])
def hotspot_weights(request: OfficeHttpRequest) -> HttpResponse:
    province = _province()
    if province is None or not access.can(request.user, "voice.view_warnings", province):
        raise PermissionDenied
    error = None
    if request.method == "POST":
        try:
            values = {
                key: float(value.replace(",", "."))
                for key, value in request.POST.dict().items()
                if key != "csrfmiddlewaretoken"
            }
            hotspot_services.hotspot_parameters_update(user=request.user, values=values, province=province)
        except ValueError:
            error = _("Hãy nhập số (dùng dấu phẩy hoặc dấu chấm cho phần thập phân).")
        except ValidationError as problem:
            error = problem.messages[0]
        else:
            return redirect("voice:hotspots")
    return render(
        request, "voice/hotspot_weights.html", {"parameters": hotspot_selectors.parameters_list(), "error": error}
    )
