import datetime as dt
from typing import Any, TypedDict

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from lantoa.activities.forms import DateInput, count_field, offer
from lantoa.activities.models import Commitment, Dialogue
from lantoa.core.dates import DateField
from lantoa.orgs.models import Enterprise


def textarea(rows: int = 3) -> forms.Textarea:
    return forms.Textarea(attrs={"rows": rows})


class DialogueFields(TypedDict):
    """Keyword arguments for `services.dialogues.dialogue_record` (without who records it)."""

    enterprise: Enterprise
    kind: str
    status: str
    held_on: dt.date
    agenda: str
    employer_participants: str
    worker_participants: str
    worker_representative_count: int
    issues_raised: str
    agreements: str
    voice_case_refs: str


class DialogueForm(forms.Form):
    enterprise: "forms.ModelChoiceField[Enterprise]" = forms.ModelChoiceField(label=_("Doanh nghiệp"), queryset=None)
    kind = forms.ChoiceField(label=_("Loại đối thoại"), choices=Dialogue.Kind.choices)
    status = forms.ChoiceField(
        label=_("Trạng thái"),
        choices=[(Dialogue.Status.HELD, _("Đã đối thoại")), (Dialogue.Status.PLANNED, _("Kế hoạch"))],
    )
    held_on = DateField(label=_("Ngày đối thoại"), widget=DateInput())
    agenda = forms.CharField(label=_("Nội dung đối thoại"), widget=textarea())
    employer_participants = forms.CharField(
        label=_("Thành phần bên người sử dụng lao động"), required=False, widget=textarea(2)
    )
    worker_participants = forms.CharField(label=_("Thành phần bên người lao động"), required=False, widget=textarea(2))
    worker_representative_count = count_field(_("Số đại diện bên người lao động"))
    issues_raised = forms.CharField(label=_("Ý kiến, kiến nghị được nêu"), required=False, widget=textarea())
    agreements = forms.CharField(label=_("Nội dung thống nhất"), required=False, widget=textarea())
    voice_case_refs = forms.CharField(
        label=_("Mã vụ việc phản ánh liên quan"),
        required=False,
        max_length=200,
        help_text=_("Ví dụ: PA-2026-0012, PA-2026-0031."),
    )

    def __init__(self, *args: Any, enterprises: QuerySet[Enterprise], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        offer(self, "enterprise", enterprises)

    def dialogue_fields(self) -> DialogueFields:
        data = self.cleaned_data
        return {
            "enterprise": data["enterprise"],
            "kind": data["kind"],
            "status": data["status"],
            "held_on": data["held_on"],
            "agenda": data["agenda"],
            "employer_participants": data["employer_participants"],
            "worker_participants": data["worker_participants"],
            "worker_representative_count": data.get("worker_representative_count") or 0,
            "issues_raised": data["issues_raised"],
            "agreements": data["agreements"],
            "voice_case_refs": data["voice_case_refs"],
        }


class DialogueHeldForm(forms.Form):
    issues_raised = forms.CharField(label=_("Ý kiến, kiến nghị được nêu"), widget=textarea())
    agreements = forms.CharField(label=_("Nội dung thống nhất"), widget=textarea())


class CommitmentForm(forms.Form):
    description = forms.CharField(label=_("Việc cam kết"), widget=textarea(2))
    owner_side = forms.ChoiceField(label=_("Bên thực hiện"), choices=Commitment.Side.choices)
    owner_name = forms.CharField(label=_("Người chịu trách nhiệm"), max_length=120)
    due_on = DateField(label=_("Hạn hoàn thành"), widget=DateInput())


class CommitmentCloseForm(forms.Form):
    closing_note = forms.CharField(label=_("Kết quả thực hiện"), widget=textarea(2))


class AgreementForm(forms.Form):
    enterprise: "forms.ModelChoiceField[Enterprise]" = forms.ModelChoiceField(label=_("Doanh nghiệp"), queryset=None)
    signed_on = DateField(label=_("Ngày ký"), widget=DateInput())
    effective_on = DateField(label=_("Ngày có hiệu lực"), widget=DateInput())
    expires_on = DateField(label=_("Ngày hết hạn"), widget=DateInput())
    summary = forms.CharField(label=_("Nội dung có lợi hơn cho người lao động"), required=False, widget=textarea())

    def __init__(self, *args: Any, enterprises: QuerySet[Enterprise], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        offer(self, "enterprise", enterprises)
