"""Reads for worker pages and the editorial screens."""

from collections import Counter
from typing import Any

from django.http import Http404
from wagtail.models import Page

from lantoa.content.models import LessonIndexPage, LessonPage, TopicPage


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


def lesson_list_live() -> list[LessonPage]:
    return list(LessonPage.objects.live().public().order_by("path"))


def lesson_get_live(*, page_id: int) -> LessonPage | None:
    return LessonPage.objects.live().public().filter(pk=page_id).select_related().first()


def lesson_index_live() -> LessonIndexPage | None:
    return LessonIndexPage.objects.live().public().first()


def worker_page_get_live(*, page_id: int) -> Page:
    """A live, public page of the site (any type) or 404: its address is public anyway."""
    page = Page.objects.live().public().filter(pk=page_id, depth__gt=1).first()
    if page is None:
        raise Http404
    return page


def lesson_neighbours(*, lesson: LessonPage) -> dict[str, Any]:
    siblings = list(lesson.get_siblings(inclusive=False).live().public().type(LessonPage).order_by("path")[:3])
    return {"more": siblings}
