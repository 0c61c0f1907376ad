"""Reads for worker pages and the editorial screens."""

import hashlib
from collections import Counter

from django.db.models import Q
from django.http import Http404
from django.templatetags.static import static
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from wagtail.models import Page

from lantoa.content.caching import content_generation
from lantoa.content.models import HelpContact, LessonCitation, LessonIndexPage, LessonPage, TopicPage
from lantoa.core.registry import declared
from lantoa.orgs.models import Enterprise


def topic_list_with_counts(*, index: LessonIndexPage) -> list[TopicPage]:
    """Live topics, each with `lesson_count` of its live lessons (two queries, whatever the number of topics)."""
    topics = list(TopicPage.objects.child_of(index).live().public().order_by("path"))
    parent_paths = Counter(
        path[: -Page.steplen] for path in LessonPage.objects.live().public().values_list("path", flat=True)
    )
    for topic in topics:
        topic.lesson_count = parent_paths[topic.path]
    return topics


def topic_children(*, topic: TopicPage) -> list[Page]:
    return list(topic.get_children().live().public().specific().order_by("path"))


def lesson_get_live_or_404(*, page_id: int) -> LessonPage:
    lesson = LessonPage.objects.live().public().filter(pk=page_id).first()
    if lesson is None:
        raise Http404
    return lesson


def lesson_index_live() -> LessonIndexPage | None:
    return LessonIndexPage.objects.live().public().first()


def worker_page_get_live(*, page_id: int) -> Page:
    """A live, public page of the site (any type) or 404: its address is public anyway."""
    page = Page.objects.live().public().filter(pk=page_id, depth__gt=1).first()
    if page is None:
        raise Http404
    return page


def offline_static_urls() -> list[str]:
    """The static files the offline worker pages need, as apps declare them (core.registry `offline_static`)."""
    return list(dict.fromkeys(static(path) for _config, paths in declared("offline_static") for path in paths))


def offline_pages() -> list[tuple[str, str | None]]:
    """(address, label) of the worker pages a phone keeps after one visit, the home page first."""
    pages: list[tuple[str, str | None]] = [(reverse("core:home"), _("Trang chủ"))]
    for _config, declared_pages in declared("offline_pages"):
        for url_name, label in declared_pages:
            try:
                pages.append((reverse(url_name), label))
            except NoReverseMatch:
                continue
    return pages


def offline_version(urls: list[str]) -> str:
    """Changes whenever a hashed static file name or a kept page changes, so phones drop the old copies."""
    return hashlib.sha256("|".join(urls).encode()).hexdigest()[:10]


def topic_get_live(*, topic_id: int) -> TopicPage:
    topic = TopicPage.objects.live().public().filter(pk=topic_id).first()
    if topic is None:
        raise Http404
    return topic


def topic_pack_urls(*, topic: TopicPage) -> list[str]:
    """The topic page, its live lessons and their quizzes, and the static files they need."""
    lessons = list(LessonPage.objects.child_of(topic).live().public().order_by("path"))
    urls = [topic.url, *(lesson.url for lesson in lessons)]
    for lesson in lessons:
        try:
            urls.append(reverse("learning:quiz", args=[lesson.pk]))
        except NoReverseMatch:  # the quiz app is not installed
            break
    return [*urls, *offline_static_urls()]


Lessons = list[tuple[str, str]]  # (title, url)
_lessons: dict[int, dict[tuple[str, str], Lessons]] = {}  # content generation → lessons per key (the latest only)
MAX_KEPT_KEYS = 20_000


def lessons_explaining(keys: list[tuple[str, str]]) -> dict[tuple[str, str], Lessons]:
    """Live lessons citing each (doc_number, article) key, as (title, url), in one query for the keys not asked
    before: kept in the process until any page is published, unpublished, moved or deleted (the content generation;
    a lesson's citations, title and address change only by publishing it)."""
    current = content_generation.current()
    kept = _lessons.get(current)
    if kept is None or len(kept) > MAX_KEPT_KEYS:
        kept = {}
        _lessons.clear()
        _lessons[current] = kept
    missing = [key for key in dict.fromkeys(keys) if key not in kept]
    if missing:
        found = _lessons_read(missing)
        kept.update({key: found.get(key, []) for key in missing})
    return {key: list(kept[key]) for key in dict.fromkeys(keys) if kept[key]}


def _lessons_read(keys: list[tuple[str, str]]) -> dict[tuple[str, str], Lessons]:
    wanted = set(keys)
    lookup = Q(pk__in=[])
    for doc_number, article in wanted:
        lookup |= Q(doc_number=doc_number, article=article)
    citations = LessonCitation.objects.filter(lookup, page__live=True).select_related("page")
    found: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for citation in citations:
        key = (citation.doc_number, citation.article)
        lesson = (citation.page.title, page_url(citation.page))
        if key in wanted and lesson not in found.setdefault(key, []):
            found[key].append(lesson)
    return found


_page_urls: dict[int, tuple[int, str]] = {}  # page id → (content generation, url)


def page_url(page: Page) -> str:
    """A page's URL, kept in the process until any page is published, moved or deleted (a page's `url` reads the
    sites' root paths from the cache each time: a round trip per lesson on every legal answer)."""
    current = content_generation.current()
    kept = _page_urls.get(page.pk)
    if kept is not None and kept[0] == current:
        return kept[1]
    url = page.url or ""
    _page_urls[page.pk] = (current, url)
    return url


def help_contact_list() -> list[HelpContact]:
    return list(HelpContact.objects.all())


def worker_home_items(*, enterprise: Enterprise | None) -> list[dict[str, str]]:
    """The home page's help card: the first places to call, linking to every contact."""
    contacts = help_contact_list()[:2]
    if not contacts:
        return []
    demo = " " + _("(minh họa, chưa phải số thật)")
    text = " · ".join(f"{contact.title}: {contact.value}{demo if contact.is_demo else ''}" for contact in contacts)
    return [{"title": _("Cần giúp đỡ? Liên hệ ngay"), "text": text, "url": reverse("content:help-contacts")}]
