import datetime as dt
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lantoa.core.dates import DateField
from lantoa.reach.services import quarter_start


class PeriodForm(forms.Form):
    start = DateField(label=_("Từ ngày"), required=False)
    end = DateField(label=_("Đến ngày"), required=False)
    unit = forms.CharField(label=_("Mã đơn vị"), required=False, max_length=40)

    def period(self) -> tuple[dt.date, dt.date]:
        """The dates asked for, or this quarter so far."""
        today = timezone.localdate()
        data = self.cleaned_data if self.is_valid() else {}
        return data.get("start") or quarter_start(today), data.get("end") or today

    def clean(self) -> dict[str, Any]:
        super().clean()
        cleaned = self.cleaned_data
        if cleaned.get("start") and cleaned.get("end") and cleaned["start"] > cleaned["end"]:
            raise forms.ValidationError(_("Ngày bắt đầu phải trước ngày kết thúc."), code="period_reversed")
        return cleaned
