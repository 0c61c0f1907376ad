from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from lantoa.orgs import access
from lantoa.reach import selectors
from lantoa.reach.forms import PeriodForm


@login_required
@require_GET
def coverage(request: HttpRequest) -> HttpResponse:
    """Coverage for a grassroots or province official: each enterprise in their scope, from the roll-ups."""
    if not access.can(request.user, "reach.view_coverage"):
        raise PermissionDenied
    form = PeriodForm(request.GET or None)
    start, end = form.period()
    unit = form.cleaned_data.get("unit", "") if form.is_valid() else ""
    rows = selectors.coverage_for_user(user=request.user, start=start, end=end, unit_code=unit)
    workers = sum(row.enterprise.worker_count for row in rows)
    context = {
        "form": form,
        "rows": rows,
        "start": start,
        "end": end,
        "workers": workers,
        "reached": sum(row.reached for row in rows),
        "by_phone": sum(row.by_phone for row in rows),
        "in_person": sum(row.in_person for row in rows),
        "counted_until": selectors.counted_until(),
    }
    return render(request, "reach/coverage.html", context)
