"""Hostile files for the Excel import: each is refused in Vietnamese before it costs much to read."""

import io
import zipfile

from lantoa.orgs import importers
from lantoa.orgs.importers import ENTERPRISE_COLUMNS, ENTERPRISE_SHEET

_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    "</Types>"
)
_ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Target="xl/workbook.xml" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"/>'
    "</Relationships>"
)
_WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    f'<sheets><sheet name="{ENTERPRISE_SHEET}" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
_WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Target="worksheets/sheet1.xml" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"/>'
    "</Relationships>"
)


def _package(sheet_xml: str, *, extra: dict[str, int] | None = None) -> bytes:
    """A hand-built .xlsx (openpyxl would take minutes to write a million rows); `extra` adds parts of zeros."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", _CONTENT_TYPES)
        package.writestr("_rels/.rels", _ROOT_RELS)
        package.writestr("xl/workbook.xml", _WORKBOOK)
        package.writestr("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS)
        package.writestr("xl/worksheets/sheet1.xml", sheet_xml)
        for name, size in (extra or {}).items():
            with package.open(name, "w") as part:
                for _chunk in range(size >> 20):
                    part.write(bytes(1 << 20))
    return buffer.getvalue()


def _sheet(*, blank_rows: int) -> str:
    headers = "".join(
        f'<c r="{chr(65 + index)}1" t="inlineStr"><is><t>{column.header}</t></is></c>'
        for index, column in enumerate(ENTERPRISE_COLUMNS)
    )
    blanks = "".join(
        f'<row r="{number}" s="1" customFormat="1" ht="15" customHeight="1"/>' for number in range(2, blank_rows + 2)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        f'<sheetData><row r="1">{headers}</row>{blanks}</sheetData></worksheet>'
    )


def _codes(parsed: importers.ParsedWorkbook) -> list[str]:
    return [problem.code for problem in parsed.problems]


def test_a_million_styled_empty_rows_stop_at_the_row_limit(monkeypatch):
    monkeypatch.setattr(importers, "MAX_ROWS", 2000)
    data = _package(_sheet(blank_rows=1_000_000))
    assert len(data) < importers.MAX_IMPORT_BYTES

    parsed = importers.workbook_parse(io.BytesIO(data))

    assert _codes(parsed) == ["too_many_rows"]
    assert "quá 2000 dòng (kể cả dòng trống)" in str(parsed.problems[0])
    assert parsed.rows_read == 2001  # reading stopped at the limit, not at the millionth row
    assert parsed.row_count == 0


def test_a_zip_bomb_is_refused_before_parsing():
    data = _package(_sheet(blank_rows=1), extra={"xl/media/bomb.bin": importers.MAX_UNPACKED_BYTES + (1 << 20)})
    assert len(data) < 1 << 20

    parsed = importers.workbook_parse(io.BytesIO(data))

    assert _codes(parsed) == ["unpacked_too_big"]
    assert "giải nén ra quá 64 MB" in str(parsed.problems[0])


def test_a_renamed_text_file_is_not_an_xlsx():
    parsed = importers.workbook_parse(io.BytesIO("Mã số thuế;Tên\n1600000501;Công ty\n".encode()))
    assert _codes(parsed) == ["not_xlsx"]
    assert "không phải tệp Excel .xlsx" in str(parsed.problems[0])


def test_a_zip_that_is_not_a_workbook_is_not_an_xlsx():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("word/document.xml", "<w:document/>")
    assert _codes(importers.workbook_parse(io.BytesIO(buffer.getvalue()))) == ["not_xlsx"]


def test_a_file_over_the_size_limit_is_refused_unread(monkeypatch):
    monkeypatch.setattr(importers, "MAX_IMPORT_BYTES", 1000)
    parsed = importers.workbook_parse(io.BytesIO(bytes(5000)))
    assert _codes(parsed) == ["too_big"]
