"""Shapes of input for plans' pages; the views hand cleaned data to services."""

from collections.abc import Iterable
from typing import Any, cast

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from lantoa.core.dates import DateField
from lantoa.core.text import clean_line
from lantoa.orgs.models import OrgUnit
from lantoa.plans.models import Indicator, Inspection, PlanTask, UnitReport
from lantoa.plans.services.reports import EDITABLE_FIELDS

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class UnitChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: OrgUnit) -> str:
        return obj.name


def _offer_units(form: forms.Form, name: str, units: QuerySet[OrgUnit] | None) -> None:
    cast(UnitChoiceField, form.fields[name]).queryset = units if units is not None else OrgUnit.objects.none()


class TaskAssignForm(forms.Form):
    assignee = UnitChoiceField(label=_("Giao cho đơn vị"), queryset=OrgUnit.objects.none())
    due_on = DateField(label=_("Hạn hoàn thành"), required=False, widget=DATE_INPUT)
    note = forms.CharField(label=_("Yêu cầu cụ thể"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args: Any, units: QuerySet[OrgUnit] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _offer_units(self, "assignee", units)


class TaskProgressForm(forms.Form):
    status = forms.ChoiceField(label=_("Tình trạng"), choices=PlanTask.Status.choices)
    note = forms.CharField(label=_("Kết quả thực hiện"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class ReportDraftForm(forms.Form):
    unit = UnitChoiceField(label=_("Đơn vị báo cáo"), queryset=OrgUnit.objects.none())
    period = forms.CharField(label=_("Kỳ báo cáo"), initial="2026-Q1", help_text=_("Ví dụ: 2026-Q1, 2026-H1, 2026."))

    def __init__(self, *args: Any, units: QuerySet[OrgUnit] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _offer_units(self, "unit", units)

    def list_only(self, shown: list[OrgUnit]) -> None:
        """The select lists `shown` (a province has thousands of units); every unit in scope still validates."""
        field = cast(UnitChoiceField, self.fields["unit"])
        cast(forms.Select, field.widget).choices = [("", field.empty_label), *((unit.pk, unit.name) for unit in shown)]

    def clean_period(self) -> str:
        return clean_line(self.cleaned_data["period"]).upper()


class ReportEditForm(forms.ModelForm):
    class Meta:
        model = UnitReport
        fields = EDITABLE_FIELDS
        widgets = {
            name: forms.Textarea(attrs={"rows": 5})
            for name in ("situation", "results", "shortcomings", "next_steps", "recipients")
        }


class ReportReviewForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Quyết định"), choices=[("approve", _("Duyệt báo cáo")), ("return", _("Trả lại để bổ sung"))]
    )
    note = forms.CharField(label=_("Ý kiến"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class DashboardForm(forms.Form):
    unit = forms.CharField(required=False, widget=forms.HiddenInput)
    period = forms.CharField(label=_("Kỳ"), required=False)
    indicator = forms.ChoiceField(label=_("Chỉ tiêu"), required=False)

    def __init__(self, *args: Any, indicators: Iterable[Indicator] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["indicator"]).choices = [(i.code, i.name) for i in indicators]


class InspectionForm(forms.Form):
    unit = UnitChoiceField(label=_("Đơn vị được kiểm tra, giám sát"), queryset=OrgUnit.objects.none())
    kind = forms.ChoiceField(label=_("Hình thức"), choices=Inspection.Kind.choices)
    title = forms.CharField(label=_("Nội dung"), max_length=300)
    held_on = DateField(label=_("Ngày thực hiện"), widget=DATE_INPUT)
    conclusion = forms.CharField(label=_("Kết luận"), required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args: Any, units: QuerySet[OrgUnit] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _offer_units(self, "unit", units)


class FindingForm(forms.Form):
    text = forms.CharField(label=_("Phát hiện"), widget=forms.Textarea(attrs={"rows": 2}))
    follow_up = forms.CharField(label=_("Yêu cầu khắc phục"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    due_on = DateField(label=_("Hạn khắc phục"), required=False, widget=DATE_INPUT)


class FindingCloseForm(forms.Form):
    closed_on = DateField(label=_("Ngày khắc phục xong"), widget=DATE_INPUT)
    note = forms.CharField(label=_("Kết quả khắc phục"), widget=forms.Textarea(attrs={"rows": 2}))
