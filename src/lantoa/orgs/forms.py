from typing import Any, cast

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from lantoa.orgs.models import SEGMENT_LABELS, OrgUnit

MAX_IMPORT_BYTES = 20 * 1024 * 1024


class PhoneLoginForm(AuthenticationForm):
    username = forms.CharField(
        label=_("Số điện thoại"),
        max_length=150,
        widget=forms.TextInput(attrs={"autofocus": True, "inputmode": "tel", "autocomplete": "username"}),
    )
    password = forms.CharField(
        label=_("Mật khẩu"), strip=False, widget=forms.PasswordInput(attrs={"autocomplete": "current-password"})
    )
    error_messages = {
        "invalid_login": _("Số điện thoại hoặc mật khẩu không đúng. Hãy kiểm tra lại."),
        "inactive": _("Tài khoản này đã bị khóa."),
    }


class ImportUploadForm(forms.Form):
    file = forms.FileField(label=_("Tệp Excel (.xlsx) theo mẫu"))

    def clean_file(self) -> object:
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith(".xlsx"):
            raise forms.ValidationError(_("Hãy chọn tệp Excel đuôi .xlsx (tải mẫu ở trên)."), code="not_xlsx")
        if upload.size > MAX_IMPORT_BYTES:
            raise forms.ValidationError(_("Tệp lớn quá 20 MB. Hãy chia nhỏ tệp."), code="too_big")
        return upload


class EnterpriseFilterForm(forms.Form):
    q = forms.CharField(label=_("Tìm theo tên hoặc mã số thuế"), required=False, max_length=100)
    commune = forms.ChoiceField(label=_("Xã, phường, đặc khu"), required=False)
    segment = forms.ChoiceField(
        label=_("Nhóm đối tượng"), required=False, choices=[("", _("Tất cả")), *SEGMENT_LABELS.items()]
    )

    def __init__(self, *args: Any, communes: list[OrgUnit], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["commune"]).choices = [
            ("", _("Tất cả")),
            *((unit.code, unit.name) for unit in communes),
        ]
