from collections.abc import Callable
from typing import cast

from django.http import HttpRequest, HttpResponse
from django.utils.functional import SimpleLazyObject

from lantoa.orgs.models import Enterprise
from lantoa.orgs.selectors import enterprise_for_worker_context

WORKER_CONTEXT_COOKIE = "lt_dn"


class WorkerHttpRequest(HttpRequest):
    """A request behind `WorkerContextMiddleware`: `worker_enterprise` is lazy, so test it (`or None`) to read it."""

    worker_enterprise: Enterprise | None


class WorkerContextMiddleware:
    """Attach the enterprise a worker arrived from (`/e/<code>`), kept in a cookie: no account, no personal data."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: WorkerHttpRequest) -> HttpResponse:
        code = request.COOKIES.get(WORKER_CONTEXT_COOKIE, "")
        # the lazy object stands for the enterprise (or None): looked up only if a page asks
        request.worker_enterprise = cast(
            Enterprise | None, SimpleLazyObject(lambda: enterprise_for_worker_context(code=code))
        )
        return self.get_response(request)
