"""Small pieces shared by plans' views."""

from django.core.exceptions import ValidationError
from django.http import HttpResponse

from lantoa.plans.exports.xlsx import tables_xlsx
from lantoa.plans.selectors.documents import Table

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def error_messages(error: ValidationError) -> list[str]:
    return list(error.messages)


def attachment(content: bytes, *, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def xlsx_response(tables: list[Table], *, filename: str, unit: str, period: str, heading: str = "") -> HttpResponse:
    return attachment(
        tables_xlsx(tables, unit=unit, period=period, heading=heading), content_type=XLSX, filename=filename
    )
