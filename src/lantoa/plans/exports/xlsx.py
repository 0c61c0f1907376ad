"""Any table on screen as an XLSX workbook: one sheet per table, headers bold, numbers kept as numbers."""

import io
import re

from openpyxl import Workbook
from openpyxl.styles import Font

from lantoa.plans.selectors.documents import Table

_SHEET_BAD = re.compile(r"[\[\]\*\?/\\:]")


def tables_xlsx(tables: list[Table], *, heading: str = "") -> bytes:
    workbook = Workbook()
    workbook.remove(workbook.active)
    used: set[str] = set()
    for number, table in enumerate(tables, start=1):
        name = _SHEET_BAD.sub(" ", table.title)[:31].strip() or f"Bảng {number}"
        if name in used:
            name = f"{name[:27]} {number}"
        used.add(name)
        sheet = workbook.create_sheet(name)
        if heading:
            sheet.append([heading])
            sheet["A1"].font = Font(bold=True)
        sheet.append([str(header) for header in table.headers])
        for cell in sheet[sheet.max_row]:
            cell.font = Font(bold=True)
        for row in table.rows:
            sheet.append([value if isinstance(value, int | float) else str(value) for value in row])
        for column in sheet.columns:
            width = max(len(str(cell.value or "")) for cell in column)
            sheet.column_dimensions[column[0].column_letter].width = min(60, max(8, width + 2))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
