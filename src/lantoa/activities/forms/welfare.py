import datetime as dt
from typing import TYPE_CHECKING, Any, TypedDict

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from lantoa.activities.forms import DateInput, offer
from lantoa.core.dates import DateField
from lantoa.orgs.models import Enterprise

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


def money(label: "StrOrPromise") -> forms.IntegerField:
    return forms.IntegerField(label=label, min_value=0, max_value=10**12, initial=0, required=False)


class WelfareFields(TypedDict):
    """Keyword arguments for `services.welfare.welfare_record`."""

    enterprise: Enterprise
    period_start: dt.date
    period_end: dt.date
    meal_allowance_per_shift_vnd: int
    dormitory_places: int
    rent_support_workers: int
    rent_support_per_month_vnd: int
    culture_sport_funding_vnd: int
    note: str


class WelfareForm(forms.Form):
    enterprise: "forms.ModelChoiceField[Enterprise]" = forms.ModelChoiceField(label=_("Doanh nghiệp"), queryset=None)
    period_start = DateField(label=_("Từ ngày"), widget=DateInput())
    period_end = DateField(label=_("Đến ngày"), widget=DateInput())
    meal_allowance_per_shift_vnd = money(_("Tiền ăn giữa ca mỗi suất (đồng)"))
    dormitory_places = money(_("Chỗ ở tập thể bố trí"))
    rent_support_workers = money(_("Số lao động được hỗ trợ tiền thuê nhà trọ"))
    rent_support_per_month_vnd = money(_("Mức hỗ trợ tiền thuê nhà mỗi tháng (đồng)"))
    culture_sport_funding_vnd = money(_("Kinh phí văn hóa, thể thao trong kỳ (đồng)"))
    note = forms.CharField(label=_("Ghi chú"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args: Any, enterprises: QuerySet[Enterprise], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        offer(self, "enterprise", enterprises)

    def record_fields(self) -> WelfareFields:
        """The cleaned fields, an empty figure counted as 0."""
        data = self.cleaned_data
        return {
            "enterprise": data["enterprise"],
            "period_start": data["period_start"],
            "period_end": data["period_end"],
            "meal_allowance_per_shift_vnd": data["meal_allowance_per_shift_vnd"] or 0,
            "dormitory_places": data["dormitory_places"] or 0,
            "rent_support_workers": data["rent_support_workers"] or 0,
            "rent_support_per_month_vnd": data["rent_support_per_month_vnd"] or 0,
            "culture_sport_funding_vnd": data["culture_sport_funding_vnd"] or 0,
            "note": data["note"],
        }
