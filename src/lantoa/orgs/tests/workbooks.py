"""Builds import files the way an officer would: download the template, fill its sheets."""

import io
from collections.abc import Sequence

from openpyxl import load_workbook

from lantoa.orgs import selectors
from lantoa.orgs.importers import ENTERPRISE_SHEET, UNIT_SHEET, template_workbook


def filled_template(*, enterprises: Sequence[Sequence[object]] = (), units: Sequence[Sequence[object]] = ()) -> bytes:
    workbook = load_workbook(io.BytesIO(template_workbook(communes=selectors.communes_list())))
    for row in units:
        workbook[UNIT_SHEET].append(row)
    for row in enterprises:
        workbook[ENTERPRISE_SHEET].append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def enterprise_row(
    tax_code: str | int = "1600000501", name: str = "Công ty Nhập Một", **changes: object
) -> list[object]:
    row: dict[str, object] = {
        "tax_code": tax_code,
        "name": name,
        "ownership": "Tư nhân",
        "sector": "May mặc",
        "commune": "Xã Bình Hòa",
        "zone": "",
        "worker_count": 120,
        "female_worker_count": 80,
        "migrant_worker_count": 10,
        "union_member_count": 100,
    }
    row.update(changes)
    return list(row.values())
