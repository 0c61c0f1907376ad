from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils.functional import SimpleLazyObject

from lantoa.orgs.selectors import enterprise_for_worker_context

WORKER_CONTEXT_COOKIE = "lt_dn"


class WorkerContextMiddleware:
    """Attach the enterprise a worker arrived from (`/e/<code>`), kept in a cookie: no account, no personal data."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        code = request.COOKIES.get(WORKER_CONTEXT_COOKIE, "")
        request.worker_enterprise = SimpleLazyObject(lambda: enterprise_for_worker_context(code=code))
        return self.get_response(request)
