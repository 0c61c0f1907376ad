from typing import Any, cast

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from lantoa.core.dates import DateField
from lantoa.opinion.models import Clarification, Recommendation, ThoughtNote, Topic
from lantoa.opinion.selectors.note_series import DIMENSION_LABELS, MAX_PERIODS, periods_between
from lantoa.opinion.services.claims import CLAIM_MAX_CHARS, LINK_MAX_CHARS, TRUTH_MAX_CHARS
from lantoa.orgs.models import Enterprise, OrgUnit


class ClaimForm(forms.Form):
    text = forms.CharField(
        label=_("Bạn nghe hoặc đọc được tin gì?"),
        max_length=CLAIM_MAX_CHARS,
        widget=forms.Textarea(
            attrs={"rows": 4, "placeholder": _("Ví dụ: nghe nói từ năm 2026 không được rút BHXH một lần nữa")}
        ),
        help_text=_("Đừng ghi tên, số điện thoại của ai. Không cần cho biết bạn là ai."),
    )
    link = forms.CharField(label=_("Đường dẫn bài viết (nếu có)"), max_length=LINK_MAX_CHARS, required=False)
    photo = forms.FileField(
        label=_("Ảnh chụp tin nhắn, bài đăng (nếu có)"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "image/*"}),
        help_text=_("Ảnh được thu nhỏ và xóa thông tin vị trí, máy chụp trước khi lưu."),
    )
    # The enterprise's public QR code (the worker's `/e/<code>` context; offline, the one the phone kept).
    enterprise = forms.CharField(widget=forms.HiddenInput, max_length=8, required=False)
    idempotency_key = forms.CharField(widget=forms.HiddenInput, max_length=100, required=False)


class ReceiptForm(forms.Form):
    receipt = forms.CharField(
        label=_("Mã biên nhận"), max_length=40, widget=forms.TextInput(attrs={"autocomplete": "off"})
    )


class ClarificationForm(forms.Form):
    claim = forms.CharField(label=_("Tin được hỏi (viết gọn, không có thông tin người hỏi)"), max_length=300)
    verdict = forms.ChoiceField(label=_("Kết luận"), choices=Clarification.Verdict.choices)
    truth = forms.CharField(
        label=_("Sự thật, nói bằng lời dễ hiểu"), max_length=TRUTH_MAX_CHARS, widget=forms.Textarea(attrs={"rows": 5})
    )
    citations = forms.CharField(
        label=_("Căn cứ pháp lý, mỗi dòng một điều"),
        widget=forms.Textarea(attrs={"rows": 3, "placeholder": "41/2024/QH15 Điều 70"}),
        help_text=_("Ghi số hiệu văn bản rồi số điều, ví dụ: 41/2024/QH15 Điều 70."),
    )
    topics = forms.ModelMultipleChoiceField(
        label=_("Chủ đề liên quan"),
        queryset=Topic.objects.filter(is_active=True),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_(
            "Tuyên truyền viên ở doanh nghiệp có ghi nhận về các chủ đề này sẽ thấy tin trong danh sách cần lan tỏa."
        ),
    )


class RecommendationForm(forms.Form):
    source = forms.ChoiceField(label=_("Xuất phát từ"), choices=Recommendation.Source.choices)
    source_note = forms.CharField(
        label=_("Ghi chú nguồn (tên cuộc đối thoại, khảo sát…)"), max_length=200, required=False
    )
    text = forms.CharField(label=_("Nội dung kiến nghị"), widget=forms.Textarea(attrs={"rows": 5}), max_length=3000)
    addressee_unit = forms.ModelChoiceField(
        label=_("Cơ quan nhận (trong hệ thống)"),
        queryset=OrgUnit.objects.exclude(kind=OrgUnit.Kind.ENTERPRISE).order_by("path"),
        required=False,
    )
    addressee_name = forms.CharField(label=_("hoặc tên cơ quan nhận"), max_length=200, required=False)
    addressee_kind = forms.ChoiceField(
        label=_("Loại cơ quan"), choices=[("", "—"), *OrgUnit.Kind.choices], required=False
    )
    due_on = DateField(label=_("Hạn trả lời (dd/mm/yyyy)"))


class AnswerForm(forms.Form):
    answer = forms.CharField(
        label=_("Trả lời của cơ quan nhận"), widget=forms.Textarea(attrs={"rows": 4}), max_length=3000
    )


class NoteForm(forms.Form):
    enterprise = forms.ModelChoiceField(label=_("Doanh nghiệp"), queryset=Enterprise.objects.none())
    period_start = DateField(label=_("Từ ngày (dd/mm/yyyy)"))
    period_end = DateField(label=_("Đến ngày (dd/mm/yyyy)"))
    topics = forms.ModelMultipleChoiceField(
        label=_("Công nhân bàn tán về"),
        queryset=Topic.objects.filter(is_active=True),
        widget=forms.CheckboxSelectMultiple,
    )
    mood = forms.TypedChoiceField(label=_("Tâm trạng chung"), choices=ThoughtNote.Mood.choices, coerce=int)
    concerned = forms.IntegerField(label=_("Khoảng bao nhiêu người quan tâm"), min_value=0)
    quotes = forms.CharField(
        label=_("Ý kiến tiêu biểu"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Mỗi ý kiến một dòng; báo cáo tháng trích các ý kiến này theo chủ đề, không kèm tên doanh nghiệp. "
            "Không bao giờ ghi tên, số điện thoại, số CCCD hay chi tiết làm lộ người nói. Số điện thoại và số giấy tờ sẽ tự bị xoá."
        ),
    )

    def __init__(self, *args: Any, enterprises: QuerySet[Enterprise], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["enterprise"]).queryset = enterprises


class RollupForm(forms.Form):
    dimension = forms.ChoiceField(
        label=_("Tổng hợp theo"),
        choices=list(DIMENSION_LABELS.items()),
    )
    grain = forms.ChoiceField(label=_("Từng"), choices=[("week", _("Tuần")), ("month", _("Tháng"))])
    measure = forms.ChoiceField(
        label=_("Số liệu"),
        choices=[
            ("notes", _("Số ghi nhận")),
            ("concerned", _("Số người quan tâm")),
            ("mood", _("Tâm trạng trung bình (1–5)")),
        ],
    )
    start = DateField(label=_("Từ ngày"))
    end = DateField(label=_("Đến ngày"))

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end, grain = data.get("start"), data.get("end"), data.get("grain")
        if start and end and grain:
            if end < start:
                raise forms.ValidationError(_("Ngày kết thúc phải sau ngày bắt đầu."), code="window_reversed")
            limit = MAX_PERIODS[grain]
            if len(periods_between(start=start, end=end, grain=grain)) > limit:
                message = _("Chọn tối đa %(n)s tuần.") if grain == "week" else _("Chọn tối đa %(n)s tháng.")
                raise forms.ValidationError(message, code="window_too_long", params={"n": limit})
        return data


class MonthlyReportForm(forms.Form):
    unit = forms.ModelChoiceField(label=_("Đơn vị báo cáo"), queryset=OrgUnit.objects.none(), empty_label=None)
    month = forms.DateField(
        label=_("Tháng (mm/yyyy)"),
        input_formats=["%m/%Y", "%Y-%m"],
        widget=forms.DateInput(format="%m/%Y", attrs={"placeholder": "11/2026", "inputmode": "numeric"}),
        error_messages={"invalid": _("Ghi tháng theo mẫu mm/yyyy, ví dụ 11/2026.")},
    )

    def __init__(self, *args: Any, units: list[OrgUnit], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["unit"]).queryset = OrgUnit.objects.filter(
            pk__in=[unit.pk for unit in units]
        ).order_by("path")


class ShareForm(forms.Form):
    enterprise = forms.ModelChoiceField(queryset=Enterprise.objects.none())

    def __init__(self, *args: Any, enterprises: QuerySet[Enterprise], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["enterprise"]).queryset = enterprises
