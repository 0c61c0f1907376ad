import datetime as dt

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lantoa.core.dates import DateField
from lantoa.core.text import clean_line


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Bạn muốn hỏi gì?"), max_length=300, required=False)
    on = DateField(label=_("Luật áp dụng vào ngày"), required=False, widget=forms.DateInput(attrs={"type": "date"}))

    def clean_q(self) -> str:
        return clean_line(self.cleaned_data["q"])

    def day(self) -> dt.date:
        return self.cleaned_data.get("on") or timezone.localdate()


class AsOnForm(forms.Form):
    """`?ngay=dd/mm/yyyy` (or yyyy-mm-dd): read a page as the law stood that day; today when absent."""

    ngay = DateField(required=False)

    def day(self) -> dt.date:
        return self.cleaned_data.get("ngay") or timezone.localdate()


class AskForm(forms.Form):
    question = forms.CharField(label=_("Câu hỏi của bạn"), max_length=2000, widget=forms.Textarea(attrs={"rows": 4}))


class CodeForm(forms.Form):
    code = forms.CharField(label=_("Mã theo dõi"), max_length=40, widget=forms.TextInput(attrs={"autocomplete": "off"}))


class AnswerForm(forms.Form):
    answer = forms.CharField(label=_("Trả lời"), widget=forms.Textarea(attrs={"rows": 8}))
    citations = forms.CharField(
        label=_("Điều luật trích dẫn"),
        help_text=_("Mỗi dòng một điều: số văn bản, điều, khoản. Ví dụ: 45/2019/QH14, Điều 107, khoản 2"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )
    publish = forms.BooleanField(label=_("Đã duyệt: đăng thành hỏi đáp công khai"), required=False)
    title = forms.CharField(label=_("Câu hỏi khi đăng (viết lại cho rõ, không có thông tin cá nhân)"), required=False)
