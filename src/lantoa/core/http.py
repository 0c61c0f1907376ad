"""The request a view gets behind django-htmx's middleware, typed: `request.htmx` says whether HTMX sent it."""

from django.http import HttpRequest
from django_htmx.middleware import HtmxDetails


class HtmxHttpRequest(HttpRequest):
    htmx: HtmxDetails
