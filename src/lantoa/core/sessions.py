"""How long an office session lasts: short for whoever reads what workers sent anonymously, the default otherwise."""

import time
from collections.abc import Callable

from django.conf import settings
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse

from lantoa.orgs import access

STARTED_KEY = "lt_session_started"
SEEN_KEY = "lt_session_seen"
# Refresh the last-seen time at most this often, so a reading session is not rewritten on every click.
SEEN_RESOLUTION_SECONDS = 60


# What a stolen session would expose: workers' anonymous reports, the rumour desk's anonymous claims, the
# legal questions workers send in.
READER_ACTIONS = ("voice.view_case", "opinion.view_claims", "legal.view_questions")


def needs_short_session(user: object) -> bool:
    """Whoever reads what workers sent without their name gets the short session."""
    return any(access.can(user, action) for action in READER_ACTIONS)


def session_clock_start(*, sender: object, request: HttpRequest, user: object, **kwargs: object) -> None:
    """Start the clocks at login (the login POST writes the session anyway), so reading pages later writes nothing."""
    now = int(time.time())
    request.session[STARTED_KEY] = now
    request.session[SEEN_KEY] = now


class ReportReaderSessionMiddleware:
    """Ends the session of a report reader after SESSION_READER_MAX_SECONDS in all or SESSION_READER_IDLE_SECONDS idle."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.user.is_authenticated and needs_short_session(request.user):
            self._enforce(request)
        return self.get_response(request)

    def _enforce(self, request: HttpRequest) -> None:
        session = request.session
        now = int(time.time())
        started = session.get(STARTED_KEY, now)
        seen = session.get(SEEN_KEY, now)
        if now - started > settings.SESSION_READER_MAX_SECONDS or now - seen > settings.SESSION_READER_IDLE_SECONDS:
            logout(request)
            return
        if STARTED_KEY not in session or now - seen >= SEEN_RESOLUTION_SECONDS:
            session[STARTED_KEY] = started
            session[SEEN_KEY] = now
            session.set_expiry(settings.SESSION_READER_IDLE_SECONDS)
