"""Prometheus metrics for operators (`/metrics`, text exposition format 0.0.4), closed to the public.

Request counts live in the shared cache (Redis in production), so every gunicorn worker and host adds to one
counter and a scrape sees the site's total (each process adds its counts every few seconds); they restart from zero when Redis is emptied, which Prometheus'
`rate()` treats as a counter reset. Everything else is read from the database at scrape time.
Apps add row counts by a field through the registry (`metric_counts`, see core.registry).
"""

import atexit
import hmac
import ipaddress
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db.models import Count, Max, Model
from django.http import HttpRequest, HttpResponse
from django_tasks_db.models import DBTaskResult

import lantoa
from lantoa.core import selectors
from lantoa.core.clients import client_address
from lantoa.core.models import ScheduledRun
from lantoa.core.registry import declared

CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"
STATUS_CLASSES = ("1xx", "2xx", "3xx", "4xx", "5xx")
_REQUESTS_KEY = "metrics:http:{}"


METRICS_FLUSH_SECONDS = 5.0  # how long a process holds its request counts before adding them to the shared cache

_lock = threading.Lock()
_held: Counter[str] = Counter()
_held_since = {"at": 0.0}


def request_counted(status: int) -> None:
    """Count a response in this process; the counts reach the shared cache at most METRICS_FLUSH_SECONDS later
    (a cache write per request cost a third of a cached lesson view)."""
    now = time.monotonic()
    with _lock:
        if not _held:
            _held_since["at"] = now
        _held[f"{status // 100}xx"] += 1
        due = now - _held_since["at"] >= METRICS_FLUSH_SECONDS
    if due:
        flush()


def flush() -> None:
    """Add what this process counted to the shared counters (also at exit, so a restart loses nothing)."""
    with _lock:
        held = dict(_held)
        _held.clear()
    for status_class, count in held.items():
        key = _REQUESTS_KEY.format(status_class)
        if cache.add(key, count, timeout=None):
            continue
        try:
            cache.incr(key, count)
        except ValueError:  # evicted between add and incr
            cache.add(key, count, timeout=None)


atexit.register(flush)


class RequestCountMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        request_counted(response.status_code)
        return response


def allowed(request: HttpRequest) -> bool:
    """A bearer token equal to METRICS_TOKEN, or a client address inside METRICS_ALLOWED_ADDRESSES."""
    token = settings.METRICS_TOKEN
    offered = request.headers.get("Authorization", "")
    if token and hmac.compare_digest(offered.encode(), f"Bearer {token}".encode()):
        return True
    try:
        address = ipaddress.ip_address(client_address(request))
    except ValueError:
        return False
    return any(address in ipaddress.ip_network(entry, strict=False) for entry in settings.METRICS_ALLOWED_ADDRESSES)


def _label(value: object) -> str:
    return str(value).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")


def _family(
    name: str, kind: str, help_text: str, samples: Iterable[tuple[dict[str, object], float | None]]
) -> list[str]:
    lines = [f"# HELP {name} {help_text}", f"# TYPE {name} {kind}"]
    for labels, value in samples:
        rendered = ",".join(f'{key}="{_label(label)}"' for key, label in labels.items())
        number = f"{value or 0:g}"
        lines.append(f"{name}{{{rendered}}} {number}" if rendered else f"{name} {number}")
    return lines


def _counts_by(model: type[Model] | str, field: str) -> dict[str, int]:
    model_class = apps.get_model(model) if isinstance(model, str) else model
    rows = model_class._default_manager.order_by().values(field).annotate(n=Count("pk"))
    choices = getattr(model_class._meta.get_field(field), "choices", None) or ()
    counts = {str(choice): 0 for choice, _name in choices}
    counts.update({str(row[field]): row["n"] for row in rows})
    return counts


def exposition() -> str:
    flush()
    requests = cache.get_many([_REQUESTS_KEY.format(status) for status in STATUS_CLASSES])
    backlog = selectors.task_backlog()
    lines = _family("lantoa_info", "gauge", "Version of the running code.", [({"version": lantoa.__version__}, 1)])
    lines += _family(
        "lantoa_http_requests_total",
        "counter",
        "Responses by status class, all app servers together (since the cache was last emptied).",
        [({"class": status}, requests.get(_REQUESTS_KEY.format(status), 0)) for status in STATUS_CLASSES],
    )
    lines += _family(
        "lantoa_tasks_pending", "gauge", "Jobs queued and due, waiting for a worker.", [({}, backlog["pending"])]
    )
    lines += _family(
        "lantoa_tasks_oldest_pending_age_seconds",
        "gauge",
        "How long the oldest pending job has waited (0 when none waits).",
        [({}, backlog["oldest_age_seconds"] or 0)],
    )
    lines += _family(
        "lantoa_tasks",
        "gauge",
        "Job results kept in the database, by status.",
        [({"status": status}, n) for status, n in _counts_by(DBTaskResult, "status").items()],
    )
    last_runs = ScheduledRun.objects.order_by().values("name").annotate(last=Max("enqueued_at"))
    lines += _family(
        "lantoa_timer_last_enqueued_timestamp_seconds",
        "gauge",
        "When the scheduler last enqueued each timer (alert when it falls behind its period).",
        [({"timer": row["name"]}, row["last"].timestamp()) for row in last_runs],
    )
    for _config, families in declared("metric_counts"):
        for name, help_text, model_label, field in families:
            counts = _counts_by(model_label, field)
            lines += _family(name, "gauge", help_text, [({field: value}, n) for value, n in counts.items()])
    return "\n".join(lines) + "\n"
