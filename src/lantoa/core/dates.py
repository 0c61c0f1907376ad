"""A date a person or a client typed (query string, form, API): dd/mm/yyyy or yyyy-mm-dd, nothing else.

Django's and pydantic's own parsers are looser than a labour-law page wants: pydantic reads `1.19e-07` as a Unix
timestamp (01/01/1970), and both take year 0001. Every date read from user input goes through `date_parse`, as a form
field (`DateField`) or an API type (`ApiDate`), so the rule and its Vietnamese message live here only.
"""

import datetime as dt
import re
from typing import Annotated, Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from pydantic import BeforeValidator
from pydantic_core import PydanticCustomError

MIN_YEAR = 1900
MAX_YEAR = 2100
SHAPES = (
    re.compile(r"(?P<day>[0-9]{1,2})/(?P<month>[0-9]{1,2})/(?P<year>[0-9]{4})"),
    re.compile(r"(?P<year>[0-9]{4})-(?P<month>[0-9]{2})-(?P<day>[0-9]{2})"),
)
ERROR_CODES = frozenset({"date_invalid", "date_out_of_range"})
INVALID_MESSAGE = _("Ngày không hợp lệ: hãy nhập theo dạng ngày/tháng/năm, ví dụ 15/01/2026.")


def date_parse(value: str) -> dt.date:
    """The day `value` names, or a `ValidationError` (code `date_invalid` or `date_out_of_range`)."""
    text = value.strip()
    match = next((found for shape in SHAPES if (found := shape.fullmatch(text))), None)
    if match is None:
        raise ValidationError(INVALID_MESSAGE, code="date_invalid")
    year, month, day = (int(match[part]) for part in ("year", "month", "day"))
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise ValidationError(
            _("Năm phải từ %(min)s đến %(max)s."), code="date_out_of_range", params={"min": MIN_YEAR, "max": MAX_YEAR}
        )
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise ValidationError(INVALID_MESSAGE, code="date_invalid") from None


class DateField(forms.DateField):
    """A form field for a typed date: blank is `None` unless required, anything else must pass `date_parse`."""

    default_error_messages = {"invalid": INVALID_MESSAGE}

    def to_python(self, value: Any) -> dt.date | None:
        if value in self.empty_values:
            return None
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        return date_parse(str(value))


def _api_date(value: Any) -> dt.date:
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if not isinstance(value, str):
        raise PydanticCustomError("date_invalid", str(INVALID_MESSAGE))
    try:
        return date_parse(value)
    except ValidationError as error:
        raise PydanticCustomError(error.code or "date_invalid", " ".join(error.messages)) from error


# An API parameter or body field holding a date: documented as `format: date`, parsed only by `date_parse`.
ApiDate = Annotated[dt.date, BeforeValidator(_api_date)]
