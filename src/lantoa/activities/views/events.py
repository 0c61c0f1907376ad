from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from lantoa.activities.forms.events import EventFilterForm, EventForm, EventHeldForm, EventPhotoForm
from lantoa.activities.selectors import VIEW_ACTIONS
from lantoa.activities.selectors import events as selectors
from lantoa.activities.selectors.force import propagandist_choices_for_user
from lantoa.activities.services import checkin as checkin_services
from lantoa.activities.services import events as services
from lantoa.activities.views import form_error, require
from lantoa.core.http import OfficeHttpRequest
from lantoa.core.links import absolute_url
from lantoa.core.qr import qr_svg_inline
from lantoa.orgs import access


@login_required
@require_GET
def event_list(request: OfficeHttpRequest) -> HttpResponse:
    require(request.user, *VIEW_ACTIONS)
    form = EventFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    events = selectors.event_list_for_user(user=request.user, **filters)
    page = Paginator(events, 30).get_page(request.GET.get("page"))
    template = "activities/event_list.html#results" if request.htmx else "activities/event_list.html"
    return render(request, template, {"form": form, "page": page})


@login_required
@require_http_methods(["GET", "POST"])
def event_new(request: OfficeHttpRequest, mode: str) -> HttpResponse:
    require(request.user, "activities.log_event")
    held = mode == "log"
    form = EventForm(
        request.POST or None,
        places=selectors.event_places_for_user(user=request.user),
        presenters=propagandist_choices_for_user(user=request.user),
        held=held,
    )
    if form.is_valid():
        data = form.cleaned_data
        unit, enterprise = selectors.event_place_get(data.pop("place"))
        try:
            event = services.event_create(
                unit=unit, enterprise=enterprise, held=held, created_by=request.user, **form.event_fields()
            )
        except ValidationError as error:
            form_error(form, error)
        else:
            return redirect("activities:event-detail", pk=event.pk)
    return render(request, "activities/event_form.html", {"form": form, "held": held})


@login_required
@require_GET
def event_detail(request: HttpRequest, pk: int) -> HttpResponse:
    event = selectors.event_get_for_user(user=request.user, pk=pk)
    context = {
        "event": event,
        "attendance": selectors.event_attendance(event),
        "by_segment": selectors.event_attendance_by_segment(event=event),
        "photos": event.photos.all(),
        "presenters": event.presenters.select_related("person"),
        "can_log": access.can(request.user, "activities.log_event", event),
        "held_form": EventHeldForm(initial={f: getattr(event, f) for f in EventHeldForm.base_fields}),
        "photo_form": EventPhotoForm(),
    }
    return render(request, "activities/event_detail.html", context)


@login_required
@require_POST
def event_held(request: HttpRequest, pk: int) -> HttpResponse:
    event = selectors.event_get_for_user(user=request.user, pk=pk, action="activities.log_event")
    form = EventHeldForm(request.POST)
    if form.is_valid():
        try:
            services.event_mark_held(
                event=event,
                unscanned_attendance=form.cleaned_data.get("unscanned_attendance") or 0,
                result_note=form.cleaned_data.get("result_note", ""),
                materials=form.materials(),
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Đã ghi nhận hoạt động đã tổ chức."))
    return redirect("activities:event-detail", pk=event.pk)


@login_required
@require_POST
def event_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    event = selectors.event_get_for_user(user=request.user, pk=pk, action="activities.log_event")
    try:
        services.event_cancel(event=event)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("activities:event-detail", pk=event.pk)


@login_required
@require_POST
def event_photo_add(request: HttpRequest, pk: int) -> HttpResponse:
    event = selectors.event_get_for_user(user=request.user, pk=pk, action="activities.log_event")
    form = EventPhotoForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.event_photo_add(
                event=event, upload=form.cleaned_data["image"], caption=form.cleaned_data["caption"]
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Đã lưu ảnh."))
    else:
        messages.error(request, " ".join(str(e) for errors in form.errors.values() for e in errors))
    return redirect("activities:event-detail", pk=event.pk)


@login_required
@require_GET
def event_qr(request: OfficeHttpRequest, pk: int) -> HttpResponse:
    """The organiser's phone shows this: a QR that changes with the code, refreshed without JavaScript."""
    event = selectors.event_get_for_user(user=request.user, pk=pk, action="activities.log_event")
    code = checkin_services.checkin_code(event=event)
    url = absolute_url(reverse("activities:checkin", args=[event.pk, code]), request)
    seconds = checkin_services.rotate_seconds()
    context = {
        "event": event,
        "code": code,
        "url": url,
        "qr_svg": qr_svg_inline(url, scale=7, title=event.title),
        "refresh": min(30, seconds) if seconds > 30 else seconds,
        "problem": checkin_services.checkin_problem(event=event),
        "now": timezone.now(),
    }
    template = "activities/event_qr.html#live" if request.htmx else "activities/event_qr.html"
    response = render(request, template, context)
    response["Cache-Control"] = "no-store"
    return response
