from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from lantoa.activities.forms import DateInput, offer
from lantoa.activities.models import Nomination
from lantoa.core.dates import DateField
from lantoa.orgs.models import Enterprise, OrgUnit


def textarea(rows: int = 4) -> forms.Textarea:
    return forms.Textarea(attrs={"rows": rows})


class UnitChoiceForm(forms.Form):
    def __init__(self, *args: Any, units: QuerySet[OrgUnit], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        offer(self, "unit", units)


class NominationForm(UnitChoiceForm):
    unit: "forms.ModelChoiceField[OrgUnit]" = forms.ModelChoiceField(label=_("Đơn vị đề nghị"), queryset=None)
    nominee_name = forms.CharField(label=_("Người được đề nghị"), max_length=120)
    nominee_role = forms.CharField(label=_("Vị trí công việc"), max_length=120, required=False)
    title = forms.ChoiceField(label=_("Danh hiệu"), choices=Nomination.Title.choices)
    year = forms.IntegerField(label=_("Năm"), min_value=2020, max_value=2100)
    achievements = forms.CharField(label=_("Thành tích"), widget=textarea())


class InitiativeForm(forms.Form):
    enterprise: "forms.ModelChoiceField[Enterprise]" = forms.ModelChoiceField(label=_("Doanh nghiệp"), queryset=None)
    title = forms.CharField(label=_("Tên sáng kiến"), max_length=200)
    authors = forms.CharField(label=_("Tác giả"), max_length=200)
    description = forms.CharField(label=_("Mô tả"), widget=textarea())
    submitted_on = DateField(label=_("Ngày nộp"), widget=DateInput())
    benefit_vnd = forms.IntegerField(label=_("Hiệu quả làm lợi ước tính mỗi năm (đồng)"), min_value=0, initial=0)

    def __init__(self, *args: Any, enterprises: QuerySet[Enterprise], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        offer(self, "enterprise", enterprises)


class InitiativeEvaluationForm(forms.Form):
    accepted = forms.TypedChoiceField(
        label=_("Kết quả"),
        choices=[("1", _("Công nhận sáng kiến")), ("0", _("Chưa công nhận"))],
        coerce=lambda value: value == "1",
    )
    score = forms.IntegerField(label=_("Điểm đánh giá (0–100)"), min_value=0, max_value=100)
    evaluation_note = forms.CharField(label=_("Nhận xét của hội đồng"), required=False, widget=textarea(3))


class GoodModelForm(UnitChoiceForm):
    unit: "forms.ModelChoiceField[OrgUnit]" = forms.ModelChoiceField(label=_("Đơn vị"), queryset=None)
    title = forms.CharField(label=_("Tên mô hình"), max_length=200)
    summary = forms.CharField(label=_("Tóm tắt"), max_length=300)
    story = forms.CharField(label=_("Câu chuyện"), widget=textarea(8))
    how_to_replicate = forms.CharField(label=_("Cách nhân rộng"), widget=textarea(5))
    publish = forms.BooleanField(label=_("Công khai trên trang giới thiệu mô hình"), required=False)
