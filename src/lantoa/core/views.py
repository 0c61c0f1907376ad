from django.db import DatabaseError, connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import NoReverseMatch, reverse
from django.utils.module_loading import import_string
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from lantoa.core import registry, selectors


def worker_tiles() -> list[dict[str, str]]:
    """Entries for the worker home, declared by apps (see core.registry)."""
    tiles = []
    for _config, declared in registry.declared("worker_tile"):
        for tile in declared if isinstance(declared, list | tuple) else (declared,):
            try:
                url = reverse(tile["url_name"])
            except NoReverseMatch:
                continue
            tiles.append(
                {"title": str(tile["title"]), "text": str(tile["text"]), "url": url, "order": tile.get("order", 50)}
            )
    return sorted(tiles, key=lambda tile: tile["order"])


def worker_home_items(request: HttpRequest) -> list[dict[str, str]]:
    """Cards for this worker on the home page (open surveys of their enterprise, where to get help), from apps."""
    enterprise = getattr(request, "worker_enterprise", None) or None
    return [
        item
        for _config, path in registry.declared("worker_home_items")
        for item in import_string(path)(enterprise=enterprise)
    ]


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    return render(request, "core/home.html", {"tiles": worker_tiles(), "items": worker_home_items(request)})


@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as error:
        return JsonResponse(
            {"status": "error", "database": {"status": "error", "error": type(error).__name__}}, status=503
        )
    return JsonResponse(
        {
            "status": "ok",
            "database": {"status": "ok", "vendor": connection.vendor},
            "tasks": selectors.task_backlog(),
        }
    )


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """A form sent without its security cookie (often a phone that blocks cookies): say so in plain words."""
    return render(request, "core/csrf_failure.html", status=403)
