"""Absolute addresses of the site, as a worker's phone must reach them (QR codes, shares, documents, mail)."""

from django.conf import settings
from django.http import HttpRequest
from django.utils.encoding import iri_to_uri
from wagtail.models import Page


def public_base_url(request: HttpRequest | None = None) -> str:
    """PUBLIC_BASE_URL when set (required in production); in the demo, the host the visitor used."""
    if settings.PUBLIC_BASE_URL:
        return settings.PUBLIC_BASE_URL
    if request is not None:
        return f"{request.scheme}://{request.get_host()}"
    return settings.WAGTAILADMIN_BASE_URL


def absolute_url(path: str, request: HttpRequest | None = None) -> str:
    """The public address of a site path ("/bai-hoc/…"), percent-encoded so that every phone's QR reader decodes it.

    Never a host name the server happens to know itself by (the Wagtail Site record says "localhost")."""
    return public_base_url(request) + iri_to_uri("/" + path.lstrip("/"))


def page_absolute_url(page: Page, request: HttpRequest | None = None) -> str:
    """A Wagtail page's public address: its path on the public site, not the Site record's host name."""
    _site_id, _root_url, path = page.get_url_parts(request)
    return absolute_url(path, request)
