"""Office pages for union officers: the case list and a case's follow-up; aggregates for employers."""

import datetime as dt

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.forms import Form
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from lantoa.core.http import OfficeHttpRequest
from lantoa.orgs import access
from lantoa.orgs.models import User
from lantoa.voice import crypto
from lantoa.voice.forms import CaseAssignForm, CaseCloseForm, CaseFilterForm, CaseMergeForm, CaseTextForm, PeriodForm
from lantoa.voice.models import Report
from lantoa.voice.selectors import aggregates as aggregate_selectors
from lantoa.voice.selectors import cases as case_selectors
from lantoa.voice.services import cases as case_services


@login_required
@require_GET
def case_list(request: OfficeHttpRequest) -> HttpResponse:
    if not access.can(request.user, "voice.view_case"):
        raise PermissionDenied
    form = CaseFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    reports = case_selectors.case_list_for_user(
        user=request.user,
        status=filters.get("status", ""),
        overdue=filters.get("overdue", False),
        unit_code=filters.get("unit", ""),
        start=filters.get("start"),
        end=filters.get("end"),
    )
    page = Paginator(reports, 50).get_page(request.GET.get("page"))
    return render(request, "voice/case_list.html", {"form": form, "page": page, "now": timezone.now()})


def _people(report: Report) -> list[tuple[int, str]]:
    """Officers who may handle this case: holders of voice.reply_case over its units."""
    candidates = (
        User.objects.filter(
            person__memberships__ended_on__isnull=True,
            person__memberships__role__in=access.roles_granting("voice.reply_case"),
        )
        .distinct()
        .order_by("first_name")
    )
    return [
        (user.pk, user.first_name or user.username)
        for user in candidates[:200]
        if access.can(user, "voice.reply_case", report)
    ]


def _case_context(request: OfficeHttpRequest, report: Report, **forms: Form) -> dict[str, object]:
    body, contact = case_selectors.case_body(report=report)
    candidates = case_selectors.case_merge_candidates(user=request.user, report=report)
    return {
        "report": report,
        "body": body,
        "contact": contact,
        "messages_": case_selectors.case_messages(report=report),
        "photos": list(report.photos.values("pk", "width", "height")),
        "reply_form": forms.get("reply") or CaseTextForm(prefix="reply"),
        "note_form": forms.get("note") or CaseTextForm(prefix="note"),
        "close_form": forms.get("close") or CaseCloseForm(),
        "assign_form": forms.get("assign") or CaseAssignForm(people=_people(report)),
        "merge_form": forms.get("merge")
        or CaseMergeForm(candidates=[(c.pk, f"#{c.pk} · {c.category.name}") for c in candidates]),
        "can_reply": access.can(request.user, "voice.reply_case", report),
    }


@login_required
@require_GET
def case_detail(request: OfficeHttpRequest, pk: int) -> HttpResponse:
    report = case_selectors.case_get_for_user(user=request.user, pk=pk)
    return render(request, "voice/case_detail.html", _case_context(request, report))


CASE_ACTIONS = {
    "reply": (lambda data: CaseTextForm(data, prefix="reply"), case_services.case_reply),
    "note": (lambda data: CaseTextForm(data, prefix="note"), case_services.case_note_add),
}


@login_required
@require_POST
def case_act(request: OfficeHttpRequest, pk: int, action: str) -> HttpResponse:
    report = case_selectors.case_get_for_user(user=request.user, pk=pk)
    forms: dict[str, Form] = {}
    form: Form
    try:
        if action in CASE_ACTIONS:
            make_form, service = CASE_ACTIONS[action]
            forms[action] = form = make_form(request.POST)
            if form.is_valid():
                service(report=report, user=request.user, text=form.cleaned_data["text"])
        elif action == "assign":
            forms[action] = form = CaseAssignForm(request.POST, people=_people(report))
            if form.is_valid():
                assignee = get_object_or_404(User, pk=form.cleaned_data["assignee"])
                case_services.case_assign(report=report, user=request.user, assignee=assignee)
        elif action == "close":
            forms[action] = form = CaseCloseForm(request.POST)
            if form.is_valid():
                case_services.case_close(report=report, user=request.user, outcome=form.cleaned_data["outcome"])
        elif action == "merge":
            candidates = case_selectors.case_merge_candidates(user=request.user, report=report)
            forms[action] = form = CaseMergeForm(request.POST, candidates=[(c.pk, str(c.pk)) for c in candidates])
            if form.is_valid():
                into = case_selectors.case_get_for_user(user=request.user, pk=int(form.cleaned_data["into"]))
                case_services.case_merge(report=report, into=into, user=request.user)
        else:
            raise Http404
    except ValidationError as error:
        form.add_error(None, error)
    if form.is_valid() and not form.errors:
        return redirect("voice:case-detail", pk=report.pk)
    return render(request, "voice/case_detail.html", _case_context(request, report, **forms), status=200)


@login_required
@require_GET
def case_photo(request: OfficeHttpRequest, pk: int, photo_pk: int) -> HttpResponse:
    report = case_selectors.case_get_for_user(user=request.user, pk=pk)
    photo = get_object_or_404(report.photos, pk=photo_pk)
    case_services.report_read_record(report=report, user=request.user, action="photo")
    response = HttpResponse(crypto.decrypt(photo.data_enc), content_type="image/jpeg")
    response["Cache-Control"] = "private, no-store"
    return response


def _period(form: PeriodForm) -> tuple[dt.date, dt.date]:
    today = timezone.localdate()
    data = form.cleaned_data if form.is_valid() else {}
    end = data.get("end") or today
    return data.get("start") or end - dt.timedelta(days=89), end


@login_required
@require_http_methods(["GET"])
def aggregates(request: OfficeHttpRequest) -> HttpResponse:
    """Counts per category with k-anonymity: what an employer may see (never a single report)."""
    if not access.can(request.user, "voice.view_aggregates"):
        raise PermissionDenied
    form = PeriodForm(request.GET or None)
    start, end = _period(form)
    enterprises = aggregate_selectors.aggregate_enterprises_for_user(user=request.user)[:100]
    tables = [
        aggregate_selectors.aggregate_for_enterprise(enterprise=enterprise, start=start, end=end)
        for enterprise in enterprises
    ]
    months = aggregate_selectors.months_between(start, end)
    context = {"form": form, "tables": tables, "months": months, "k": aggregate_selectors.K_ANONYMITY}
    return render(request, "voice/aggregates.html", context)
