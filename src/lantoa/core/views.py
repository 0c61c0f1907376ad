import logging

from django.core.cache import cache, caches
from django.db import DatabaseError, connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.urls import NoReverseMatch, reverse
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST
from redis.exceptions import RedisError

from lantoa.core import metrics, registry, selectors

logger = logging.getLogger(__name__)


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
    context = {
        "tiles": worker_tiles(),
        "items": worker_home_items(request),
        "device_parts": [name for _config, names in registry.declared("worker_home_templates") for name in names],
    }
    return render(request, "core/home.html", context)


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
    cache_status = _cache_status()
    return JsonResponse(
        {
            "status": cache_status["status"],
            "database": {"status": "ok", "vendor": connection.vendor},
            "cache": cache_status,
            "tasks": selectors.task_backlog(),
            **registry.health_reports(),
        },
        status=200 if cache_status["status"] == "ok" else 503,
    )


def _cache_status() -> dict[str, str]:
    backend = type(caches["default"]).__name__
    try:
        cache.set("core:healthz", "ok", timeout=10)
        answered = cache.get("core:healthz") == "ok"
    except (RedisError, OSError) as error:
        return {"status": "error", "backend": backend, "error": type(error).__name__}
    return {"status": "ok" if answered else "error", "backend": backend}


@never_cache
@require_GET
def metrics_view(request: HttpRequest) -> HttpResponse:
    """Prometheus scrapes this with METRICS_TOKEN or from METRICS_ALLOWED_ADDRESSES; anyone else gets a 404."""
    if not metrics.allowed(request):
        return page_not_found(request)
    return HttpResponse(metrics.exposition(), content_type=metrics.CONTENT_TYPE)


CSRF_FAILED = _("Yêu cầu thiếu mã bảo vệ của trang (cookie CSRF). Hãy tải lại trang rồi gửi lại.")


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """A form sent without its security cookie (often a phone that blocks cookies): say so in plain words."""
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": str(CSRF_FAILED), "code": "csrf_failed"}, status=403)
    return render(request, "core/csrf_failure.html", status=403)


ERROR_DETAILS = {
    400: ("bad_request", _("Yêu cầu không hợp lệ.")),
    403: ("forbidden", _("Bạn không có quyền xem nội dung này.")),
    404: ("not_found", _("Không tìm thấy địa chỉ này.")),
    500: ("server_error", _("Hệ thống đang gặp lỗi. Vui lòng thử lại sau ít phút.")),
}


def _error_response(request: HttpRequest, status: int, *, message: str = "") -> HttpResponse:
    """An API caller gets JSON; a person gets a page in the worker's or the office's layout."""
    code, detail = ERROR_DETAILS[status]
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": str(detail), "code": code}, status=status)
    base = "core/office_base.html" if request.path.startswith("/office/") else "core/base.html"
    context = {"base_template": base, "detail": detail, "message": message}
    if status == 500:
        # No context processors: whatever failed (often the database) must not break the error page too.
        return HttpResponse(loader.render_to_string("500.html", context), status=500)
    return render(request, f"{status}.html", context, status=status)


def bad_request(request: HttpRequest, exception: Exception) -> HttpResponse:
    return _error_response(request, 400)


def invalid_input(request: HttpRequest, *, message: str) -> HttpResponse:
    """The 400 page for a link whose query a form refused (a mistyped date): `message` says what to fix."""
    return _error_response(request, 400, message=message)


def permission_denied(request: HttpRequest, exception: Exception) -> HttpResponse:
    return _error_response(request, 403)


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _error_response(request, 404)


@csrf_exempt
def api_not_found(request: HttpRequest) -> HttpResponse:
    """Any path under /api/ that no route serves, whatever the method: the API's JSON 404.

    CSRF-exempt like the API itself (its writes carry no cookie), so a POST gets this 404 and not the form page's 403.
    """
    return _error_response(request, 404)


def server_error(request: HttpRequest) -> HttpResponse:
    return _error_response(request, 500)


CSP_COUNT_KEY = "core:csp-violations"


@csrf_exempt
@require_POST
def csp_report(request: HttpRequest) -> HttpResponse:
    """A browser reports a blocked resource: count it, and log only the count (the report may carry a receipt URL)."""
    cache.add(CSP_COUNT_KEY, 0, timeout=None)
    count = cache.incr(CSP_COUNT_KEY)
    logger.warning("Content-Security-Policy violation reported (%d so far).", count)
    return HttpResponse(status=204)
