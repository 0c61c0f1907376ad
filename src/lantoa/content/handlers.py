"""Reactions to Wagtail's editorial events (kept thin: each calls one service)."""

from typing import Any

from lantoa.content import files, services
from lantoa.content.models import LessonPage, WorkerPage
from lantoa.core import public_files


def record_official_approval(sender: type, instance: Any, user: Any = None, **kwargs: Any) -> None:
    """A review workflow finished with approval: the approved revision carries the "official information" mark."""
    page = instance.content_object
    if not isinstance(getattr(page, "specific", page), WorkerPage):
        return
    revision = page.get_latest_revision()
    if revision is not None:
        services.official_approval_record(page=page, revision=revision, user=user)


def sync_editorial_groups(sender: type, request: Any, user: Any, **kwargs: Any) -> None:
    """At each login, the Wagtail groups follow the person's current editor/reviewer roles."""
    from lantoa.content import editorial

    editorial.editorial_groups_sync(user=user)


def lesson_files_refresh(sender: type, instance: Any, **kwargs: Any) -> None:
    """A lesson was published (a new revision) or unpublished: the worker builds its files, or deletes them."""
    if isinstance(instance, LessonPage):
        public_files.files_build_later(source=files.SOURCE, pk=instance.pk)
