"""Anonymous lesson views are served from the cache: the page only varies by the worker's enterprise context."""

from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse

from lantoa.content.signals import page_viewed
from lantoa.orgs.middleware import WORKER_CONTEXT_COOKIE


def cache_key(page: Any, request: HttpRequest) -> str | None:
    if request.method != "GET" or request.GET or request.user.is_authenticated or getattr(request, "is_preview", False):
        return None
    code = request.COOKIES.get(WORKER_CONTEXT_COOKIE, "")[:8]
    # the live revision is part of the key, so publishing a new version never serves the old one
    return f"content:page:{page.pk}:{page.live_revision_id}:{code}"


def serve_cached(page: Any, request: HttpRequest, serve: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    page_viewed.send(sender=type(page), page=page, request=request)
    key = cache_key(page, request)
    if key is None:
        return serve(request, *args, **kwargs)
    cached = cache.get(key)
    if cached is not None:
        response = HttpResponse(cached, content_type="text/html; charset=utf-8")
    else:
        response = serve(request, *args, **kwargs)
        if hasattr(response, "render"):
            response.render()
        if response.status_code == 200:
            cache.set(key, response.content, settings.CONTENT_PAGE_CACHE_SECONDS)
    response["Cache-Control"] = "public, max-age=300"
    response["Vary"] = "Cookie, Accept-Encoding"
    return response
