from django import forms
from django.utils.translation import gettext_lazy as _

from lantoa.activities.forms import DateInput


def money(label: str) -> forms.IntegerField:
    return forms.IntegerField(label=label, min_value=0, max_value=10**12, initial=0, required=False)


class WelfareForm(forms.Form):
    enterprise = forms.ModelChoiceField(label=_("Doanh nghiệp"), queryset=None)
    period_start = forms.DateField(label=_("Từ ngày"), widget=DateInput())
    period_end = forms.DateField(label=_("Đến ngày"), widget=DateInput())
    meal_allowance_per_shift_vnd = money(_("Tiền ăn giữa ca mỗi suất (đồng)"))
    dormitory_places = money(_("Chỗ ở tập thể bố trí"))
    rent_support_workers = money(_("Số lao động được hỗ trợ tiền thuê nhà trọ"))
    rent_support_per_month_vnd = money(_("Mức hỗ trợ tiền thuê nhà mỗi tháng (đồng)"))
    culture_sport_funding_vnd = money(_("Kinh phí văn hóa, thể thao trong kỳ (đồng)"))
    note = forms.CharField(label=_("Ghi chú"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args: object, enterprises: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["enterprise"].queryset = enterprises

    def record_fields(self) -> dict[str, object]:
        return {name: (value if value is not None else 0) for name, value in self.cleaned_data.items()}
