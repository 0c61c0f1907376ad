"""The Excel format for importing units and enterprises: its template and its parser.

Parsing is pure: it returns typed rows and the problems found, each with its sheet, row and column.
References to the database (communes, zones, permissions) are checked by `orgs.imports`.
"""

import functools
import io
import zipfile
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, BinaryIO

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from lantoa.core.imports import CappedProblems
from lantoa.core.text import clean_line
from lantoa.core.xlsx import row_append
from lantoa.core.xlsx_reader import TooManyCells, UnreadableWorkbook, WorkbookReader
from lantoa.orgs import services
from lantoa.orgs.forms import MAX_IMPORT_BYTES
from lantoa.orgs.models import Enterprise, OrgUnit
from lantoa.orgs.validators import TAX_CODE_PATTERN, tax_code_problem

ENTERPRISE_SHEET = "Doanh nghiệp"
UNIT_SHEET = "Đơn vị"
GUIDE_SHEET = "Hướng dẫn"
COMMUNE_SHEET = "Danh mục xã phường"
MAX_ROWS = 50_000  # rows read, empty ones included: a file of styled blank rows costs as much to scan
# Cells read, in any column and any row (and as many shared texts): a few wide rows cost as much as many rows.
MAX_CELLS = 600_000
MAX_TEXT_CHARS = 255  # the longest text a column takes unless it says otherwise (the longest name a unit has)
# An .xlsx is a zip: its parts are bounded unpacked, before any parsing, so a small file cannot unpack to gigabytes.
MAX_UNPACKED_BYTES = 64 * 1024 * 1024
# Problems kept and shown for one file; the rest are only counted (a bad file of 600.000 cells has as many).
MAX_PROBLEMS_KEPT = 200


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    required: bool = False
    max_length: int = MAX_TEXT_CHARS  # what the column is stored in (model field lengths)


ENTERPRISE_COLUMNS = (
    Column("tax_code", "Mã số thuế", required=True, max_length=40),
    Column("name", "Tên doanh nghiệp", required=True),
    Column("ownership", "Loại hình sở hữu", required=True, max_length=40),
    Column("sector", "Ngành nghề", max_length=120),
    Column("commune", "Xã, phường, đặc khu", required=True),
    Column("zone", "Mã khu, cụm công nghiệp", max_length=40),
    Column("worker_count", "Số lao động", required=True),
    Column("female_worker_count", "Lao động nữ"),
    Column("migrant_worker_count", "Lao động ngoại tỉnh"),
    Column("union_member_count", "Đoàn viên công đoàn"),
)
UNIT_COLUMNS = (
    Column("code", "Mã đơn vị", required=True, max_length=40),
    Column("name", "Tên đơn vị", required=True),
    Column("kind", "Loại đơn vị", required=True, max_length=40),
    Column("parent", "Mã đơn vị cấp trên", required=True, max_length=40),
    Column("commune", "Xã, phường, đặc khu"),
)

OWNERSHIP_LABELS = {
    "FDI": Enterprise.Ownership.FDI,
    "Nhà nước": Enterprise.Ownership.STATE,
    "Tư nhân": Enterprise.Ownership.PRIVATE,
    "Hộ kinh doanh": Enterprise.Ownership.HOUSEHOLD,
}
IMPORTABLE_UNIT_KINDS = {
    "Khu công nghiệp": OrgUnit.Kind.INDUSTRIAL_PARK,
    "Cụm công nghiệp": OrgUnit.Kind.INDUSTRIAL_CLUSTER,
    "Công đoàn cơ sở": OrgUnit.Kind.GRASSROOTS_UNION,
    "Tổ chức đảng": OrgUnit.Kind.PARTY_CELL,
    "Cấp ủy đảng": OrgUnit.Kind.PARTY_COMMITTEE,
    "Ủy ban nhân dân": OrgUnit.Kind.PEOPLES_COMMITTEE,
    "Mặt trận Tổ quốc": OrgUnit.Kind.FATHERLAND_FRONT,
    "Liên đoàn Lao động": OrgUnit.Kind.LABOUR_FEDERATION,
}
# Bodies that act for the whole province: only an importer whose scope is the province may create or change them.
PROVINCE_LEVEL_KINDS = frozenset({OrgUnit.Kind.PROVINCE, OrgUnit.Kind.PROPAGANDA_BOARD, OrgUnit.Kind.LABOUR_FEDERATION})


@dataclass(frozen=True)
class Problem:
    sheet: str
    row: int
    column: str
    header: str
    message: str
    code: str = ""

    def __str__(self) -> str:
        if not self.row:
            return f"{self.sheet}: {self.message}"
        return _("%(sheet)s – dòng %(row)s, cột %(column)s (%(header)s): %(message)s") % {
            "sheet": self.sheet,
            "row": self.row,
            "column": self.column,
            "header": self.header,
            "message": self.message,
        }

    def as_dict(self) -> dict[str, Any]:
        return {"text": str(self), "sheet": self.sheet, "row": self.row, "column": self.column}


@dataclass
class Row:
    sheet: str
    number: int
    values: dict[str, Any]


@dataclass
class ParsedWorkbook:
    units: list[Row] = field(default_factory=list)
    enterprises: list[Row] = field(default_factory=list)
    problems: CappedProblems[Problem] = field(default_factory=lambda: CappedProblems(cap=MAX_PROBLEMS_KEPT))
    rows_read: int = 0

    @property
    def row_count(self) -> int:
        return len(self.units) + len(self.enterprises)


def column_of(columns: tuple[Column, ...], key: str) -> tuple[str, str]:
    """(letter, header) of a column, for messages."""
    for index, column in enumerate(columns, start=1):
        if column.key == key:
            return get_column_letter(index), column.header
    raise KeyError(key)


Message = Callable[[], str]  # builds a problem's Vietnamese message, only for a problem that is kept


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return clean_line(str(value))


def _count(value: Any) -> tuple[int | None, Message | None]:
    if value is None or value == "":
        return 0, None
    if isinstance(value, bool):
        return None, lambda: _("phải là số nguyên không âm.")
    if isinstance(value, int | float) and float(value).is_integer() and value >= 0:
        return int(value), None
    text = _text(value).replace(".", "")
    if text.isdigit():
        return int(text), None
    return None, lambda: _("“%(value)s” không phải số nguyên không âm.") % {"value": _text(value)}


def _tax_code(value: Any) -> str:
    # Excel drops leading zeros of a number typed into a cell: a 9-digit number is a 10-digit code starting with 0.
    if isinstance(value, int | float) and not isinstance(value, bool) and float(value).is_integer():
        return str(int(value)).zfill(10)
    return _text(value)


# a cell's cleaner: (value, None), or (anything, what builds the Vietnamese problem: only if it is kept)
Cleaner = Callable[[Any], tuple[Any, Message | None]]


def _required() -> str:
    return _("bắt buộc, không được để trống.")


def _too_long(length: int, max_length: int) -> Message:
    # Said without quoting the text: a long shared text repeated in many cells would fill the report.
    return lambda: _("dài %(length)s ký tự, quá %(max)s ký tự cho phép.") % {"length": length, "max": max_length}


def _read_sheet(
    reader: WorkbookReader,
    name: str,
    columns: tuple[Column, ...],
    cleaners: dict[str, Cleaner],
    problems: CappedProblems[Problem],
) -> Iterator[Row | None]:
    """Each row (None for a blank one or one not to check further); its cells' problems go to `problems`."""
    headers = [column.header for column in columns]
    rows = reader.rows(name, width=len(columns))
    number, first = next(rows, (0, []))
    if number != 1 or [_text(cell)[:200] for cell in first] != headers:
        problems.append(
            Problem(name, 1, "A", headers[0], _("Tiêu đề cột không khớp mẫu. Hãy tải mẫu mới và dán dữ liệu vào."))
        )
        yield None
        return
    for number, cells in rows:
        if all(cell is None or _text(cell) == "" for cell in cells):
            yield None
            continue
        values: dict[str, Any] = {}
        has_cut_cell = False
        for index, (column, cell) in enumerate(zip(columns, cells, strict=True), start=1):
            message: Message | None
            code = ""
            if isinstance(cell, str) and len(cell) > column.max_length:
                value, message, code, has_cut_cell = None, _too_long(len(cell), column.max_length), "too_long", True
            else:
                value, message = cleaners.get(column.key, lambda raw: (_text(raw), None))(cell)
                if message is None and column.required and value in ("", None):
                    message = _required
            if message is not None:
                problems.add(functools.partial(_cell_problem, name, number, index, column, message, code))
            values[column.key] = value
        # a row with a cut-off cell is not checked further: nothing of it will be written
        yield None if has_cut_cell else Row(name, number, values)


def _cell_problem(sheet: str, number: int, index: int, column: Column, message: Message, code: str) -> Problem:
    return Problem(sheet, number, get_column_letter(index), column.header, message(), code)


def _choice(labels: Mapping[str, str]) -> Callable[[Any], tuple[str | None, Message | None]]:
    folded = {label.casefold(): value for label, value in labels.items()}

    def clean(raw: Any) -> tuple[str | None, Message | None]:
        text = _text(raw)
        if not text:
            return "", None
        if text.casefold() in folded:
            return folded[text.casefold()], None
        return (
            None,
            lambda: (
                _("“%(value)s” không có trong danh sách (%(choices)s).")
                % {
                    "value": text,
                    "choices": ", ".join(labels),
                }
            ),
        )

    return clean


def _tax(raw: Any) -> tuple[str, Message | None]:
    value = _tax_code(raw)
    if not value or TAX_CODE_PATTERN.match(value):
        return value, None
    return value, lambda: tax_code_problem(value) or ""


ENTERPRISE_CLEANERS: dict[str, Cleaner] = {
    "tax_code": _tax,
    "ownership": _choice(OWNERSHIP_LABELS),
    "worker_count": _count,
    "female_worker_count": _count,
    "migrant_worker_count": _count,
    "union_member_count": _count,
}
UNIT_CLEANERS: dict[str, Cleaner] = {"kind": _choice(IMPORTABLE_UNIT_KINDS)}


def workbook_parse(stream: BinaryIO, *, progress: Callable[[int], None] | None = None) -> ParsedWorkbook:
    """Read the template's two data sheets; every bad cell becomes a Problem, nothing is dropped silently."""
    parsed = ParsedWorkbook()
    data = stream.read(MAX_IMPORT_BYTES + 1)
    refusal = package_problem(data)
    if refusal is not None:
        parsed.problems.append(refusal)
        return parsed
    try:
        reader = WorkbookReader(io.BytesIO(data), max_cells=MAX_CELLS)
    except TooManyCells:
        parsed.problems.append(_too_many_cells())
        return parsed
    except UnreadableWorkbook:
        parsed.problems.append(_file_problem("unreadable", _("Không đọc được tệp. Hãy gửi tệp Excel .xlsx theo mẫu.")))
        return parsed
    try:
        _read_sheets(reader, parsed, progress)
    except TooManyCells:
        parsed.problems.append(_too_many_cells())
    except UnreadableWorkbook:
        parsed.problems.append(_file_problem("unreadable", _("Không đọc được tệp. Hãy gửi tệp Excel .xlsx theo mẫu.")))
    finally:
        reader.close()
    return parsed


def _read_sheets(reader: WorkbookReader, parsed: ParsedWorkbook, progress: Callable[[int], None] | None) -> None:
    sheets = {
        UNIT_SHEET: (UNIT_COLUMNS, UNIT_CLEANERS, parsed.units),
        ENTERPRISE_SHEET: (ENTERPRISE_COLUMNS, ENTERPRISE_CLEANERS, parsed.enterprises),
    }
    if not any(name in reader.sheets for name in sheets):
        parsed.problems.append(
            Problem(_("Tệp"), 0, "", "", _("Không thấy trang “%(sheet)s” của mẫu nhập.") % {"sheet": ENTERPRISE_SHEET})
        )
    for name, (columns, cleaners, target) in sheets.items():
        if name not in reader.sheets:
            continue
        for row in _read_sheet(reader, name, columns, cleaners, parsed.problems):
            parsed.rows_read += 1
            if row is not None:
                target.append(row)
                if progress and parsed.row_count % 500 == 0:
                    progress(parsed.row_count)
            if parsed.rows_read > MAX_ROWS:
                parsed.problems.append(
                    Problem(
                        name,
                        0,
                        "",
                        "",
                        _("Tệp có quá %(max)s dòng (kể cả dòng trống). Hãy chia nhỏ tệp.") % {"max": MAX_ROWS},
                        code="too_many_rows",
                    )
                )
                return


def _too_many_cells() -> Problem:
    return _file_problem(
        "too_many_cells",
        _("Tệp có quá %(max)s ô dữ liệu (tính cả các ô ngoài các cột của mẫu). Hãy chia nhỏ tệp hoặc xoá các cột thừa.")
        % {"max": f"{MAX_CELLS:,}".replace(",", ".")},
    )


def _file_problem(code: str, message: str) -> Problem:
    return Problem(_("Tệp"), 0, "", "", message, code=code)


def package_problem(data: bytes) -> Problem | None:
    """Refuse, before parsing, a file too big, not an .xlsx package, or one that would unpack too large."""
    if len(data) > MAX_IMPORT_BYTES:
        return _file_problem("too_big", _("Tệp lớn quá %(mb)s MB. Hãy chia nhỏ tệp.") % {"mb": MAX_IMPORT_BYTES >> 20})
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            members = package.infolist()
    except (zipfile.BadZipFile, ValueError):
        members = []
    if "xl/workbook.xml" not in {member.filename for member in members}:
        return _file_problem("not_xlsx", _("Tệp này không phải tệp Excel .xlsx. Hãy tải mẫu, điền rồi gửi lại."))
    if sum(member.file_size for member in members) > MAX_UNPACKED_BYTES:
        return _file_problem(
            "unpacked_too_big",
            _("Tệp giải nén ra quá %(mb)s MB, không đọc được. Hãy lưu lại tệp theo mẫu, chỉ giữ dữ liệu cần nhập.")
            % {"mb": MAX_UNPACKED_BYTES >> 20},
        )
    return None


def template_workbook(*, communes: list[OrgUnit]) -> bytes:
    """The downloadable template: two data sheets, a guide and the list of communes.

    Every cell is written through `core.xlsx.row_append`, which neutralises a leading = + - @ tab or CR: a
    commune named "=HYPERLINK(…)" in the database stays text in the officer's Excel, never a live formula.
    """
    workbook = Workbook()
    guide = workbook.active
    guide.title = GUIDE_SHEET
    for line in _guide_lines():
        row_append(guide, [line])
    guide.column_dimensions["A"].width = 120
    header_font, header_fill = Font(bold=True, color="FFFFFF"), PatternFill("solid", fgColor="B3261E")

    communes_sheet = workbook.create_sheet(COMMUNE_SHEET)
    row_append(communes_sheet, ["Mã", "Tên"])
    for unit in communes:
        row_append(communes_sheet, [unit.code, unit.name])
    communes_sheet.column_dimensions["B"].width = 32

    for title, columns in ((UNIT_SHEET, UNIT_COLUMNS), (ENTERPRISE_SHEET, ENTERPRISE_COLUMNS)):
        sheet = workbook.create_sheet(title)
        row_append(sheet, [column.header for column in columns])
        for index, column in enumerate(columns, start=1):
            cell = sheet.cell(row=1, column=index)
            cell.font, cell.fill = header_font, header_fill
            sheet.column_dimensions[get_column_letter(index)].width = max(14, len(column.header) + 4)
        sheet.freeze_panes = "A2"
    _add_list_validation(workbook[ENTERPRISE_SHEET], ENTERPRISE_COLUMNS, "ownership", list(OWNERSHIP_LABELS))
    _add_list_validation(workbook[UNIT_SHEET], UNIT_COLUMNS, "kind", list(IMPORTABLE_UNIT_KINDS))
    commune_range = f"='{COMMUNE_SHEET}'!$B$2:$B${len(communes) + 1}"
    for sheet, columns in ((workbook[ENTERPRISE_SHEET], ENTERPRISE_COLUMNS), (workbook[UNIT_SHEET], UNIT_COLUMNS)):
        letter, _header = column_of(columns, "commune")
        validation = DataValidation(type="list", formula1=commune_range, allow_blank=True)
        validation.add(f"{letter}2:{letter}{MAX_ROWS}")
        sheet.add_data_validation(validation)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _add_list_validation(sheet: Any, columns: tuple[Column, ...], key: str, choices: list[str]) -> None:
    letter, _header = column_of(columns, key)
    validation = DataValidation(type="list", formula1='"' + ",".join(choices) + '"', allow_blank=True)
    validation.add(f"{letter}2:{letter}{MAX_ROWS}")
    sheet.add_data_validation(validation)


def _guide_lines() -> list[str]:
    return [
        str(gettext_lazy("MẪU NHẬP ĐƠN VỊ VÀ DOANH NGHIỆP – LAN TỎA")),
        "",
        _("1. Trang “Đơn vị”: khu, cụm công nghiệp, công đoàn cơ sở, tổ chức đảng… Mỗi dòng một đơn vị."),
        _("   Mã đơn vị cấp trên: mã tỉnh (%(code)s), mã xã, mã đơn vị khác, hoặc mã số thuế của doanh nghiệp.")
        % {"code": services.province_code()},
        _("2. Trang “Doanh nghiệp”: mỗi dòng một doanh nghiệp. Nhập lại cùng mã số thuế sẽ cập nhật, không tạo trùng."),
        _(
            "   Mã số thuế: 10 chữ số, hoặc 10 chữ số, dấu gạch ngang và 3 chữ số (chi nhánh). Nên định dạng ô là Văn bản."
        ),
        _("   Loại hình sở hữu: FDI, Nhà nước, Tư nhân, Hộ kinh doanh."),
        _("   Xã, phường, đặc khu: đúng tên hoặc mã trong trang “Danh mục xã phường”."),
        _("   Số lao động nữ, ngoại tỉnh, đoàn viên không được lớn hơn tổng số lao động."),
        _("3. Nếu có bất kỳ ô nào sai, hệ thống không nhập dòng nào và báo rõ từng ô: “dòng N, cột X: lý do”."),
    ]
