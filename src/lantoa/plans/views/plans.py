"""Plans home, a plan with its tasks, assigning tasks down, inspections."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from lantoa.orgs import access
from lantoa.plans.forms import FindingCloseForm, FindingForm, InspectionForm, TaskAssignForm, TaskProgressForm
from lantoa.plans.models import Finding, PlanTask
from lantoa.plans.selectors import access as plan_access
from lantoa.plans.services import inspections as inspection_services
from lantoa.plans.services import plans as plan_services


@login_required
@require_GET
def home(request: HttpRequest) -> HttpResponse:
    if not access.can(request.user, "plans.view_dashboard"):
        raise Http404
    context = {
        "notices": plan_access.notices_for_user(user=request.user),
        "overdue_lines": plan_access.overdue_lines_for_user(user=request.user),
        "plans": plan_access.plan_list_for_user(user=request.user)[:50],
        "unit": plan_access.home_unit_for_user(user=request.user),
    }
    return render(request, "plans/home.html", context)


@login_required
@require_GET
def plan_detail(request: HttpRequest, pk: int) -> HttpResponse:
    plan = plan_access.plan_get_for_user(user=request.user, pk=pk)
    units = plan_access.assignable_units_for_user(user=request.user)
    context = {
        "plan": plan,
        "tasks": plan_access.tasks_of_plan_for_user(user=request.user, plan=plan),
        "can_assign": access.can(request.user, "plans.assign_task"),
        "assignable_units": list(units),
        "statuses": PlanTask.Status.choices,
    }
    return render(request, "plans/plan_detail.html", context)


@login_required
@require_POST
def task_assign(request: HttpRequest, pk: int) -> HttpResponse:
    task = plan_access.task_get_for_user(user=request.user, pk=pk, action="plans.view_dashboard")
    form = TaskAssignForm(request.POST, units=plan_access.assignable_units_for_user(user=request.user))
    if form.is_valid():
        try:
            child = plan_services.task_assign(task=task, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Đã giao nhiệm vụ cho %(unit)s.") % {"unit": child.assignee.name})
    else:
        messages.error(request, _("Hãy chọn đơn vị nhận nhiệm vụ và hạn hợp lệ."))
    return redirect("plans:plan-detail", pk=task.plan_id)


@login_required
@require_POST
def task_progress(request: HttpRequest, pk: int) -> HttpResponse:
    task = plan_access.task_get_for_user(user=request.user, pk=pk, action="plans.edit_report")
    form = TaskProgressForm(request.POST)
    if form.is_valid():
        try:
            plan_services.task_progress(task=task, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Đã cập nhật nhiệm vụ."))
    return redirect("plans:plan-detail", pk=task.plan_id)


@login_required
@require_http_methods(["GET", "POST"])
def inspection_list(request: HttpRequest) -> HttpResponse:
    if not access.can(request.user, "plans.view_dashboard"):
        raise Http404
    units = plan_access.inspectable_units_for_user(user=request.user)
    form = InspectionForm(request.POST or None, units=units) if access.can(request.user, "plans.inspect") else None
    if request.method == "POST" and form is not None and form.is_valid():
        by_unit = plan_access.home_unit_for_user(user=request.user, action="plans.inspect")
        if by_unit is None:  # whoever may inspect acts over some unit
            raise Http404
        try:
            inspection = inspection_services.inspection_record(by_unit=by_unit, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return redirect("plans:inspection-detail", pk=inspection.pk)
    inspections = plan_access.inspection_list_for_user(user=request.user)[:100]
    return render(request, "plans/inspection_list.html", {"inspections": inspections, "form": form})


@login_required
@require_http_methods(["GET", "POST"])
def inspection_detail(request: HttpRequest, pk: int) -> HttpResponse:
    inspection = plan_access.inspection_get_for_user(user=request.user, pk=pk)
    can_inspect = access.can(request.user, "plans.inspect", inspection.unit)
    form = FindingForm(request.POST or None) if can_inspect else None
    if request.method == "POST" and form is not None and form.is_valid():
        try:
            inspection_services.finding_add(inspection=inspection, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return redirect("plans:inspection-detail", pk=inspection.pk)
    context = {
        "inspection": inspection,
        "form": form,
        "close_form": FindingCloseForm(),
        "findings": inspection.findings.all(),
    }
    return render(request, "plans/inspection_detail.html", context)


@login_required
@require_POST
def finding_close(request: HttpRequest, pk: int) -> HttpResponse:
    finding = get_object_or_404(Finding.objects.select_related("inspection__unit", "inspection__by_unit"), pk=pk)
    plan_access.inspection_get_for_user(user=request.user, pk=finding.inspection_id)
    form = FindingCloseForm(request.POST)
    if form.is_valid():
        try:
            inspection_services.finding_close(
                finding=finding,
                closed_on=form.cleaned_data["closed_on"],
                note=form.cleaned_data["note"],
                by=request.user,
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
    return redirect("plans:inspection-detail", pk=finding.inspection_id)
