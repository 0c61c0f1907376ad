from typing import Any

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.http import HttpRequest

from lantoa.calculators import services
from lantoa.calculators.models import LabourParameter, unit_of_key


class LabourParameterForm(forms.ModelForm):
    class Meta:
        model = LabourParameter
        fields = (
            "key",
            "region",
            "value",
            "valid_from",
            "valid_to",
            "document",
            "document_number",
            "article",
            "note",
            "needs_confirmation",
        )

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        if data.get("key") and data.get("valid_from"):
            try:
                services.parameter_period_check(
                    key=data["key"],
                    region=data.get("region"),
                    valid_from=data["valid_from"],
                    valid_to=data.get("valid_to"),
                    exclude_pk=self.instance.pk,
                )
            except ValidationError as error:
                raise ValidationError(error.messages) from error
        return data


@admin.register(LabourParameter)
class LabourParameterAdmin(admin.ModelAdmin):
    form = LabourParameterForm
    list_display = (
        "key",
        "region",
        "value",
        "unit",
        "valid_from",
        "valid_to",
        "document",
        "article",
        "needs_confirmation",
    )
    list_filter = ("needs_confirmation", "key", "region")
    search_fields = ("document", "article", "note")
    date_hierarchy = "valid_from"

    def save_model(self, request: HttpRequest, obj: LabourParameter, form: forms.Form, change: bool) -> None:
        obj.unit = unit_of_key(obj.key)
        super().save_model(request, obj, form, change)
