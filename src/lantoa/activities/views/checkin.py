"""The worker's check-in page: tiny, no JavaScript, works on a cheap phone."""

from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_http_methods

from lantoa.activities.models import Event
from lantoa.activities.services import checkin as services
from lantoa.core.ratelimit import rate_limited
from lantoa.orgs.middleware import WorkerHttpRequest

DEVICE_COOKIE = "lt_thietbi"
DEVICE_COOKIE_MAX_AGE = 2 * 365 * 24 * 3600


@require_http_methods(["GET", "POST"])
@rate_limited("checkin", target="pk")
def checkin(request: WorkerHttpRequest, pk: int, code: str) -> HttpResponse:
    event = get_object_or_404(Event.objects.select_related("unit", "enterprise__unit"), pk=pk)
    device_token = request.COOKIES.get(DEVICE_COOKIE, "")
    context = {"event": event, "code": code, "result": None, "error": None}
    if request.method == "POST":
        try:
            context["result"] = services.checkin_record(
                event=event,
                code=code,
                device_token=device_token,
                user=request.user,
                enterprise=request.worker_enterprise or None,
            )
        except ValidationError as error:
            context["error"] = error
    else:
        context["error"] = services.checkin_problem(event=event, code=code)
    response = render(request, "activities/checkin.html", context, status=400 if context["error"] else 200)
    if not device_token:
        # A random token, not a fingerprint: it only lets this phone be counted once per event.
        response.set_cookie(
            DEVICE_COOKIE,
            services.device_token_new(),
            max_age=DEVICE_COOKIE_MAX_AGE,
            samesite="Lax",
            httponly=True,
        )
    response["Cache-Control"] = "no-store"
    return response
