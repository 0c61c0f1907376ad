"""The records behind an indicator figure: ?unit=<code>&start=YYYY-MM-DD&end=YYYY-MM-DD."""

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from lantoa.activities.selectors import DIALOGUE_VIEW_ACTIONS, VIEW_ACTIONS, can_any
from lantoa.activities.selectors.records import records_table
from lantoa.core import views as core_views
from lantoa.core.dates import DateField
from lantoa.orgs.models import OrgUnit

# Dialogue records are also open to the employer of the enterprise (activities.view_dialogue).
DIALOGUE_KINDS = {"dialogues", "dialogue-enterprises", "agreements"}


class RecordsQueryForm(forms.Form):
    unit = forms.CharField(max_length=40)
    start = DateField()
    end = DateField()


@login_required
@require_GET
def records(request: HttpRequest, kind: str) -> HttpResponse:
    form = RecordsQueryForm(request.GET)
    if not form.is_valid() or form.cleaned_data["start"] > form.cleaned_data["end"]:
        return core_views.invalid_input(request, message=_("Cần mã đơn vị và kỳ báo cáo hợp lệ (từ ngày, đến ngày)."))
    unit = OrgUnit.objects.filter(code=form.cleaned_data["unit"]).first()
    actions = DIALOGUE_VIEW_ACTIONS if kind in DIALOGUE_KINDS else VIEW_ACTIONS
    if unit is None or not can_any(request.user, actions, unit):
        raise Http404
    table = records_table(kind=kind, unit=unit, start=form.cleaned_data["start"], end=form.cleaned_data["end"])
    context = {"table": table, "unit": unit, **form.cleaned_data}
    return render(request, "activities/records.html", context)
