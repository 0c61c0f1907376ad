"""A live lesson's printable files (poster A4 and A3, talk outline), built by the worker once per revision.

Each is stored under a name drawn from the live revision and the lesson's public address (what the QR code and
the outline link to): publishing a new revision, or moving the lesson, gives new files; the old ones are deleted."""

import hashlib

from django.utils.translation import gettext_lazy as _

from lantoa.content import exports
from lantoa.content.models import LessonPage
from lantoa.core.links import page_absolute_url
from lantoa.core.public_files import PublicFile, PublicFileSource

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
SOURCE = "content.lesson"


def _folder(pk: int) -> str:
    return f"public/lessons/{pk}"


def _stem(lesson: LessonPage, url: str) -> str:
    published = lesson.last_published_at.isoformat() if lesson.last_published_at else ""
    version = hashlib.sha256(f"{lesson.live_revision_id}|{published}|{url}".encode()).hexdigest()[:16]
    return f"{_folder(lesson.pk)}/{version}"


def lesson_poster_file(lesson: LessonPage, paper: str) -> PublicFile:
    paper = paper if paper in exports.PAPER_SIZES else "A4"
    url = page_absolute_url(lesson)
    return PublicFile(
        name=f"{_stem(lesson, url)}-poster-{paper.lower()}.pdf",
        file_name=f"ap-phich-{lesson.slug}-{paper.lower()}.pdf",
        content_type="application/pdf",
        build=lambda: exports.lesson_poster_pdf(lesson=lesson, url=url, paper=paper),
    )


def lesson_outline_file(lesson: LessonPage) -> PublicFile:
    url = page_absolute_url(lesson)
    return PublicFile(
        name=f"{_stem(lesson, url)}-de-cuong.docx",
        file_name=f"de-cuong-{lesson.slug}.docx",
        content_type=DOCX,
        build=lambda: exports.lesson_talk_outline_docx(lesson=lesson, url=url),
        as_attachment=True,
    )


def _files(pk: int) -> list[PublicFile]:
    lesson = LessonPage.objects.live().public().filter(pk=pk).first()
    if lesson is None:  # unpublished or private: its files go
        return []
    return [*(lesson_poster_file(lesson, paper) for paper in exports.PAPER_SIZES), lesson_outline_file(lesson)]


def _ids() -> list[int]:
    return list(LessonPage.objects.live().public().values_list("pk", flat=True))


LESSON_FILES = PublicFileSource(
    name=SOURCE, title=_("Tạo áp phích và đề cương của bài học"), files=_files, folder=_folder, ids=_ids
)
