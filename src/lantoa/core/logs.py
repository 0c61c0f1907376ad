"""Structured logs: one JSON object per line (time, level, logger, message, request id), and the request id itself.

`RequestIdMiddleware` gives every request an id (a proxy's `X-Request-ID` if it looks like one, else a new one),
returns it in the `X-Request-ID` response header and puts it on every log record written while the request runs,
so an operator can find all the lines of one failing request. The formatter writes the fields named here and a
logger call's `extra=` fields of plain values (text, numbers, and lists and dicts of them): never an object such as
the request, so no address or user agent reaches a line. An extra field named like a secret (a password, token,
phone number, receipt, code…) is written as "[…]" whatever its value. Phone and ID-card numbers are masked in the
message, the text of extra fields and the traceback alike (`personal_numbers_masked`); voice.privacy then masks
receipts in the written line as a whole.
"""

import contextvars
import datetime as dt
import json
import logging
import re
import uuid
from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, HttpResponse

HEADER = "X-Request-ID"
_current: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default="")
_ACCEPTED = re.compile(r"[A-Za-z0-9._-]{8,64}")


def current_request_id() -> str:
    return _current.get()


class RequestIdMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        offered = request.headers.get(HEADER, "")
        request_id = offered if _ACCEPTED.fullmatch(offered) else uuid.uuid4().hex
        # Not reset on the way out: Django logs an error response ("Not Found: …") after the middleware returns.
        # The next request in this thread sets its own id first.
        _current.set(request_id)
        response = self.get_response(request)
        response[HEADER] = request_id
        return response


class RequestIdFilter(logging.Filter):
    """Adds `request_id` to every record (empty outside a request: commands, the worker, the scheduler)."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = _current.get()
        return True


# A task or request id: digit groups a phone, ID or receipt shape would match by chance, and an operator needs them.
_UUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
# A Vietnamese phone number (0, 84 or +84, then 9-10 digits, spaced, dotted or dashed) or an ID-card number
# (CCCD: 12 digits, CMND: 9): standing alone, not inside a longer word or number.
_PERSONAL_NUMBER = re.compile(
    r"(?<![0-9A-Za-z+])(?:(?:\+?84)|0)(?:[ .-]?\d){9,10}(?![0-9A-Za-z])|(?<![0-9A-Za-z.,])(?:\d{12}|\d{9})(?![0-9A-Za-z])"
)


def outside_uuids(text: str, mask: Callable[[str], str]) -> str:
    """`mask` applied to the text between the UUIDs in it, which stay whole."""
    kept, start = [], 0
    for uuid_found in _UUID.finditer(text):
        kept += [mask(text[start : uuid_found.start()]), uuid_found.group()]
        start = uuid_found.end()
    return "".join([*kept, mask(text[start:])])


def personal_numbers_masked(text: str) -> str:
    return outside_uuids(text, lambda part: _PERSONAL_NUMBER.sub("[số]", part))


# What every record carries, or Django and this module put on it: never written as an extra field.
_RECORD_FIELDS = frozenset(logging.LogRecord("", 0, "", 0, "", (), None).__dict__) | {
    "message",
    "asctime",
    "request",
    "request_id",
    "taskName",
}
SECRET_MASK = "[…]"  # noqa: S105 - the mask, not a password
# Parts of a field name (split at "_", "-" and case changes) that say its value is secret or identifies a person.
_SECRET_WORDS = frozenset(
    [
        "password",
        "passwd",
        "pwd",
        "pass",
        "secret",
        "token",
        "otp",
        "pin",
        "code",
        "receipt",
        "phone",
        "tel",
        "mobile",
        "msisdn",
        "cccd",
        "cmnd",
        "passport",
        "identity",
        "national",
        "key",
        "cookie",
        "session",
        "authorization",
        "auth",
        "signature",
        "salt",
        "contact",
    ]
)
_NOT_SECRET = frozenset({"status_code"})  # Django's request lines: the HTTP status
_WORD = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+")


def _is_secret(name: str) -> bool:
    return name not in _NOT_SECRET and any(word.lower() in _SECRET_WORDS for word in _WORD.findall(name))


_DROPPED = object()


def _plain(value: Any, depth: int = 0) -> Any:
    """A JSON value for an extra field, its secret-named keys masked; `_DROPPED` for anything else (an object)."""
    if isinstance(value, str):
        return personal_numbers_masked(value)
    if value is None or isinstance(value, bool | int | float):
        return value
    if depth < 3 and isinstance(value, dict):
        items = (
            (str(key), SECRET_MASK if _is_secret(str(key)) else _plain(item, depth + 1)) for key, item in value.items()
        )
        return {key: item for key, item in items if item is not _DROPPED}
    if depth < 3 and isinstance(value, list | tuple):
        return [item for item in (_plain(item, depth + 1) for item in value) if item is not _DROPPED]
    return _DROPPED


def extra_fields(record: logging.LogRecord) -> dict[str, Any]:
    """The `extra=` fields of a record as JSON values: secret-named ones masked, objects left out."""
    fields = {}
    for name, value in record.__dict__.items():
        if name in _RECORD_FIELDS or name.startswith("_"):
            continue
        plain = SECRET_MASK if _is_secret(name) else _plain(value)
        if plain is not _DROPPED:
            fields[name] = plain
    return fields


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        line = {
            **extra_fields(record),
            "time": dt.datetime.fromtimestamp(record.created, tz=dt.UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": personal_numbers_masked(record.getMessage()),
            "request_id": getattr(record, "request_id", ""),
        }
        if record.exc_info:
            line["exception"] = personal_numbers_masked(self.formatException(record.exc_info))
        return json.dumps(line, ensure_ascii=False)
