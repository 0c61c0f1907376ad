"""Entering a unit's own figures for a report, and setting a unit's targets for a period."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from lantoa.core.formats import vn_number
from lantoa.orgs.models import OrgUnit
from lantoa.plans.models import EnteredValue, Indicator, ReportingPeriod
from lantoa.plans.selectors import access as plan_access
from lantoa.plans.selectors.figures import period_get, report_scope, target_split_proposal, targets_for
from lantoa.plans.services import plans as plan_services
from lantoa.plans.services import reports as report_services

DEFAULT_PERIOD = "2026-Q1"


def _period(request: HttpRequest) -> ReportingPeriod | None:
    """The period of the page: created by a POST that records against it, only read by a GET. A malformed code
    is said in a message and the default period shown instead (a POST then records nothing: see the callers)."""
    code = request.GET.get("period") or request.POST.get("period") or DEFAULT_PERIOD
    try:
        return plan_services.period_ensure(code=code) if request.method == "POST" else period_get(code=code)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return None


def _numbers(request: HttpRequest, indicators: list[Indicator]) -> dict[Indicator, int]:
    """Non-negative whole numbers typed for each indicator; blank fields are skipped."""
    values = {}
    for indicator in indicators:
        raw = request.POST.get(f"value-{indicator.pk}", "").strip().replace(".", "")
        if raw:
            if not raw.isdigit():
                raise ValidationError(
                    _("“%(name)s”: hãy nhập số nguyên không âm.") % {"name": indicator.name}, code="not_a_number"
                )
            values[indicator] = int(raw)
    return values


@login_required
@require_http_methods(["GET", "POST"])
def report_entered(request: HttpRequest, pk: int) -> HttpResponse:
    report = plan_access.report_get_for_user(user=request.user, pk=pk, action="plans.edit_report")
    indicators = list(Indicator.objects.filter(kind=Indicator.Kind.ENTERED, is_active=True))
    if request.method == "POST":
        try:
            with transaction.atomic():
                for indicator, value in _numbers(request, indicators).items():
                    note = request.POST.get(f"note-{indicator.pk}", "")
                    plan_services.entered_value_set(
                        indicator=indicator,
                        unit=report.unit,
                        period=report.period,
                        value=value,
                        note=note,
                        by=request.user,
                    )
                report_services.report_draft(unit=report.unit, period=report.period, by=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Đã lưu số liệu và cập nhật báo cáo."))
            return redirect("plans:report-detail", pk=report.pk)
    current = {
        row.indicator_id: row
        for row in EnteredValue.objects.filter(unit=report_scope(report.unit), period=report.period)
    }
    rows = [(indicator, current.get(indicator.pk)) for indicator in indicators]
    return render(request, "plans/report_entered.html", {"report": report, "rows": rows})


@login_required
@require_http_methods(["GET", "POST"])
def plan_targets(request: HttpRequest, pk: int) -> HttpResponse:
    plan = plan_access.plan_get_for_user(user=request.user, pk=pk)
    period = _period(request)
    if period is None:
        return redirect(request.path)
    indicators = list(Indicator.objects.filter(is_active=True))
    if request.method == "POST":
        try:
            with transaction.atomic():
                for indicator, value in _numbers(request, indicators).items():
                    plan_services.target_set(
                        indicator=indicator, unit=plan.unit, period=period, value=value, by=request.user
                    )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Đã lưu chỉ tiêu phấn đấu."))
            return redirect(f"{request.path}?period={period.code}")
    scope = report_scope(plan.unit)
    current = {
        indicator_id: value for (indicator_id, _unit), value in targets_for(period=period, units=[scope]).items()
    }
    rows = [(indicator, current.get(indicator.pk)) for indicator in indicators]
    has_communes = scope.children.filter(kind__in=OrgUnit.COMMUNE_KINDS).exists()
    context = {"plan": plan, "period": period, "rows": rows, "has_communes": has_communes}
    return render(request, "plans/plan_targets.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def plan_target_split(request: HttpRequest, pk: int, indicator_pk: int) -> HttpResponse:
    """Hand a unit's target down to its communes and wards, proposed in proportion to their workers."""
    plan = plan_access.plan_get_for_user(user=request.user, pk=pk)
    indicator = get_object_or_404(Indicator, pk=indicator_pk, is_active=True)
    period = _period(request)
    if period is None:
        return redirect(request.path)
    total, shares = target_split_proposal(indicator=indicator, parent=plan.unit, period=period)
    if request.method == "POST":
        try:
            values = _share_values(request, shares)
            with transaction.atomic():
                for unit, value in values.items():
                    plan_services.target_set(
                        indicator=indicator, unit=unit, period=period, value=value, by=request.user
                    )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                _("Đã giao chỉ tiêu cho %(count)s xã, phường: tổng %(given)s trên chỉ tiêu %(total)s.")
                % {"count": len(values), "given": vn_number(sum(values.values())), "total": vn_number(total or 0)},
            )
            return redirect(f"{request.path}?period={period.code}")
    context = {"plan": plan, "indicator": indicator, "period": period, "total": total, "shares": shares}
    return render(request, "plans/plan_target_split.html", context)


def _share_values(request: HttpRequest, shares: list) -> dict[OrgUnit, int]:
    values = {}
    for share in shares:
        raw = request.POST.get(f"share-{share.unit.pk}", "").strip().replace(".", "")
        if not raw:
            continue
        if not raw.isdigit():
            raise ValidationError(
                _("“%(name)s”: hãy nhập số nguyên không âm.") % {"name": share.unit.name}, code="not_a_number"
            )
        values[share.unit] = int(raw)
    return values
