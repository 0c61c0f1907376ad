import io
import subprocess
from pathlib import Path
from urllib.parse import quote

import pytest
from django.core.management import call_command
from docx import Document

from lantoa.content import files
from lantoa.content.models import LessonPage
from lantoa.core import public_files
from lantoa.core.tests.qrcodes import decode_pdf
from lantoa.core.tests.support import no_database_writes, require_tool, run_worker


def poppler(tool: str, data: bytes, tmp_path: Path) -> str:
    require_tool(tool)
    path = tmp_path / "document.pdf"
    path.write_bytes(data)
    command = [tool, str(path), "-"] if tool == "pdftotext" else [tool, str(path)]
    return subprocess.run(command, capture_output=True, check=True).stdout.decode()  # noqa: S603 - poppler on our file


def build(lesson: LessonPage) -> int:
    """What the worker runs once the lesson is published."""
    return public_files.files_build(source=files.SOURCE, pk=lesson.pk)


def stored_names(lesson: LessonPage) -> set[str]:
    _dirs, names = public_files.private_storage().listdir(f"public/lessons/{lesson.pk}")
    return set(names)


def test_lesson_poster_is_an_a4_pdf_in_vietnamese_with_the_lesson_text(client, lessons, tmp_path):
    lesson = lessons["hop-dong-phai-bang-van-ban"]
    assert build(lesson) == 3  # A4, A3 and the talk outline
    with no_database_writes():
        response = client.get(f"/in/bai-hoc/{lesson.pk}/ap-phich.pdf")
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == f'inline; filename="ap-phich-{lesson.slug}-a4.pdf"'
    content = response.getvalue()
    assert "(A4)" in poppler("pdfinfo", content, tmp_path)
    text = poppler("pdftotext", content, tmp_path)
    assert "Làm việc từ 1 tháng trở lên" in text
    assert "Quét mã để đọc bài học" in text


def test_lesson_poster_comes_in_a3(client, lessons, tmp_path):
    lesson = lessons["hop-dong-phai-bang-van-ban"]
    build(lesson)
    response = client.get(f"/in/bai-hoc/{lesson.pk}/ap-phich.pdf?kho=a3")
    assert "(A3)" in poppler("pdfinfo", response.getvalue(), tmp_path)


def test_talk_outline_is_a_docx_with_the_lesson_sections_and_citations(client, lessons):
    lesson = lessons["hop-dong-phai-bang-van-ban"]
    build(lesson)
    with no_database_writes():
        response = client.get(f"/in/bai-hoc/{lesson.pk}/de-cuong.docx")
    assert response["Content-Disposition"] == 'attachment; filename="de-cuong-hop-dong-phai-bang-van-ban.docx"'
    text = "\n".join(p.text for p in Document(io.BytesIO(response.getvalue())).paragraphs)
    assert "ĐỀ CƯƠNG TUYÊN TRUYỀN" in text
    assert "2. Pháp luật quy định" in text
    assert "Điều 14 45/2019/QH14" in text


def test_exports_of_an_unpublished_lesson_are_not_found(client, lessons):
    lesson = lessons["chi-thi-58-la-gi"]
    build(lesson)
    lesson.unpublish()
    assert client.get(f"/in/bai-hoc/{lesson.pk}/de-cuong.docx").status_code == 404
    build(lesson)  # what the task queued by the unpublishing does: the files go
    assert stored_names(lesson) == set()


def test_poster_qr_and_talk_outline_link_reach_the_public_site(client, lessons, settings, tmp_path):
    settings.PUBLIC_BASE_URL = "https://lantoa.angiang.gov.vn"
    lesson = lessons["hop-dong-phai-bang-van-ban"]
    public = f"https://lantoa.angiang.gov.vn{lesson.url}"
    build(lesson)
    poster = client.get(f"/in/bai-hoc/{lesson.pk}/ap-phich.pdf", HTTP_HOST="localhost")
    assert decode_pdf(poster.getvalue(), tmp_path) == public
    outline = client.get(f"/in/bai-hoc/{lesson.pk}/de-cuong.docx", HTTP_HOST="localhost")
    text = "\n".join(p.text for p in Document(io.BytesIO(outline.getvalue())).paragraphs)
    assert public in text
    assert "localhost" not in text


def test_share_links_carry_the_host_the_visitor_used_in_the_demo(client, lessons, settings):
    settings.PUBLIC_BASE_URL = ""
    lesson = lessons["hop-dong-phai-bang-van-ban"]
    html = client.get(lesson.url, HTTP_HOST="127.0.0.1:8000").content.decode()
    assert f"zalo.me/share?url={quote(f'http://127.0.0.1:8000{lesson.url}', safe='')}" in html
    assert "localhost" not in html


def test_before_the_worker_built_them_the_files_answer_503_and_nothing_is_queued(client, lessons):
    lesson = lessons["hop-dong-phai-bang-van-ban"]
    for url in (f"/in/bai-hoc/{lesson.pk}/ap-phich.pdf?kho=A3", f"/in/bai-hoc/{lesson.pk}/de-cuong.docx"):
        with no_database_writes():  # no task row either: a GET never queues the build
            response = client.get(url)
        assert response.status_code == 503
        assert response["Retry-After"] == str(public_files.RETRY_AFTER_SECONDS)
        assert response["Cache-Control"] == "no-store"
        assert "Tệp đang được chuẩn bị, vui lòng thử lại sau ít phút" in response.content.decode()


def test_a_new_revision_gets_new_files_and_the_old_ones_are_deleted(client, lessons, tmp_path):
    lesson = lessons["hop-dong-phai-bang-van-ban"]
    build(lesson)
    first = stored_names(lesson)
    assert len(first) == 3
    lesson.title = "Hợp đồng phải có chữ ký"
    lesson.save_revision().publish()
    assert client.get(f"/in/bai-hoc/{lesson.pk}/ap-phich.pdf").status_code == 503  # the new revision's is not built
    assert build(lesson) == 3
    second = stored_names(lesson)
    assert len(second) == 3 and not first & second
    poster = client.get(f"/in/bai-hoc/{lesson.pk}/ap-phich.pdf")
    assert "Hợp đồng phải có chữ ký" in poppler("pdftotext", poster.getvalue(), tmp_path)
    assert build(lesson) == 0  # built once per revision


def test_the_timer_builds_the_files_of_lessons_published_before(lessons):
    call_command("public_files")
    assert all(len(stored_names(lesson)) == 3 for lesson in lessons.values())
    assert public_files.missing_build() == 0


@pytest.mark.django_db(transaction=True)  # the worker commits, as in production
def test_publishing_a_lesson_queues_its_files_for_the_worker(client, lessons):
    lesson = lessons["hop-dong-phai-bang-van-ban"]  # imported and published: the build is queued on commit
    assert client.get(f"/in/bai-hoc/{lesson.pk}/de-cuong.docx").status_code == 503
    run_worker()
    response = client.get(f"/in/bai-hoc/{lesson.pk}/de-cuong.docx")
    assert response.status_code == 200
    assert "ĐỀ CƯƠNG TUYÊN TRUYỀN" in "\n".join(p.text for p in Document(io.BytesIO(response.getvalue())).paragraphs)
