"""The request a view gets behind django-htmx's middleware, typed: `request.htmx` says whether HTMX sent it."""

from typing import TYPE_CHECKING

from django.http import HttpRequest
from django_htmx.middleware import HtmxDetails

if TYPE_CHECKING:
    from lantoa.orgs.models import User


class HtmxHttpRequest(HttpRequest):
    htmx: HtmxDetails


class OfficeHttpRequest(HtmxHttpRequest):
    """A back-office request behind `login_required`: `request.user` is a signed-in account, never anonymous."""

    user: "User"
