"""Unit reports: list, draft from the data, edit, submit, review, export."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Page, Paginator
from django.db.models import Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from lantoa.core.http import HtmxHttpRequest
from lantoa.core.text import clean_line
from lantoa.orgs import access
from lantoa.orgs.models import OrgUnit
from lantoa.plans import jobs as report_jobs
from lantoa.plans.forms import ReportDraftForm, ReportEditForm, ReportReviewForm
from lantoa.plans.models import UnitReport
from lantoa.plans.selectors import access as plan_access
from lantoa.plans.selectors.documents import report_document
from lantoa.plans.services import plans as plan_services
from lantoa.plans.services import reports as report_services

REPORTS_PER_PAGE = 50
DRAFT_UNITS_SHOWN = 50


def _draft_units(user: Any) -> QuerySet[OrgUnit]:
    """Units whose report the user may draft: their own (edit) or those they review."""
    kinds = [OrgUnit.Kind.PROVINCE, *OrgUnit.COMMUNE_KINDS, *OrgUnit.ZONE_KINDS, *OrgUnit.BODY_KINDS]
    scope = access.scope_q(user, "plans.edit_report") | access.scope_q(user, "plans.approve_report")
    return OrgUnit.objects.filter(scope, kind__in=kinds).order_by("path")


def _draft_form(request: HttpRequest, data: Any = None) -> tuple[ReportDraftForm, dict[str, Any]]:
    """The draft form, its select listing the first units matching `?unit_q=` (name or code), and what it left out."""
    units = _draft_units(request.user)
    form = ReportDraftForm(data, units=units)
    query = clean_line(request.GET.get("unit_q", ""))[:100]
    matching = units.filter(Q(name__icontains=query) | Q(code__icontains=query)) if query else units
    shown = list(matching[: DRAFT_UNITS_SHOWN + 1])
    form.list_only(shown[:DRAFT_UNITS_SHOWN])
    return form, {
        "unit_q": query,
        "units_listed": DRAFT_UNITS_SHOWN if len(shown) > DRAFT_UNITS_SHOWN else 0,  # 0: every match is listed
        "units_found": len(shown),
        "can_draft": bool(shown) or units.exists(),
    }


@login_required
@require_GET
def report_list(request: HtmxHttpRequest) -> HttpResponse:
    if not access.can(request.user, "plans.view_dashboard"):
        raise Http404
    form, offered = _draft_form(request)
    if request.htmx and "unit_q" in request.GET:
        return render(request, "plans/report_list.html#draft-units", {"form": form, **offered})
    reports = plan_access.report_list_for_user(
        user=request.user, period_code=request.GET.get("period", ""), status=request.GET.get("status", "")
    )
    context = {"page": _page(request, reports), "form": form, **offered}
    return render(request, "plans/report_list.html", context)


def _page(request: HttpRequest, reports: QuerySet[UnitReport]) -> Page:
    return Paginator(reports, REPORTS_PER_PAGE).get_page(request.GET.get("page"))


@login_required
@require_POST
def report_draft(request: HttpRequest) -> HttpResponse:
    form, offered = _draft_form(request, request.POST)
    if form.is_valid():
        try:
            period = plan_services.period_ensure(code=form.cleaned_data["period"])
            report = report_services.report_draft(unit=form.cleaned_data["unit"], period=period, by=request.user)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Đã lập dự thảo báo cáo từ số liệu."))
            return redirect("plans:report-detail", pk=report.pk)
    reports = plan_access.report_list_for_user(user=request.user)
    context = {"page": _page(request, reports), "form": form, **offered}
    return render(request, "plans/report_list.html", context, status=200)


@login_required
@require_GET
def report_detail(request: HttpRequest, pk: int) -> HttpResponse:
    report = plan_access.report_get_for_user(user=request.user, pk=pk)
    doc = report_document(report, tasks=plan_access.tasks_for_unit(unit=report.unit), links=True)
    context = {
        "report": report,
        "doc": doc,
        "can_edit": report.is_editable and access.can(request.user, "plans.edit_report", report),
        "can_submit": report.is_editable and access.can(request.user, "plans.submit_report", report),
        "can_review": report.status == UnitReport.Status.SUBMITTED
        and access.can(request.user, "plans.approve_report", report),
        "can_export": access.can(request.user, "plans.export", report),
        "review_form": ReportReviewForm(),
    }
    return render(request, "plans/report_detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def report_edit(request: HttpRequest, pk: int) -> HttpResponse:
    report = plan_access.report_get_for_user(user=request.user, pk=pk, action="plans.edit_report")
    form = ReportEditForm(request.POST or None, instance=report)
    if request.method == "POST" and form.is_valid():
        try:
            report_services.report_edit(report=report, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Đã lưu báo cáo."))
            return redirect("plans:report-detail", pk=report.pk)
    return render(request, "plans/report_edit.html", {"report": report, "form": form})


@login_required
@require_POST
def report_submit(request: HttpRequest, pk: int) -> HttpResponse:
    report = plan_access.report_get_for_user(user=request.user, pk=pk, action="plans.submit_report")
    try:
        report_services.report_submit(report=report, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Đã gửi báo cáo lên cấp trên."))
    return redirect("plans:report-detail", pk=report.pk)


@login_required
@require_POST
def report_review(request: HttpRequest, pk: int) -> HttpResponse:
    report = plan_access.report_get_for_user(user=request.user, pk=pk, action="plans.approve_report")
    form = ReportReviewForm(request.POST)
    if form.is_valid():
        try:
            approve = form.cleaned_data["decision"] == "approve"
            report_services.report_review(
                report=report, approve=approve, note=form.cleaned_data["note"], by=request.user
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Đã duyệt báo cáo.") if approve else _("Đã trả lại báo cáo."))
    return redirect("plans:report-detail", pk=report.pk)


@login_required
@require_POST
def report_export(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    """DOCX, PDF and XLSX are built by the worker: a POST queues the file, the job page hands it out."""
    if fmt not in report_jobs.FORMATS:
        raise Http404
    report = plan_access.report_get_for_user(user=request.user, pk=pk, action="plans.export")
    job = report_jobs.report_file_start(report=report, fmt=fmt, user=request.user)
    return redirect("core:job", pk=job.pk)
