import datetime as dt
from typing import Any, TypedDict

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from lantoa.activities.forms import DateInput, offer
from lantoa.activities.models import Propagandist
from lantoa.core.dates import DateField
from lantoa.orgs.models import OrgUnit


class PropagandistForm(forms.Form):
    unit: "forms.ModelChoiceField[OrgUnit]" = forms.ModelChoiceField(label=_("Đơn vị"), queryset=None)
    kind = forms.ChoiceField(label=_("Lực lượng"), choices=Propagandist.Kind.choices)
    full_name = forms.CharField(label=_("Họ và tên"), max_length=120)
    phone = forms.CharField(label=_("Số điện thoại"), max_length=15, required=False)
    joined_on = DateField(label=_("Tham gia từ"), widget=DateInput())

    def __init__(self, *args: Any, units: QuerySet[OrgUnit], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        offer(self, "unit", units)


class TrainingForm(forms.Form):
    unit: "forms.ModelChoiceField[OrgUnit]" = forms.ModelChoiceField(label=_("Đơn vị tổ chức"), queryset=None)
    title = forms.CharField(label=_("Tên lớp bồi dưỡng"), max_length=200)
    held_on = DateField(label=_("Ngày học"), widget=DateInput())
    hours = forms.IntegerField(label=_("Số giờ"), min_value=1, max_value=200, initial=4)
    is_digital_skills = forms.BooleanField(label=_("Có nội dung kỹ năng số, mạng xã hội"), required=False)

    def __init__(self, *args: Any, units: QuerySet[OrgUnit], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        offer(self, "unit", units)


class TrainingResultForm(forms.Form):
    member: "forms.ModelChoiceField[Propagandist]" = forms.ModelChoiceField(label=_("Thành viên"), queryset=None)
    passed = forms.BooleanField(label=_("Đạt"), required=False, initial=True)
    certificate_number = forms.CharField(label=_("Số chứng nhận"), max_length=40, required=False)

    def __init__(self, *args: Any, members: QuerySet[Propagandist], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        offer(self, "member", members)


class RewardFields(TypedDict):
    """Keyword arguments for `services.force.reward_give` (without the unit and the member)."""

    recipient_name: str
    title: str
    decision_number: str
    awarded_on: dt.date
    amount_vnd: int
    points: int


class RewardForm(forms.Form):
    member: "forms.ModelChoiceField[Propagandist]" = forms.ModelChoiceField(
        label=_("Thành viên lực lượng (nếu có)"), queryset=None, required=False
    )
    recipient_name = forms.CharField(label=_("Người, tập thể được khen"), max_length=200, required=False)
    title = forms.CharField(label=_("Hình thức khen thưởng"), max_length=200)
    decision_number = forms.CharField(label=_("Số quyết định"), max_length=60, required=False)
    awarded_on = DateField(label=_("Ngày khen thưởng"), widget=DateInput())
    amount_vnd = forms.IntegerField(label=_("Tiền thưởng (đồng)"), min_value=0, initial=0, required=False)
    points = forms.IntegerField(label=_("Điểm cộng"), min_value=0, max_value=1000, initial=0, required=False)

    def __init__(self, *args: Any, members: QuerySet[Propagandist], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        offer(self, "member", members)

    def reward_fields(self) -> RewardFields:
        data = self.cleaned_data
        return {
            "recipient_name": data["recipient_name"],
            "title": data["title"],
            "decision_number": data["decision_number"],
            "awarded_on": data["awarded_on"],
            "amount_vnd": data["amount_vnd"] if data["amount_vnd"] is not None else 0,
            "points": data["points"] if data["points"] is not None else 0,
        }
