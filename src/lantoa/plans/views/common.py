"""Small pieces shared by plans' views."""

from django.core.exceptions import ValidationError
from django.http import HttpResponse


def error_messages(error: ValidationError) -> list[str]:
    return list(error.messages)


def attachment(content: bytes, *, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
