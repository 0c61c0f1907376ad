"""Rate limits on every anonymous write, counted in the shared cache (Redis in production) per network address.

The address is `core.clients.client_address` (so a forged `X-Forwarded-For` does not rotate it) and is used only
hashed: a bucket is named `HMAC(SECRET_KEY, scope + target + window number + address)` and expires with its window,
so a bucket name says nothing about anyone once the window is over. Pages that strip the address before any view
runs (voice.privacy) call `network_remember` first. Limits are generous because a whole factory may share one
address; `RATE_LIMITS` in the settings overrides any of them (`{"report": (30, 600)}`).
"""

import functools
from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _

from lantoa.core.clients import client_address

# scope: (requests per address, window in seconds)
LIMITS: dict[str, tuple[int, int]] = {
    "report": (30, 600),  # anonymous reports, web form and API
    "follow": (30, 600),  # receipt lookups and worker replies (reports, rumour claims, adviser questions)
    "claim": (30, 600),  # rumour claims
    "question": (20, 600),  # questions to the legal advisers (a person reads each one)
    "survey": (20, 3600),  # answer sheets, per survey: one address cannot stuff a survey
    "quiz": (60, 600),  # lesson quiz answers, per lesson
    "contest": (30, 600),  # contest starts and papers, per contest
    "checkin": (30, 600),  # event check-ins, per event
}
_NETWORK_ATTR = "_rate_network"


def _digest(purpose: str, value: str) -> str:
    return salted_hmac(f"lantoa.ratelimit.{purpose}", value, algorithm="sha256").hexdigest()


def limit_of(scope: str) -> tuple[int, int]:
    return getattr(settings, "RATE_LIMITS", {}).get(scope) or LIMITS[scope]


def network_remember(request: HttpRequest) -> None:
    """Keep a keyed hash of the address on the request, for pages that strip the address itself afterwards."""
    setattr(request, _NETWORK_ATTR, _digest("network", client_address(request)))


def _network(request: HttpRequest) -> str:
    return getattr(request, _NETWORK_ATTR, "") or _digest("network", client_address(request))


def bucket_key(request: HttpRequest, scope: str, *, target: str = "") -> str:
    _limit, seconds = limit_of(scope)
    window = int(timezone.now().timestamp()) // seconds
    return "rate:" + _digest(f"{scope}:{target}:{window}", _network(request))[:32]


def exceeded(request: HttpRequest, scope: str, *, target: str = "") -> bool:
    """Count this request in its bucket; True once the address is over `scope`'s limit (for `target`)."""
    limit, seconds = limit_of(scope)
    key = bucket_key(request, scope, target=target)
    cache.add(key, 0, timeout=seconds)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=seconds)
        count = 1
    return count > limit


def too_many(request: HttpRequest, scope: str) -> HttpResponse:
    """The Vietnamese 429, JSON under /api/, else a page that says the typed text is still there; `Retry-After`
    says when the window ends."""
    response: HttpResponse
    if request.path.startswith("/api/"):
        detail = _("Từ mạng này vừa có nhiều lượt gửi. Hãy đợi một lúc rồi thử lại.")
        response = JsonResponse({"detail": detail, "code": "rate_limited"}, status=429)
    else:
        response = render(request, "core/too_many.html", status=429)
    _limit, seconds = limit_of(scope)
    response["Retry-After"] = str(seconds - int(timezone.now().timestamp()) % seconds)
    return response


def rate_limited(scope: str, *, target: str = "") -> Callable:
    """View decorator: a POST over `scope`'s limit gets `too_many`; `target` names the URL argument keyed in too."""

    def decorate(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @functools.wraps(view)
        def wrapped(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
            aim = str(kwargs.get(target, "")) if target else ""
            if request.method == "POST" and exceeded(request, scope, target=aim):
                return too_many(request, scope)
            return view(request, *args, **kwargs)

        return wrapped

    return decorate
