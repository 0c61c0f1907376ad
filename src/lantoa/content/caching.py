"""Anonymous lesson views are answered from memory before Django does its work.

A lesson page is the same for every anonymous reader (nothing about the reader is in it: the enterprise badge is
left out of these pages), so one copy serves everyone. The middleware sits before the session, CSRF,
authentication and message layers; a request that carries a session cookie (an official, an editor) or a query
string goes the normal way. Each process keeps the copies it served in a small LRU, and the shared cache keeps
them for the other processes.

A copy remembers the content generation it was rendered in. Publishing, unpublishing, moving or deleting any page
bumps the content generation (`core.generations`): a new publication is served at once by the process that
published it and within seconds by every other one, with no database query on a hit.
"""

import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from wagtail.models import Page

from lantoa.content.signals import page_viewed
from lantoa.core.generations import Generation

CACHED_PREFIX = "/bai-hoc/"
LOCAL_COPIES = 256

_lock = threading.Lock()
Copy = tuple[int, int, str, bytes]  # (generation, page id, topic, html)
_copies: OrderedDict[str, tuple[Copy, float]] = OrderedDict()  # path → (copy, monotonic time it expires)


content_generation = Generation("content:generation")


def _cacheable(request: HttpRequest) -> bool:
    return (
        request.method == "GET"
        and not request.GET
        and request.path.startswith(CACHED_PREFIX)
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
    )


def _key(path: str) -> str:
    return f"content:html:{path}"


def _copy_get(path: str, current: int) -> tuple[int, str, bytes] | None:
    with _lock:
        kept = _copies.get(path)
        if kept is not None:
            _copies.move_to_end(path)
    entry = kept[0] if kept is not None and kept[1] > time.monotonic() else None
    if entry is None:
        entry = cache.get(_key(path))
        if entry is None:
            return None
        _copy_keep(path, entry)
    if entry[0] != current:
        return None
    return entry[1:]


def _copy_keep(path: str, entry: Copy) -> None:
    with _lock:
        _copies[path] = (entry, time.monotonic() + settings.CONTENT_PAGE_CACHE_SECONDS)
        _copies.move_to_end(path)
        while len(_copies) > LOCAL_COPIES:
            _copies.popitem(last=False)


def _finish(response: HttpResponse) -> HttpResponse:
    response["Cache-Control"] = "public, max-age=300"
    response["Vary"] = "Cookie, Accept-Encoding"
    return response


class CachedPageMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if _cacheable(request) and (hit := _copy_get(request.path, content_generation.current())) is not None:
            page_id, topic, html = hit
            page_viewed.send(sender=Page, page_id=page_id, topic=topic, request=request)
            return _finish(HttpResponse(html, content_type="text/html; charset=utf-8"))
        return self.get_response(request)


def serve_cached(page: Any, request: HttpRequest, serve: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """Serve a worker page through Wagtail and keep the HTML for the middleware above."""
    page_viewed.send(sender=Page, page_id=page.pk, topic=page.topic_slug, request=request)
    current = content_generation.current()
    response = serve(request, *args, **kwargs)
    if not _cacheable(request) or getattr(request, "is_preview", False):
        return response
    if hasattr(response, "render"):
        response.render()
    if response.status_code == 200:
        entry: Copy = (current, page.pk, page.topic_slug, response.content)
        _copy_keep(request.path, entry)
        cache.set(_key(request.path), entry, settings.CONTENT_PAGE_CACHE_SECONDS)
    return _finish(response)
