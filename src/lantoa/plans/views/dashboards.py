"""Dashboards and the records behind a number."""

from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST
from django.views.decorators.vary import vary_on_headers

from lantoa.core.http import OfficeHttpRequest
from lantoa.orgs import access
from lantoa.plans import jobs as plan_jobs
from lantoa.plans import periods
from lantoa.plans import sources as plan_sources
from lantoa.plans.forms import DashboardForm
from lantoa.plans.models import Indicator, ReportingPeriod
from lantoa.plans.selectors import access as plan_access
from lantoa.plans.selectors.dashboards import dashboard_build
from lantoa.plans.selectors.figures import indicators_active, period_get

DEFAULT_INDICATOR = "orgs.union_members"


def _period(code: str | None) -> ReportingPeriod:
    """The period asked for (this quarter when none or a malformed code): read, never created on a GET."""
    try:
        return period_get(code=code or periods.quarter_code(timezone.localdate()))
    except ValidationError:
        return period_get(code=periods.quarter_code(timezone.localdate()))


@login_required
@require_GET
@vary_on_headers("HX-Request")
def dashboard(request: OfficeHttpRequest) -> HttpResponse:
    home = plan_access.home_unit_for_user(user=request.user)
    if home is None:
        raise Http404
    code = request.GET.get("unit") or home.code
    unit = plan_access.unit_get_for_user(user=request.user, code=code)
    indicators = indicators_active()
    if not indicators:  # the `plans_sync` timer (or `load_demo`) has not run yet on this installation
        return render(request, "plans/dashboard_empty.html")
    period = _period(request.GET.get("period"))
    wanted = request.GET.get("indicator") or DEFAULT_INDICATOR
    indicator = next((i for i in indicators if i.code == wanted), indicators[0])
    board = dashboard_build(unit=unit, period=period, indicator=indicator, indicators=indicators)
    form = DashboardForm(
        initial={"unit": unit.code, "period": period.code, "indicator": indicator.code}, indicators=indicators
    )
    context = {"board": board, "form": form}
    template = "plans/dashboard.html#board" if request.htmx else "plans/dashboard.html"
    return render(request, template, context)


@login_required
@require_POST
def dashboard_export(request: HttpRequest) -> HttpResponse:
    """The board's tables as XLSX, built by the worker: this queues the file, the job page hands it out."""
    unit = plan_access.unit_get_for_user(user=request.user, code=request.POST.get("unit", ""))
    job = plan_jobs.dashboard_xlsx_start(
        unit=unit,
        period_code=_period(request.POST.get("period")).code,
        indicator_code=request.POST.get("indicator", ""),
        user=request.user,
    )
    return redirect("core:job", pk=job.pk)


@login_required
@require_GET
def figure_records(request: HttpRequest, code: str) -> HttpResponse:
    """The records behind a number: plans lists its own; another app's source has its own list."""
    unit = plan_access.unit_get_for_user(user=request.user, code=request.GET.get("unit", ""))
    period = _period(request.GET.get("period"))
    indicator = Indicator.objects.filter(code=code).first()  # a newly registered source appears after `plans_sync`
    if indicator is None:
        raise Http404
    source = plan_sources.sources_all().get(indicator.source_code)
    context: dict[str, object] = {"indicator": indicator, "unit": unit, "period": period}
    restricted = (
        source is not None and source.records_action and not access.can(request.user, source.records_action, unit)
    )
    if source is not None and source.records_url_name and not restricted:
        query = urlencode({"unit": unit.code, "start": period.starts_on.isoformat(), "end": period.ends_on.isoformat()})
        return redirect(f"{reverse(source.records_url_name)}?{query}")
    if restricted:
        context["counts"] = plan_access.counts_behind(user=request.user, source=source, unit=unit, period=period)
    elif indicator.kind == Indicator.Kind.ENTERED:
        context["entered"] = plan_access.entered_values_for_user(
            user=request.user, indicator=indicator, unit=unit, period=period
        )
    else:
        context["enterprises"] = plan_access.enterprises_behind(
            user=request.user, source_code=indicator.source_code, unit=unit
        )
    return render(request, "plans/figure_records.html", context)
