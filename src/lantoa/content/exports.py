"""Traditional forms from a lesson: a printable poster/leaflet (PDF, A4/A3, with a QR code) and a talk outline (DOCX)."""

import io

from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from docx import Document
from docx.shared import Pt

from lantoa.content.models import LessonPage
from lantoa.core.qr import qr_data_uri

PAPER_SIZES = ("A4", "A3")


def _items(text: str) -> list[str]:
    return [line.strip().removeprefix("- ") for line in text.splitlines() if line.strip()]


def lesson_poster_pdf(*, lesson: LessonPage, url: str, paper: str = "A4") -> bytes:
    """A one-page poster: headline, the rule, what to do, where to get help, and a QR code back to the lesson."""
    from weasyprint import HTML  # heavy import, only when a PDF is asked for

    html = render_to_string(
        "content/print/poster.html",
        {
            "lesson": lesson,
            "paper": paper if paper in PAPER_SIZES else "A4",
            "qr": qr_data_uri(url),
            "url": url,
            "rule": _items(lesson.rule),
            "what_to_do": _items(lesson.what_to_do),
            "help": _items(lesson.where_to_get_help),
            "citations": list(lesson.citations.all()),
        },
    )
    return HTML(string=html).write_pdf()


def lesson_talk_outline_docx(*, lesson: LessonPage, url: str) -> bytes:
    """Đề cương tuyên truyền: what a propagandist says in a 10–15 minute talk at a shift meeting."""
    document = Document()
    style = document.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(13)
    document.add_heading(_("ĐỀ CƯƠNG TUYÊN TRUYỀN"), level=0)
    document.add_paragraph(lesson.title).runs[0].bold = True
    document.add_heading(_("I. Mục đích, yêu cầu"), level=1)
    document.add_paragraph(_("Giúp người lao động hiểu đúng quy định, biết cách tự bảo vệ và biết nơi hỏi khi cần."))
    document.add_paragraph(
        _("Thời lượng 10–15 phút; nói ngắn, dùng ví dụ gần gũi; dành thời gian cho câu hỏi."), style="List Bullet"
    )
    document.add_heading(_("II. Nội dung"), level=1)
    sections = (
        (_("1. Đặt vấn đề (tình huống)"), [lesson.situation.strip()], False),
        (_("2. Pháp luật quy định"), _items(lesson.rule), True),
        (_("3. Người lao động nên làm gì"), _items(lesson.what_to_do), True),
        (_("4. Hỏi ai, ở đâu"), _items(lesson.where_to_get_help), True),
    )
    for heading, lines, bullets in sections:
        document.add_heading(heading, level=2)
        for line in lines:
            document.add_paragraph(line, style="List Bullet" if bullets else None)
    document.add_heading(_("III. Căn cứ pháp lý"), level=1)
    for citation in lesson.citations.all():
        text = " ".join(part for part in (citation.clause, citation.article, citation.doc_number) if part)
        document.add_paragraph(f"{text}{' – ' + citation.note if citation.note else ''}", style="List Bullet")
    document.add_heading(_("IV. Tài liệu cho người nghe"), level=1)
    document.add_paragraph(_("Bài học và bài kiểm tra nhanh trên điện thoại: %(url)s") % {"url": url})
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
