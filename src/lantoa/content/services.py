"""Writes for content: the page tree, the seed lesson import, the "official information" mark."""

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page, Revision, Site

from lantoa.content.importers import SEED_DIR, LessonRow, Problem, lessons_parse
from lantoa.content.models import (
    AudienceSegment,
    HelpContact,
    LessonCitation,
    LessonIndexPage,
    LessonPage,
    OfficialApproval,
    TopicPage,
)
from lantoa.content.topics import SEGMENTS, TOPICS
from lantoa.core.imports import ImportResult
from lantoa.core.text import clean_line

LESSON_INDEX_SLUG = "bai-hoc"
CITATION_FIELDS = ("doc_number", "article", "clause", "note")


def segments_ensure() -> dict[str, AudienceSegment]:
    segments = {}
    for slug, name in SEGMENTS.items():
        segments[slug], _created = AudienceSegment.objects.update_or_create(slug=slug, defaults={"name": str(name)})
    return segments


def _default_site_root() -> Page:
    """The default site's root page; built when Wagtail's initial rows are missing (a flushed test database)."""
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is not None:
        if not site.site_name:  # Wagtail's own first site is nameless and shows as "localhost" to editors
            site.site_name = settings.WAGTAIL_SITE_NAME
            site.save(update_fields=["site_name"])
        return site.root_page
    Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    root = Page.get_first_root_node() or Page.add_root(title="Root", slug="root")
    home = root.add_child(instance=Page(title="Lan Tỏa", slug="home"))
    Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True, site_name="Lan Tỏa")
    return home


@transaction.atomic
def lesson_index_ensure() -> LessonIndexPage:
    """The /bai-hoc/ page under the default site's root page, and one page per topic under it."""
    index = LessonIndexPage.objects.first()
    if index is None:
        root = _default_site_root()
        index = LessonIndexPage(
            title=_("Bài học pháp luật"),
            slug=LESSON_INDEX_SLUG,
            intro=_("Bài học ngắn, 1–3 phút, về quyền lợi của người lao động."),
        )
        root.add_child(instance=index)
        index.save_revision().publish()
    existing = set(TopicPage.objects.child_of(index).values_list("slug", flat=True))
    for slug, title in TOPICS.items():
        if slug not in existing:
            topic = TopicPage(title=str(title), slug=slug)
            index.add_child(instance=topic)
            topic.save_revision().publish()
    return index


def _citations_of(page: LessonPage) -> list[dict[str, str]]:
    return [{key: getattr(citation, key) for key in CITATION_FIELDS} for citation in page.citations.all()]


def _lesson_fields(row: LessonRow) -> dict[str, Any]:
    return {"title": row.title, "summary": row.summary, "minutes": row.minutes, **row.texts}


@transaction.atomic
def lesson_save(*, row: LessonRow, topic: TopicPage, segments: dict[str, AudienceSegment], user: Any = None) -> str:
    """Create or update the lesson with `row.slug` under `topic` and publish it; returns created/updated/unchanged."""
    page = LessonPage.objects.child_of(topic).filter(slug=row.slug).first()
    fields = _lesson_fields(row)
    wanted_segments = sorted(row.segments)
    if page is not None:
        same = all(getattr(page, key) == value for key, value in fields.items())
        same = same and _citations_of(page) == row.citations
        same = same and sorted(page.segments.values_list("slug", flat=True)) == wanted_segments
        if same and page.live and not page.has_unpublished_changes:
            return "unchanged"
    outcome = "updated"
    if page is None:
        page = LessonPage(slug=row.slug, **fields)
        topic.add_child(instance=page)
        outcome = "created"
    for key, value in fields.items():
        setattr(page, key, value)
    page.segments = [segments[slug] for slug in wanted_segments]
    page.citations = [LessonCitation(**citation) for citation in row.citations]
    page.save_revision(user=user).publish(user=user)
    return outcome


def lessons_import(*, folder: Path = SEED_DIR, dry_run: bool = False) -> ImportResult[Problem]:
    """Import every lesson file in `folder`; if any file has a problem, nothing is written."""
    rows, problems = lessons_parse(folder)
    result = ImportResult[Problem](problems=problems)
    if problems or dry_run:
        return result
    with transaction.atomic():
        segments = segments_ensure()
        index = lesson_index_ensure()
        topics = {topic.slug: topic for topic in TopicPage.objects.child_of(index)}
        for row in rows:
            outcome = lesson_save(row=row, topic=topics[row.topic], segments=segments)
            setattr(result, outcome, getattr(result, outcome) + 1)
    return result


@transaction.atomic
def official_approval_record(*, page: Page, revision: Revision, user: Any) -> OfficialApproval:
    """Record that a reviewer approved `revision` of `page`; called when the review workflow approves it."""
    if revision.object_id != str(page.pk):
        raise ValidationError(_("Phiên bản không thuộc trang này."), code="revision_mismatch")
    approval, _created = OfficialApproval.objects.get_or_create(
        page=page, revision=revision, defaults={"approved_by": user, "approved_at": timezone.now()}
    )
    return approval


def help_contact_save(
    *, title: str, kind: str, value: str, note: str = "", sort_order: int = 0, is_demo: bool = False
) -> HelpContact:
    """Create or update the contact of that name (re-running the demo changes nothing an editor has not)."""
    title, value = clean_line(title), clean_line(value)
    if not title or not value:
        raise ValidationError(_("Cần ghi tên nơi liên hệ và số, đường dẫn hoặc địa chỉ."), code="contact_empty")
    if kind not in HelpContact.Kind.values:
        raise ValidationError(_("Cách liên hệ không hợp lệ."), code="contact_kind_invalid")
    contact, _created = HelpContact.objects.update_or_create(
        title=title,
        defaults={"kind": kind, "value": value, "note": clean_line(note), "sort_order": sort_order, "is_demo": is_demo},
    )
    return contact
