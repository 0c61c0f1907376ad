from django import forms
from django.utils.translation import gettext_lazy as _

from lantoa.activities.forms import DateInput
from lantoa.activities.models import Propagandist


class PropagandistForm(forms.Form):
    unit = forms.ModelChoiceField(label=_("Đơn vị"), queryset=None)
    kind = forms.ChoiceField(label=_("Lực lượng"), choices=Propagandist.Kind.choices)
    full_name = forms.CharField(label=_("Họ và tên"), max_length=120)
    phone = forms.CharField(label=_("Số điện thoại"), max_length=15, required=False)
    joined_on = forms.DateField(label=_("Tham gia từ"), widget=DateInput())

    def __init__(self, *args: object, units: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units


class TrainingForm(forms.Form):
    unit = forms.ModelChoiceField(label=_("Đơn vị tổ chức"), queryset=None)
    title = forms.CharField(label=_("Tên lớp bồi dưỡng"), max_length=200)
    held_on = forms.DateField(label=_("Ngày học"), widget=DateInput())
    hours = forms.IntegerField(label=_("Số giờ"), min_value=1, max_value=200, initial=4)
    is_digital_skills = forms.BooleanField(label=_("Có nội dung kỹ năng số, mạng xã hội"), required=False)

    def __init__(self, *args: object, units: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units


class TrainingResultForm(forms.Form):
    member = forms.ModelChoiceField(label=_("Thành viên"), queryset=None)
    passed = forms.BooleanField(label=_("Đạt"), required=False, initial=True)
    certificate_number = forms.CharField(label=_("Số chứng nhận"), max_length=40, required=False)

    def __init__(self, *args: object, members: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["member"].queryset = members


class RewardForm(forms.Form):
    member = forms.ModelChoiceField(label=_("Thành viên lực lượng (nếu có)"), queryset=None, required=False)
    recipient_name = forms.CharField(label=_("Người, tập thể được khen"), max_length=200, required=False)
    title = forms.CharField(label=_("Hình thức khen thưởng"), max_length=200)
    decision_number = forms.CharField(label=_("Số quyết định"), max_length=60, required=False)
    awarded_on = forms.DateField(label=_("Ngày khen thưởng"), widget=DateInput())
    amount_vnd = forms.IntegerField(label=_("Tiền thưởng (đồng)"), min_value=0, initial=0, required=False)
    points = forms.IntegerField(label=_("Điểm cộng"), min_value=0, max_value=1000, initial=0, required=False)

    def __init__(self, *args: object, members: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["member"].queryset = members
