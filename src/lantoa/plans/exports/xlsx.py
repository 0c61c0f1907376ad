"""Any table on screen as an XLSX workbook: one sheet per table, headed by the unit and the period."""

import io
import re

from django.utils.translation import gettext as _
from openpyxl import Workbook

from lantoa.core.xlsx import row_append
from lantoa.plans.selectors.documents import Table

_SHEET_BAD = re.compile(r"[\[\]\*\?/\\:]")


def tables_xlsx(tables: list[Table], *, unit: str, period: str, heading: str = "") -> bytes:
    workbook = Workbook()
    workbook.remove(workbook.active)
    used: set[str] = set()
    for number, table in enumerate(tables, start=1):
        name = _SHEET_BAD.sub(" ", table.title)[:31].strip() or f"Bảng {number}"
        if name in used:
            name = f"{name[:27]} {number}"
        used.add(name)
        sheet = workbook.create_sheet(name)
        row_append(sheet, [heading or table.title], bold=True)
        row_append(sheet, [_("Đơn vị"), unit])
        row_append(sheet, [_("Kỳ"), period])
        sheet.append([])
        row_append(sheet, table.headers, bold=True)
        for row in table.rows:
            row_append(sheet, row)
        for column in sheet.columns:
            width = max(len(str(cell.value or "")) for cell in column)
            sheet.column_dimensions[column[0].column_letter].width = min(60, max(8, width + 2))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
