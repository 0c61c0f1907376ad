"""Input shapes for grassroots screens, one module per sub-topic."""

from typing import TYPE_CHECKING, TypeVar, cast

from django import forms
from django.db.models import Model, QuerySet

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

_M = TypeVar("_M", bound=Model)

DATETIME_INPUT_FORMATS = ["%Y-%m-%dT%H:%M", "%d/%m/%Y %H:%M", "%Y-%m-%d %H:%M"]


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self) -> None:
        super().__init__(format="%Y-%m-%d")


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self) -> None:
        super().__init__(format="%Y-%m-%dT%H:%M")


def count_field(label: "StrOrPromise") -> forms.IntegerField:
    return forms.IntegerField(label=label, min_value=0, max_value=1_000_000, initial=0, required=False)


def offer(form: forms.BaseForm, name: str, queryset: QuerySet[_M]) -> None:
    """Fill the model choice field `name` (declared with `queryset=None`) with the rows this user may pick."""
    cast("forms.ModelChoiceField[_M]", form.fields[name]).queryset = queryset
