"""No IP address, user agent or device identifier is kept or logged for the voice channel.

`VoicePrivacyMiddleware` runs first: on voice URLs it keeps a keyed hash of the address on the request for the rate
limits (`core.ratelimit`, the only use of the address), then removes the address, forwarding headers and user agent from the request before any other code, log or error report sees them.
`VoicePrivacyLogFilter` drops the request object from log records about voice URLs, masks addresses in their text
and masks anything shaped like a receipt in every record (receipts travel in POST bodies, but a worker may paste one
anywhere, or type one into a URL), whatever follows a URL prefix an app declares as `receipt_paths`, and phone and
ID-card numbers (`core.logs.personal_numbers_masked`).
`PrivateJsonFormatter` and `PrivateTextFormatter` mask them once more in the whole written line (or, for JSON, in
each of its texts), so a traceback that quotes a path, or a logger call's `extra=` field, is covered too.
Reverse proxies and gunicorn's access log sit outside Django: docs/voice.md says how to switch them off for these URLs.
"""

import functools
import logging
import re
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from lantoa.core import ratelimit
from lantoa.core.logs import JsonFormatter, outside_uuids, personal_numbers_masked
from lantoa.core.registry import declared
from lantoa.voice.crypto import GROUP_SIZE, RECEIPT_ALPHABET, RECEIPT_GROUPS

VOICE_PREFIXES = ("/voice/", "/api/v1/voice/")
IDENTIFYING_META = (
    "REMOTE_ADDR",
    "REMOTE_HOST",
    "HTTP_USER_AGENT",
    "HTTP_X_FORWARDED_FOR",
    "HTTP_X_REAL_IP",
    "HTTP_FORWARDED",
    "HTTP_CF_CONNECTING_IP",
    "HTTP_TRUE_CLIENT_IP",
    "HTTP_X_CLIENT_IP",
    "HTTP_SEC_CH_UA",
    "HTTP_SEC_CH_UA_PLATFORM",
    "HTTP_SEC_CH_UA_MOBILE",
    "HTTP_SEC_CH_UA_MODEL",
    "HTTP_REFERER",
)
_ADDRESS = re.compile(r"\b(?:\d{1,3}\.){3}\d{1,3}\b|\b(?:[0-9a-fA-F]{1,4}:){2,7}[0-9a-fA-F]{0,4}\b")

# Any case and any of the separators `receipt_parse` forgives, so a receipt typed loosely is masked too.
_SIGN = f"[{RECEIPT_ALPHABET}{RECEIPT_ALPHABET.lower()}]"
_RECEIPT = re.compile(
    rf"(?<![0-9A-Za-z]){_SIGN}{{{GROUP_SIZE}}}(?:[-. ]?{_SIGN}{{{GROUP_SIZE}}}){{{RECEIPT_GROUPS - 1}}}(?![0-9A-Za-z])"
)


@functools.cache
def _receipt_in_path() -> re.Pattern[str] | None:
    """The path segment after a declared `receipt_paths` prefix: what was typed there, receipt-shaped or not (a
    receipt with one sign wrong is still most of a receipt). Up to the next slash, query, quote, line end or, in a
    server's request line, " HTTP/"."""
    prefixes = [prefix for _config, paths in declared("receipt_paths") for prefix in paths]
    if not prefixes:
        return None
    return re.compile(rf"(?P<prefix>{'|'.join(map(re.escape, prefixes))})(?:(?! HTTP/)[^/?#\"'\n])+")


def receipts_masked(text: str) -> str:
    """Anything shaped like a receipt, and whatever follows a declared receipt path, masked; task and request ids
    (UUIDs) kept whole."""
    masked = outside_uuids(text, lambda part: _RECEIPT.sub("[mã]", part))
    in_path = _receipt_in_path()
    return in_path.sub(r"\g<prefix>[mã]", masked) if in_path else masked


@functools.cache
def private_prefixes() -> tuple[str, ...]:
    """The voice URLs and those other apps declare as `anonymous_paths` (their worker pages with no account)."""
    return VOICE_PREFIXES + tuple(prefix for _config, paths in declared("anonymous_paths") for prefix in paths)


def is_voice_path(path: str) -> bool:
    return path.startswith(private_prefixes())


def strip_identifiers(request: HttpRequest) -> None:
    for name in IDENTIFYING_META:
        request.META.pop(name, None)
    # Django and libraries expect REMOTE_ADDR to exist; a documentation address says nothing about anyone.
    request.META["REMOTE_ADDR"] = "0.0.0.0"  # noqa: S104 - a placeholder, not a bind address


class VoicePrivacyMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not is_voice_path(request.path):
            return self.get_response(request)
        ratelimit.network_remember(request)
        strip_identifiers(request)
        response = self.get_response(request)
        # "no-referrer" makes browsers send Origin: null, failing CSRF; a view with no form may still ask for it.
        if response.get("Referrer-Policy") != "no-referrer":
            response["Referrer-Policy"] = "same-origin"
        response["Cache-Control"] = "no-store"
        return response


class VoicePrivacyLogFilter:
    """Keeps receipts out of every log record, and records about voice URLs free of the request and of addresses."""

    def filter(self, record: logging.LogRecord) -> bool:
        request = getattr(record, "request", None)  # set by Django's request logging through `extra`
        path = getattr(request, "path", "") or ""
        message = record.getMessage()
        mentions_voice = is_voice_path(path) or any(prefix in message for prefix in private_prefixes())
        if mentions_voice:
            if request is not None:
                record.request = None
            message = _ADDRESS.sub("[…]", message)
        masked = receipts_masked(personal_numbers_masked(message))
        if masked != message:
            # The request's path may carry the same text: a handler that reads it (a mail, an error tracker) must not.
            record.request = None
        if mentions_voice or masked != message:
            record.msg = masked
            record.args = ()
        return True


class PrivateTextFormatter(logging.Formatter):
    """The whole formatted line, traceback included, with receipts, phone and ID-card numbers masked."""

    def format(self, record: logging.LogRecord) -> str:
        return receipts_masked(personal_numbers_masked(super().format(record)))


class PrivateJsonFormatter(PrivateTextFormatter, JsonFormatter):
    """`core.logs.JsonFormatter`'s line (phone and ID numbers masked in each text, extra fields included), with
    receipts masked in the whole line. Numbers are not masked in the whole line: a JSON number would become text."""

    def format(self, record: logging.LogRecord) -> str:
        return receipts_masked(JsonFormatter.format(self, record))
