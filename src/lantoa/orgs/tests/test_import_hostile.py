"""Hostile files for the Excel import: each is refused in Vietnamese before it costs much to read, or named row by row."""

import io
import zipfile
from typing import Any

from lantoa.orgs import importers, imports, services
from lantoa.orgs.importers import ENTERPRISE_COLUMNS, ENTERPRISE_SHEET
from lantoa.orgs.imports import scope
from lantoa.orgs.models import Enterprise, OrgUnit

from .workbooks import enterprise_row, filled_template

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


def _data_rows(rows: int, cells: int) -> str:
    """A sheet of `rows` data rows, each `cells` cells wide (most of them beyond the template's ten columns)."""
    headers = "".join(
        f'<c r="{chr(65 + index)}1" t="inlineStr"><is><t>{column.header}</t></is></c>'
        for index, column in enumerate(ENTERPRISE_COLUMNS)
    )
    body = "".join(f'<row r="{number}">' + "<c><v>1</v></c>" * cells + "</row>" for number in range(2, rows + 2))
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        f'<sheetData><row r="1">{headers}</row>{body}</sheetData></worksheet>'
    )


def test_one_row_of_a_million_cells_stops_at_the_cell_limit():
    data = _package(_data_rows(1, 1_000_000))
    assert len(data) < 100_000  # 14 MB of XML in a small upload

    parsed = importers.workbook_parse(io.BytesIO(data))

    assert _codes(parsed) == ["too_many_cells"]
    assert "quá 600.000 ô dữ liệu" in str(parsed.problems[0])
    assert parsed.row_count == 0


def test_wide_rows_count_every_cell_read_not_only_the_template_columns(monkeypatch):
    monkeypatch.setattr(importers, "MAX_CELLS", 50_000)
    parsed = importers.workbook_parse(io.BytesIO(_package(_data_rows(100, 1000))))  # 100 rows: far below MAX_ROWS
    assert _codes(parsed)[-1] == "too_many_cells"
    assert parsed.rows_read < 100


def test_a_sheet_with_a_document_type_is_unreadable_not_expanded():
    laughs = '<!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
    sheet = _sheet(blank_rows=1).replace("<worksheet", laughs + "<worksheet", 1)
    assert _codes(importers.workbook_parse(io.BytesIO(_package(sheet)))) == ["unreadable"]


def test_over_long_text_cells_are_named_problems_without_quoting_the_text(union_officer):
    long_name = "Công ty " + "rất dài " * 4000  # 32.008 characters: Excel keeps up to 32.767 in a cell
    data = filled_template(
        enterprises=[enterprise_row("1600000501", long_name, sector="x" * 121)],
        units=[["K" * 41, "Khu thử", "Khu công nghiệp", "91", ""]],
    )

    result = imports.workbook_import(stream=io.BytesIO(data), user=union_officer)

    too_long = [problem for problem in result.problems if problem.code == "too_long"]
    assert [(problem.sheet, problem.column) for problem in too_long] == [
        ("Đơn vị", "A"),
        ("Doanh nghiệp", "B"),
        ("Doanh nghiệp", "D"),
    ]
    assert "dài 32008 ký tự, quá 255 ký tự cho phép" in str(too_long[1])
    assert all(len(str(problem)) < 300 for problem in result.problems)
    assert not Enterprise.objects.filter(tax_code="1600000501").exists()


def test_a_chain_of_units_too_deep_is_a_named_problem_for_each_row_below_the_limit(union_officer):
    chain = [
        [f"T{level}", f"Tổ {level}", "Tổ chức đảng", f"T{level - 1}" if level else "91", ""] for level in range(20)
    ]

    result = imports.workbook_import(stream=io.BytesIO(filled_template(units=chain)), user=union_officer)

    deep = [problem.row for problem in result.problems if problem.code == "too_deep"]
    # /91/ is level 1: T0 … T10 fit in 12 levels, T11 (row 13) and every unit under it do not.
    assert deep == list(range(13, 22))
    assert "sâu quá 12 cấp" in str(result.problems[0])
    assert not OrgUnit.objects.filter(code__startswith="T").exists()


def test_long_codes_that_overflow_the_path_are_too_deep_not_a_database_error(union_officer):
    chain = [
        [f"{level}" + "M" * 39, "Tổ", "Tổ chức đảng", f"{level - 1}" + "M" * 39 if level else "91", ""]
        for level in range(8)
    ]
    result = imports.workbook_import(stream=io.BytesIO(filled_template(units=chain)), user=union_officer)
    assert [problem.row for problem in result.problems if problem.code == "too_deep"] == [8, 9]  # 6 × 41 + 4 > 255
    assert not result.created


def test_a_parent_given_as_a_tax_code_is_that_enterprise_even_when_a_unit_has_the_same_code(
    union_officer, enterprise_a, labour_federation
):
    decoy, _created = services.unit_save(
        code=enterprise_a.tax_code, name="Đơn vị trùng mã", kind=OrgUnit.Kind.GRASSROOTS_UNION, parent=labour_federation
    )
    rows = [["CDCS-MOI", "Công đoàn cơ sở Công ty A", "Công đoàn cơ sở", enterprise_a.tax_code, ""]]

    result = imports.workbook_import(stream=io.BytesIO(filled_template(units=rows)), user=union_officer)

    assert result.ok, [str(problem) for problem in result.problems]
    created = OrgUnit.objects.get(code="CDCS-MOI")
    assert created.parent == enterprise_a.unit and created.parent != decoy
    assert created.path == f"{enterprise_a.unit.path}CDCS-MOI/"


def test_a_tax_code_that_names_no_enterprise_is_not_found_and_cannot_become_a_unit_code(
    union_officer, labour_federation
):
    services.unit_save(
        code="1600009999", name="Đơn vị cũ", kind=OrgUnit.Kind.GRASSROOTS_UNION, parent=labour_federation
    )
    rows = [
        ["CB-X", "Chi bộ", "Tổ chức đảng", "1600009999", ""],
        ["1600008888", "Đơn vị mang mã số thuế", "Tổ chức đảng", "91", ""],
    ]
    result = imports.workbook_import(stream=io.BytesIO(filled_template(units=rows)), user=union_officer)
    texts = [str(problem) for problem in result.problems]
    assert any(
        "dòng 2, cột D" in text and "không tìm thấy doanh nghiệp có mã số thuế “1600009999”" in text for text in texts
    )
    assert any("dòng 3, cột A" in text and "không được trùng dạng mã số thuế" in text for text in texts)


def test_a_flood_of_shared_texts_stops_at_the_same_limit(monkeypatch):
    monkeypatch.setattr(importers, "MAX_CELLS", 1000)
    shared = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        + "<si><t>x</t></si>" * 5000
        + "</sst>"
    )
    rels = _WORKBOOK_RELS.replace(
        "</Relationships>",
        '<Relationship Id="rId2" Target="sharedStrings.xml" '
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"/></Relationships>',
    )
    buffer = io.BytesIO(_package(_sheet(blank_rows=1)))
    with zipfile.ZipFile(buffer, "a") as package:
        package.writestr("xl/sharedStrings.xml", shared)
    with zipfile.ZipFile(buffer) as package:
        parts = {name: package.read(name) for name in package.namelist()}
    parts["xl/_rels/workbook.xml.rels"] = rels.encode()
    rebuilt = io.BytesIO()
    with zipfile.ZipFile(rebuilt, "w") as package:
        for name, content in parts.items():
            package.writestr(name, content)

    assert _codes(importers.workbook_parse(io.BytesIO(rebuilt.getvalue()))) == ["too_many_cells"]


def test_a_file_full_of_bad_cells_builds_only_the_kept_problems(db, monkeypatch):
    made: list[importers.Problem] = []

    class Counted(importers.Problem):
        def __init__(self, *args: object, **kwargs: object) -> None:
            super().__init__(*args, **kwargs)  # type: ignore[arg-type]
            made.append(self)

    monkeypatch.setattr(importers, "Problem", Counted)
    rows = [enterprise_row(f"SAI-{number}", ownership="Không rõ", worker_count="nhiều") for number in range(300)]
    parsed = importers.workbook_parse(io.BytesIO(filled_template(enterprises=rows)))
    assert (parsed.problems.total, len(parsed.problems)) == (900, importers.MAX_PROBLEMS_KEPT)
    assert len(made) == importers.MAX_PROBLEMS_KEPT
    assert parsed.problems[0].message.startswith("Mã số thuế “SAI-0” không hợp lệ")
    assert parsed.problems[1].message.startswith("“Không rõ” không có trong danh sách")
    assert parsed.problems[2].message == "“nhiều” không phải số nguyên không âm."


def test_the_checks_of_a_file_build_only_the_kept_problems(union_officer, monkeypatch):
    made: list[importers.Problem] = []
    real = scope.cell_problem

    def counted(*args: Any, **kwargs: Any) -> importers.Problem:
        made.append(real(*args, **kwargs))
        return made[-1]

    monkeypatch.setattr(scope, "cell_problem", counted)
    rows = [enterprise_row(f"16{number:08d}", f"Công ty {number}", commune="Xã Không Có") for number in range(250)]
    result = imports.workbook_import(stream=io.BytesIO(filled_template(enterprises=rows)), user=union_officer)
    assert (result.problem_count, len(result.problems)) == (250, importers.MAX_PROBLEMS_KEPT)
    assert len(made) == importers.MAX_PROBLEMS_KEPT
    assert result.problems[0].message == "không có xã, phường, đặc khu “Xã Không Có” của tỉnh."
    assert not Enterprise.objects.exists()
