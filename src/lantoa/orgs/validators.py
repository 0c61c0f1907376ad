import re

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
