import io
import subprocess
from pathlib import Path
from urllib.parse import quote

from docx import Document

from lantoa.core.tests.qrcodes import decode_pdf
from lantoa.core.tests.support import require_tool


def poppler(tool: str, data: bytes, tmp_path: Path) -> str:
    require_tool(tool)
    path = tmp_path / "document.pdf"
    path.write_bytes(data)
    command = [tool, str(path), "-"] if tool == "pdftotext" else [tool, str(path)]
    return subprocess.run(command, capture_output=True, check=True).stdout.decode()  # noqa: S603 - poppler on our file


def test_lesson_poster_is_an_a4_pdf_in_vietnamese_with_the_lesson_text(client, lessons, tmp_path):
    lesson = lessons["hop-dong-phai-bang-van-ban"]
    response = client.get(f"/in/bai-hoc/{lesson.pk}/ap-phich.pdf")
    assert response["Content-Type"] == "application/pdf"
    assert "(A4)" in poppler("pdfinfo", response.content, tmp_path)
    text = poppler("pdftotext", response.content, tmp_path)
    assert "Làm việc từ 1 tháng trở lên" in text
    assert "Quét mã để đọc bài học" in text


def test_lesson_poster_comes_in_a3(client, lessons, tmp_path):
    lesson = lessons["hop-dong-phai-bang-van-ban"]
    response = client.get(f"/in/bai-hoc/{lesson.pk}/ap-phich.pdf?kho=a3")
    assert "(A3)" in poppler("pdfinfo", response.content, tmp_path)


def test_talk_outline_is_a_docx_with_the_lesson_sections_and_citations(client, lessons):
    lesson = lessons["hop-dong-phai-bang-van-ban"]
    response = client.get(f"/in/bai-hoc/{lesson.pk}/de-cuong.docx")
    assert 'filename="de-cuong-hop-dong-phai-bang-van-ban.docx"' in response["Content-Disposition"]
    text = "\n".join(p.text for p in Document(io.BytesIO(response.content)).paragraphs)
    assert "ĐỀ CƯƠNG TUYÊN TRUYỀN" in text
    assert "2. Pháp luật quy định" in text
    assert "Điều 14 45/2019/QH14" in text


def test_exports_of_an_unpublished_lesson_are_not_found(client, lessons):
    lesson = lessons["chi-thi-58-la-gi"]
    lesson.unpublish()
    assert client.get(f"/in/bai-hoc/{lesson.pk}/de-cuong.docx").status_code == 404


def test_poster_qr_and_talk_outline_link_reach_the_public_site(client, lessons, settings, tmp_path):
    settings.PUBLIC_BASE_URL = "https://lantoa.angiang.gov.vn"
    lesson = lessons["hop-dong-phai-bang-van-ban"]
    public = f"https://lantoa.angiang.gov.vn{lesson.url}"
    poster = client.get(f"/in/bai-hoc/{lesson.pk}/ap-phich.pdf", HTTP_HOST="localhost")
    assert decode_pdf(poster.content, tmp_path) == public
    outline = client.get(f"/in/bai-hoc/{lesson.pk}/de-cuong.docx", HTTP_HOST="localhost")
    text = "\n".join(p.text for p in Document(io.BytesIO(outline.content)).paragraphs)
    assert public in text
    assert "localhost" not in text


def test_share_links_carry_the_host_the_visitor_used_in_the_demo(client, lessons, settings):
    settings.PUBLIC_BASE_URL = ""
    lesson = lessons["hop-dong-phai-bang-van-ban"]
    html = client.get(lesson.url, HTTP_HOST="127.0.0.1:8000").content.decode()
    assert f"zalo.me/share?url={quote(f'http://127.0.0.1:8000{lesson.url}', safe='')}" in html
    assert "localhost" not in html
