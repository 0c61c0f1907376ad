"""Vietnamese number input and output for the calculators: 5.310.000 đ, 2,5 giờ, 0,5%."""

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from lantoa.core.formats import vn_number, vnd

_MONEY_GROUPED = re.compile(r"^\d{1,3}(?:[.,\s]\d{3})+$")
_MONEY_PLAIN = re.compile(r"^\d+$")
_CURRENCY = re.compile(r"\s*(?:đồng|đ|vnđ|vnd|d)\s*$", re.IGNORECASE)


def parse_money(text: str) -> int:
    """Whole đồng from "5.310.000", "5310000", "5 310 000" or "5.310.000 đ"."""
    cleaned = _CURRENCY.sub("", (text or "").strip())
    if _MONEY_PLAIN.match(cleaned) or _MONEY_GROUPED.match(cleaned):
        return int(re.sub(r"\D", "", cleaned))
    raise ValidationError(
        _("Số tiền chỉ gồm chữ số, có thể có dấu chấm ngăn cách hàng nghìn, ví dụ 4.730.000 hoặc 4730000."),
        code="money_invalid",
    )


def parse_decimal(text: str) -> Decimal:
    """A number of hours or days: "2,5" or "2.5"."""
    cleaned = (text or "").strip().replace(",", ".")
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        value = None
    if value is None or not value.is_finite() or not re.match(r"^\d+(\.\d+)?$", cleaned):
        raise ValidationError(_("Hãy nhập một số, ví dụ 8 hoặc 2,5."), code="number_invalid")
    return value


def round_vnd(value: Decimal) -> int:
    """Whole đồng, half up: the law sets no rounding, so every line is rounded once and shown as used."""
    return int(Decimal(value).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def vn_decimal(value: Decimal | int, places: int = 2) -> str:
    """2,5 · 12 · 5,83 · 1.234,5 – trailing zeros dropped."""
    quantized = Decimal(value).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    whole, _sep, fraction = f"{quantized:f}".partition(".")
    fraction = fraction.rstrip("0")
    whole_text = vn_number(int(whole)) if whole not in ("-0",) else "0"
    return f"{whole_text},{fraction}" if fraction else whole_text


def percent(value: Decimal | int) -> str:
    return f"{vn_decimal(value)}%"


def money(value: int) -> str:
    return vnd(value)
