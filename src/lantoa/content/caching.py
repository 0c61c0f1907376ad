"""Anonymous lesson views are answered from memory before Django does its work.

A lesson page is the same for every anonymous reader (nothing about the reader is in it: the enterprise badge is
left out of these pages), so one copy serves everyone. The middleware sits before the session, CSRF,
authentication and message layers; a request that carries a session cookie (an official, an editor) or a query
string goes the normal way. Each process keeps the copies it served in a small LRU, and the shared cache keeps
them for the other processes.

A copy remembers the content generation it was rendered in. Publishing, unpublishing, moving or deleting any page
bumps the generation in the shared cache; each process reads it at most every CONTENT_GENERATION_CHECK_SECONDS,
so a new publication is served at once by the process that published it and within seconds by every other one,
with no database query on a hit.
"""

import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from typing import Any, TypedDict, cast

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from wagtail.models import Page

from lantoa.content.signals import page_viewed

CACHED_PREFIX = "/bai-hoc/"
GENERATION_KEY = "content:generation"
LOCAL_COPIES = 256

_lock = threading.Lock()
Copy = tuple[int, int, str, bytes]  # (generation, page id, topic, html)
_copies: OrderedDict[str, tuple[Copy, float]] = OrderedDict()  # path → (copy, monotonic time it expires)


class _Generation(TypedDict):
    value: int
    read_at: float  # monotonic time


_generation: _Generation = {"value": 0, "read_at": float("-inf")}


def _cacheable(request: HttpRequest) -> bool:
    return (
        request.method == "GET"
        and not request.GET
        and request.path.startswith(CACHED_PREFIX)
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
    )


def _key(path: str) -> str:
    return f"content:html:{path}"


def generation() -> int:
    """The content generation, read from the shared cache at most every CONTENT_GENERATION_CHECK_SECONDS."""
    now = time.monotonic()
    if now - _generation["read_at"] >= settings.CONTENT_GENERATION_CHECK_SECONDS:
        # a new value whenever the shared cache starts empty: copies kept in memory from before never match it
        # never None: the default is a callable, stored and returned when the key is missing
        value = cast(int, cache.get_or_set(GENERATION_KEY, time.time_ns, timeout=None))
        _generation.update({"value": value, "read_at": now})
    return int(_generation["value"])


def generation_bump(**kwargs: Any) -> None:
    """A page was published, unpublished, moved or deleted: every cached copy is stale from now on."""
    try:
        value = cache.incr(GENERATION_KEY)
    except ValueError:  # not in the cache (emptied): a new value differs from every copy's generation
        value = time.time_ns()
        cache.set(GENERATION_KEY, value, timeout=None)
    _generation.update({"value": value, "read_at": time.monotonic()})


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
        if _cacheable(request) and (hit := _copy_get(request.path, generation())) is not None:
            page_id, topic, html = hit
            page_viewed.send(sender=Page, page_id=page_id, topic=topic, request=request)
            return _finish(HttpResponse(html, content_type="text/html; charset=utf-8"))
        return self.get_response(request)


def serve_cached(page: Any, request: HttpRequest, serve: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """Serve a worker page through Wagtail and keep the HTML for the middleware above."""
    page_viewed.send(sender=Page, page_id=page.pk, topic=page.topic_slug, request=request)
    current = generation()
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
