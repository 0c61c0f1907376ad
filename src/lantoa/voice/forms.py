from collections.abc import Iterable
from typing import Any, cast

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lantoa.core.dates import DateField
from lantoa.core.text import nfc
from lantoa.orgs.models import Enterprise
from lantoa.voice.models import Category, HotspotEvent, Report, SurveyQuestion
from lantoa.voice.selectors.aggregates import MAX_PERIOD_MONTHS, months_touched


class MultiplePhotoInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultiplePhotoField(forms.FileField):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MultiplePhotoInput(attrs={"accept": "image/*"}))
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> list[UploadedFile]:
        if not data:
            return []
        files = data if isinstance(data, list | tuple) else [data]
        return [super(MultiplePhotoField, self).clean(item, initial) for item in files]


def _offer(form: forms.Form, name: str, choices: Iterable[tuple[object, object]]) -> None:
    """Fill a choice field per request (the choices depend on the database or the user)."""
    cast(forms.ChoiceField, form.fields[name]).choices = choices


class ReportForm(forms.Form):
    category = forms.ChoiceField(label=_("Bạn muốn phản ánh về"))
    enterprise = forms.ChoiceField(label=_("Doanh nghiệp của bạn"), required=False)
    text = forms.CharField(
        label=_("Nội dung"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Đừng ghi tên mình nếu bạn không muốn ai biết."),
    )
    photos = MultiplePhotoField(label=_("Ảnh (không bắt buộc)"), required=False)
    contact = forms.CharField(
        label=_("Cách liên lạc với bạn (không bắt buộc)"),
        max_length=200,
        required=False,
        help_text=_("Chỉ điền nếu bạn muốn cán bộ công đoàn liên lạc trực tiếp."),
    )
    is_shareable = forms.BooleanField(
        label=_("Cho phép công đoàn chia sẻ nội dung (không kèm thông tin về bạn) với doanh nghiệp"), required=False
    )
    understood = forms.BooleanField(
        label=_("Tôi hiểu: mã biên nhận chỉ hiện một lần; nếu mất mã thì không ai lấy lại được."),
        error_messages={"required": _("Hãy đánh dấu để xác nhận bạn đã hiểu.")},
    )
    idempotency_key = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, worker_enterprise: Enterprise | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _offer(self, "category", [("", _("– Chọn –")), *Category.objects.values_list("slug", "name")])
        enterprises = Enterprise.objects.select_related("unit", "commune").order_by("unit__name")
        named = [(e.public_code, f"{e.unit.name} · {e.commune.name}") for e in enterprises]
        _offer(self, "enterprise", [("", _("– Không nêu doanh nghiệp –")), *named])
        if worker_enterprise:
            self.fields["enterprise"].initial = worker_enterprise.public_code

    def clean_text(self) -> str:
        return nfc(self.cleaned_data["text"])


class ReceiptForm(forms.Form):
    receipt = forms.CharField(
        label=_("Mã biên nhận"),
        max_length=40,
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters"}),
    )


class WorkerReplyForm(forms.Form):
    receipt = forms.CharField(widget=forms.HiddenInput, max_length=40)
    text = forms.CharField(
        label=_("Trả lời cán bộ công đoàn"), max_length=5000, widget=forms.Textarea(attrs={"rows": 4})
    )


class AckVerifyForm(forms.Form):
    token = forms.CharField(label=_("Mã xác nhận"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3}))


class CaseTextForm(forms.Form):
    text = forms.CharField(label=_("Nội dung"), max_length=5000, widget=forms.Textarea(attrs={"rows": 4}))


class CaseCloseForm(forms.Form):
    outcome = forms.ChoiceField(label=_("Kết quả"), choices=Report.Outcome.choices)


class CaseAssignForm(forms.Form):
    assignee = forms.ChoiceField(label=_("Giao cho"))

    def __init__(self, *args: Any, people: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _offer(self, "assignee", people)


class CaseMergeForm(forms.Form):
    into = forms.ChoiceField(label=_("Gộp vào phản ánh"))

    def __init__(self, *args: Any, candidates: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _offer(self, "into", candidates)


class CaseFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Trạng thái"),
        required=False,
        choices=[("", _("Tất cả")), ("open", _("Đang mở")), *Report.Status.choices],
    )
    overdue = forms.BooleanField(label=_("Chỉ quá hạn"), required=False)
    unit = forms.CharField(required=False, widget=forms.HiddenInput)
    start = DateField(required=False, widget=forms.HiddenInput)
    end = DateField(required=False, widget=forms.HiddenInput)


class PeriodForm(forms.Form):
    start = DateField(label=_("Từ ngày"), required=False)
    end = DateField(label=_("Đến ngày"), required=False)

    def clean(self) -> dict[str, Any]:
        super().clean()
        start, end = self.cleaned_data.get("start"), self.cleaned_data.get("end")
        if start and end and start > end:
            raise ValidationError(_("Ngày bắt đầu phải trước ngày kết thúc."), code="period_invalid")
        if start and months_touched(start, end or timezone.localdate()) > MAX_PERIOD_MONTHS:
            raise ValidationError(
                _("Chỉ xem được tối đa %(months)s tháng một lần. Hãy chọn khoảng thời gian ngắn hơn."),
                code="period_too_long",
                params={"months": MAX_PERIOD_MONTHS},
            )
        return self.cleaned_data


class SurveyForm(forms.Form):
    title = forms.CharField(label=_("Tiêu đề"), max_length=200)
    intro = forms.CharField(label=_("Lời giới thiệu"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    unit = forms.ChoiceField(label=_("Đơn vị khảo sát"))
    segment = forms.ChoiceField(label=_("Nhóm đối tượng"), required=False)

    def __init__(
        self, *args: Any, units: list[tuple[str, str]], segments: list[tuple[str, str]], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        _offer(self, "unit", units)
        _offer(self, "segment", [("", _("Mọi người lao động")), *segments])


class SurveyQuestionForm(forms.Form):
    text = forms.CharField(label=_("Câu hỏi"), max_length=300)
    kind = forms.ChoiceField(label=_("Kiểu"), choices=SurveyQuestion.Kind.choices)
    choices = forms.CharField(
        label=_("Các phương án (mỗi dòng một phương án)"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class HotspotEventForm(forms.Form):
    enterprise = forms.ChoiceField(label=_("Doanh nghiệp"))
    kind = forms.ChoiceField(label=_("Sự việc"), choices=HotspotEvent.Kind.choices)
    occurred_on = DateField(label=_("Ngày xảy ra (dd/mm/yyyy)"))
    workers_affected = forms.IntegerField(label=_("Số lao động bị ảnh hưởng"), min_value=0, required=False)
    note = forms.CharField(label=_("Ghi chú"), max_length=300, required=False)

    def __init__(self, *args: Any, enterprises: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _offer(self, "enterprise", enterprises)
