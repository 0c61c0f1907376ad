"""A unit report as DOCX in the party's document format (Hướng dẫn 36-HD/VPTW)."""

import io

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.table import Table as DocxTable
from docx.table import _Cell
from docx.text.paragraph import Paragraph

from lantoa.plans.selectors.documents import ReportDocument, Table, cell_text

FONT = "Times New Roman"


def _cell_paragraph(
    cell: _Cell, text: str, *, bold: bool = False, italic: bool = False, underline: bool = False, size: int = 14
) -> Paragraph:
    paragraph = cell.paragraphs[0] if not cell.paragraphs[0].text else cell.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.paragraph_format.space_after = Pt(0)
    run = paragraph.add_run(text)
    run.bold, run.italic, run.underline, run.font.size = bold, italic, underline, Pt(size)
    return paragraph


def _no_borders(table: DocxTable) -> None:
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    table._tbl.tblPr.append(borders)


def _header(document: DocxDocument, doc: ReportDocument) -> None:
    table = document.add_table(rows=2, cols=2)
    _no_borders(table)
    left, right = table.rows[0].cells
    _cell_paragraph(left, doc.issuer.superior, size=14)
    _cell_paragraph(left, doc.issuer.body, bold=True, size=14)
    _cell_paragraph(left, "*", size=14)
    _cell_paragraph(right, "ĐẢNG CỘNG SẢN VIỆT NAM", bold=True, underline=True, size=15)
    number_cell, date_cell = table.rows[1].cells
    _cell_paragraph(number_cell, doc.number, size=14)
    _cell_paragraph(date_cell, doc.place_date, italic=True, size=14)


def _table(document: DocxDocument, table: Table) -> None:
    heading = document.add_paragraph()
    heading.add_run(table.title).bold = True
    grid = document.add_table(rows=1, cols=len(table.headers))
    grid.style = "Table Grid"
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, text in zip(grid.rows[0].cells, table.headers, strict=True):
        cell.text = ""
        run = cell.paragraphs[0].add_run(str(text))
        run.bold, run.font.size = True, Pt(12)
    for row in table.rows:
        cells = grid.add_row().cells
        for cell, value in zip(cells, row, strict=True):
            cell.text = ""
            cell.paragraphs[0].add_run(cell_text(value)).font.size = Pt(12)


def _footer(document: DocxDocument, doc: ReportDocument) -> None:
    table = document.add_table(rows=1, cols=2)
    _no_borders(table)
    left, right = table.rows[0].cells
    label = left.paragraphs[0]
    run = label.add_run("Nơi nhận:")
    run.underline, run.font.size = True, Pt(14)
    for line in doc.recipients:
        left.add_paragraph().add_run(line).font.size = Pt(12)
    _cell_paragraph(right, doc.signer_on_behalf, bold=True)
    _cell_paragraph(right, doc.signer_title, bold=True)
    for _blank in range(3):
        _cell_paragraph(right, "")
    _cell_paragraph(right, doc.signer_name, bold=True)


def report_docx(doc: ReportDocument) -> bytes:
    document = Document()
    style = document.styles["Normal"]
    style.font.name, style.font.size = FONT, Pt(14)
    style.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)
    section = document.sections[0]
    # Hướng dẫn 36: A4, margins top/bottom 2 cm, left 3 cm, right 1.5 cm.
    section.page_height, section.page_width = Cm(29.7), Cm(21)
    section.top_margin, section.bottom_margin, section.left_margin, section.right_margin = Cm(2), Cm(2), Cm(3), Cm(1.5)
    _header(document, doc)
    title = document.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title_run = title.add_run(doc.kind_title)
    title_run.bold, title_run.font.size = True, Pt(16)
    subject = document.add_paragraph()
    subject.alignment = WD_ALIGN_PARAGRAPH.CENTER
    subject.add_run(doc.subject).bold = True
    document.add_paragraph("-----").alignment = WD_ALIGN_PARAGRAPH.CENTER
    for part in doc.sections:
        document.add_paragraph().add_run(part.heading).bold = True
        for text in part.paragraphs:
            paragraph = document.add_paragraph(text)
            paragraph.paragraph_format.first_line_indent = Cm(1)
            paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        for table in part.tables:
            _table(document, table)
    document.add_paragraph()
    _footer(document, doc)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
