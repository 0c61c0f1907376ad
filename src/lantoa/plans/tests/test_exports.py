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
from lantoa.plans.selectors.documents import report_document
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


def test_xlsx_keeps_numbers_as_numbers(submitted):
    doc = _document(submitted)
    workbook = load_workbook(io.BytesIO(tables_xlsx([t for s in doc.sections for t in s.tables], heading=doc.subject)))
    sheet = workbook.worksheets[0]
    values = [row for row in sheet.iter_rows(values_only=True) if row[1] == "Số buổi sinh hoạt, tuyên truyền"]
    assert values[0][3] == 1234


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
