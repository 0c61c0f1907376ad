import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

# Mã số thuế: 10 digits for an enterprise, 10-3 for a branch or dependent unit (Thông tư 86/2024/TT-BTC).
TAX_CODE_PATTERN = re.compile(r"^\d{10}(-\d{3})?$")


def tax_code_problem(value: str) -> str | None:
    """Why `value` is not a valid tax code, or None when it is."""
    if not value:
        return _("Thiếu mã số thuế.")
    if not TAX_CODE_PATTERN.match(value):
        return _(
            "Mã số thuế “%(value)s” không hợp lệ: phải gồm 10 chữ số, hoặc 10 chữ số, dấu gạch ngang và 3 chữ số."
        ) % {"value": value}
    return None


def _subscriber_digits(phone: str) -> str:
    """The number without its prefix: 0912 345 678, +84 912 345 678 and 84912345678 all give 912345678."""
    digits = re.sub(r"\D", "", phone)
    if digits.startswith("84") and len(digits) > 9:
        digits = digits[2:]
    return digits.lstrip("0")


class PhoneNumberPasswordValidator:
    """Refuses a password that holds the user's own phone number, with or without +84 or 0 in front."""

    def validate(self, password: str, user: object = None) -> None:
        if user is None:
            return
        person = getattr(user, "person", None) if getattr(user, "pk", None) else None
        phones = [getattr(user, "username", ""), getattr(person, "phone", "")]
        password_digits = re.sub(r"[\s.\-+()]", "", password)
        for phone in phones:
            subscriber = _subscriber_digits(phone or "")
            if len(subscriber) >= 8 and subscriber in password_digits:
                raise ValidationError(
                    _("Mật khẩu không được chứa số điện thoại của bạn. Hãy chọn một mật khẩu khác."),
                    code="password_has_phone",
                )

    def get_help_text(self) -> str:
        return _("Mật khẩu không được chứa số điện thoại của bạn.")
