"""Every cell Lan Tỏa writes into a workbook: text that never runs as a formula, numbers and dates Excel can sum and sort."""

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal

from openpyxl.styles import Font
from openpyxl.worksheet.worksheet import Worksheet

from lantoa.core.formats import local

CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# What Excel, LibreOffice and Google Sheets start a formula or a DDE call with (OWASP "CSV injection").
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
DATE_FORMAT = "dd/mm/yyyy"
DATETIME_FORMAT = "dd/mm/yyyy hh:mm"

CellValue = str | int | float | Decimal | dt.date | dt.datetime | None


def cell_value(value: object) -> CellValue:
    """Numbers stay numbers, moments become Vietnam wall-clock dates, text that looks like a formula gets a '."""
    if value is None or isinstance(value, int | float | Decimal):
        return value
    if isinstance(value, dt.datetime):
        return local(value).replace(tzinfo=None)  # Excel has no time zones: store what the reader's clock said
    if isinstance(value, dt.date):
        return value
    text = str(value)
    return "'" + text if text.startswith(FORMULA_PREFIXES) else text


def row_append(sheet: Worksheet, values: Iterable[object], *, bold: bool = False, size: int | None = None) -> None:
    sheet.append([cell_value(value) for value in values])
    for cell in sheet[sheet.max_row]:
        if isinstance(cell.value, dt.datetime):
            cell.number_format = DATETIME_FORMAT
        elif isinstance(cell.value, dt.date):
            cell.number_format = DATE_FORMAT
        if bold:
            cell.font = Font(bold=True, size=size)
