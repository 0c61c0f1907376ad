from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from lantoa.reach.handlers import DEVICE_COOKIE, REACHED_COOKIE

DEVICE_COOKIE_MAX_AGE = 400 * 24 * 3600
REACHED_COOKIE_MAX_AGE = 92 * 24 * 3600  # a quarter at most; the mark changes with the quarter anyway


class ReachDeviceMiddleware:
    """Give a device a random id the first time it reads something in an enterprise context (no personal data)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        device_id = getattr(request, "reach_new_device_id", "")
        if device_id:
            response.set_cookie(DEVICE_COOKIE, device_id, max_age=DEVICE_COOKIE_MAX_AGE, samesite="Lax", httponly=True)
        mark = getattr(request, "reach_mark", "")
        if mark:
            response.set_cookie(REACHED_COOKIE, mark, max_age=REACHED_COOKIE_MAX_AGE, samesite="Lax", httponly=True)
        return response
