"""Anonymous lesson views come from the cache before Wagtail routes the request.

A cached entry remembers the page and the revision it was rendered from; one indexed query checks that this
revision is still the live one, so a new publication (or an unpublication) is served at once on every server.
"""

from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from wagtail.models import Page

from lantoa.content.signals import page_viewed
from lantoa.orgs.middleware import WORKER_CONTEXT_COOKIE

CACHED_PREFIX = "/bai-hoc/"


def _key(request: HttpRequest) -> str | None:
    if request.method != "GET" or request.GET or not request.path.startswith(CACHED_PREFIX):
        return None
    if request.user.is_authenticated:
        return None
    code = request.COOKIES.get(WORKER_CONTEXT_COOKIE, "")[:8]
    return f"content:html:{request.path}:{code}"


def _finish(response: HttpResponse) -> HttpResponse:
    response["Cache-Control"] = "public, max-age=300"
    response["Vary"] = "Cookie, Accept-Encoding"
    return response


class CachedPageMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        key = _key(request)
        entry = cache.get(key) if key else None
        if entry is not None:
            page_id, revision_id, topic, html = entry
            if Page.objects.filter(pk=page_id, live=True, live_revision_id=revision_id).exists():
                page_viewed.send(sender=Page, page_id=page_id, topic=topic, request=request)
                return _finish(HttpResponse(html, content_type="text/html; charset=utf-8"))
        return self.get_response(request)


def serve_cached(page: Any, request: HttpRequest, serve: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """Serve a worker page through Wagtail and keep the HTML for the middleware above."""
    page_viewed.send(sender=Page, page_id=page.pk, topic=page.topic_slug, request=request)
    response = serve(request, *args, **kwargs)
    key = _key(request)
    if key is None or getattr(request, "is_preview", False):
        return response
    if hasattr(response, "render"):
        response.render()
    if response.status_code == 200 and page.live_revision_id:
        entry = (page.pk, page.live_revision_id, page.topic_slug, response.content)
        cache.set(key, entry, settings.CONTENT_PAGE_CACHE_SECONDS)
    return _finish(response)
