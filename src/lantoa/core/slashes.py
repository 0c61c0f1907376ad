"""APPEND_SLASH for every method: a form posted to a path without its trailing slash is sent on, body and all.

Django redirects such a request with a 301, which browsers follow with a GET (the form's content is lost), and with
DEBUG on it raises a RuntimeError instead, a 500. A 308 keeps the method and the body, so the post reaches its view,
which checks its CSRF token as usual.
"""

from django.http import HttpRequest, HttpResponseBase, HttpResponsePermanentRedirect
from django.middleware import common
from django.utils.http import escape_leading_slashes

SAFE_METHODS = ("GET", "HEAD")


class PermanentRedirectKeepingMethod(HttpResponsePermanentRedirect):
    status_code = 308


class CommonMiddleware(common.CommonMiddleware):
    def process_response(self, request: HttpRequest, response: HttpResponseBase) -> HttpResponseBase:
        if (
            request.method not in SAFE_METHODS
            and response.status_code == 404
            and self.should_redirect_with_slash(request)
        ):
            return PermanentRedirectKeepingMethod(
                escape_leading_slashes(request.get_full_path(force_append_slash=True))
            )
        return super().process_response(request, response)
