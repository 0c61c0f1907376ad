"""No receipt, client address or user agent reaches a log line, from any logger at DEBUG, on worker requests."""

import io
import json
import logging

import pytest
from django.conf import settings
from django.core import mail
from django.test import Client, override_settings
from django.urls import include, path
from django.utils.log import AdminEmailHandler
from django.utils.module_loading import import_string

from lantoa.voice.privacy import PrivateTextFormatter, VoicePrivacyLogFilter

SECRET_IP = "198.51.100.77"
AGENT = "Mozilla/5.0 (Linux; Android 9; SM-J600G-secret-phone)"
HEADERS = {"REMOTE_ADDR": SECRET_IP, "HTTP_USER_AGENT": AGENT, "HTTP_X_FORWARDED_FOR": SECRET_IP}


class Lines(logging.Handler):
    """What the console handler would write: the same filter, the full formatted record with any traceback."""

    def __init__(self) -> None:
        super().__init__(level=logging.DEBUG)
        self.lines: list[str] = []
        self.records: list[logging.LogRecord] = []
        self.addFilter(import_string(settings.LOGGING["filters"]["voice_private"]["()"])())
        self.setFormatter(logging.Formatter("%(name)s %(levelname)s %(message)s"))

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(self.format(record))
        self.records.append(record)


@pytest.fixture
def lines():
    handler = Lines()
    loggers = [logging.getLogger(), *(logging.getLogger(name) for name in list(logging.root.manager.loggerDict))]
    levels = [(logger, logger.level) for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.DEBUG)
    logging.getLogger().addHandler(handler)
    yield handler
    logging.getLogger().removeHandler(handler)
    for logger, level in levels:
        logger.setLevel(level)


def test_worker_requests_leave_no_receipt_address_or_agent_in_any_log_line(client, labour_federation, lines):
    def api(path, body):
        return client.post(f"/api/v1{path}", body, content_type="application/json", **HEADERS)

    report = api("/voice/reports", {"category": "quay-roi", "text": "Bị quấy rối.", "contact": "Zalo 0912345678"})
    receipt = report.json()["receipt"]
    claim = api("/claims", {"text": "Nghe nói công ty sắp cắt thưởng Tết?"}).json()["receipt"]
    api("/voice/reports/lookup", {"receipt": receipt})
    api("/voice/reports/messages", {"receipt": receipt, "text": ""})  # a 400 that names the path
    api("/voice/reports/messages", {"receipt": receipt})  # a 422
    api("/voice/reports/messages", {"receipt": receipt.lower().replace("-", " "), "text": 5})
    api("/voice/reports/lookup", {"receipt": "ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ"})  # 404
    api("/claims/status", {"receipt": claim})
    api("/claims", {"text": ""})
    client.post("/voice/follow/", {"receipt": receipt}, **HEADERS)
    client.post("/voice/follow/reply/", {"receipt": receipt, "text": ""}, **HEADERS)
    client.post("/hoi-tin-don/xem/", {"receipt": claim}, **HEADERS)
    client.post("/voice/", {"text": receipt}, **HEADERS)  # a receipt pasted into a report form
    client.post(f"/voice/follow/?r={receipt}", {}, **HEADERS)  # a receipt that made it into a URL
    assert report.status_code == 201
    assert any("Bad Request" in line or "Unprocessable" in line for line in lines.lines), lines.lines
    text = "\n".join(lines.lines)
    for secret in (receipt, receipt.replace("-", ""), claim, SECRET_IP, AGENT, "secret-phone", "0912345678"):
        assert secret not in text, secret
    for record in lines.records:
        request = getattr(record, "request", None)
        assert request is None or SECRET_IP not in str(getattr(request, "META", {}))


RECEIPT = "SA3L-7QKM-XW2D-PR9T-HB4N"  # receipt-shaped: what a worker might type into an address bar


def django_handlers() -> list[logging.Handler]:
    """Every handler a django.* record reaches, as configured (pytest's own capture handlers aside)."""
    handlers: list[logging.Handler] = []
    for name in ["django", *(name for name in logging.root.manager.loggerDict if name.startswith("django."))]:
        logger: logging.Logger | None = logging.getLogger(name)
        while logger is not None:
            handlers += [handler for handler in logger.handlers if handler not in handlers]
            logger = logger.parent if logger.propagate else None
    return [handler for handler in handlers if not type(handler).__module__.startswith("_pytest")]


@pytest.fixture
def written():
    """What the configured handlers write, from every django.* logger at DEBUG, into one buffer."""
    buffer = io.StringIO()
    streams = [
        (handler, handler.setStream(buffer))
        for handler in django_handlers()
        if isinstance(handler, logging.StreamHandler)
    ]
    loggers = [
        logging.getLogger(name) for name in ["django", *logging.root.manager.loggerDict] if name.startswith("django")
    ]
    levels = [(logger, logger.level) for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.DEBUG)
    yield buffer
    for handler, stream in streams:
        handler.setStream(stream)
    for logger, level in levels:
        logger.setLevel(level)


def test_no_django_logger_reaches_a_handler_that_does_not_mask_receipts():
    handlers = django_handlers()
    assert handlers  # the console handler at least
    for handler in handlers:
        assert any(isinstance(found, VoicePrivacyLogFilter) for found in handler.filters), handler
        assert isinstance(handler.formatter, PrivateTextFormatter), handler
    # Django's DEFAULT_LOGGING handlers (plain console with DEBUG on, mail to ADMINS) are gone.
    assert not any(isinstance(handler, AdminEmailHandler) for handler in handlers)


@pytest.mark.parametrize("debug", [True, False])
def test_a_csrf_failure_a_404_and_a_500_on_receipt_paths_leave_no_receipt_in_any_line_or_mail(db, written, debug):
    client = Client(enforce_csrf_checks=True, raise_request_exception=False)
    with override_settings(DEBUG=debug, ADMINS=[("Quản trị", "admin@lantoa.invalid")]):
        forbidden = client.post(f"/{RECEIPT}/", {"a": "b"})  # a CMS page path: CSRF-checked
        forbidden_loose = client.post(f"/{RECEIPT.lower().replace('-', '')}/", {"a": "b"})
        missing = client.get(f"/api/v1/voice/reports/{RECEIPT}/messages")
        missing_post = client.post(f"/api/v1/voice/reports/{RECEIPT}/messages", {"text": "x"})
        with override_settings(ROOT_URLCONF=__name__):
            broken = client.get(f"/loi/{RECEIPT}/")
        logging.getLogger("django.server").warning('"%s" %s %s', f"GET /voice/?r={RECEIPT} HTTP/1.1", 404, 0)
    assert (forbidden.status_code, forbidden_loose.status_code) == (403, 403)
    assert (missing.status_code, missing_post.status_code, broken.status_code) == (404, 404, 500)
    text = written.getvalue()
    assert "Forbidden (CSRF cookie not set.)" in text
    assert "Not Found: /api/v1/voice/reports/[mã]/messages" in text
    assert "Internal Server Error: /loi/[mã]/" in text
    assert "Traceback" in text and "[mã]" in text.split("Traceback")[-1]  # the exception's own text is masked too
    for secret in (RECEIPT, RECEIPT.replace("-", ""), RECEIPT.lower().replace("-", "")):
        assert secret not in text
        assert all(secret not in message.body and secret not in message.subject for message in mail.outbox)


def broken_view(request, receipt):
    raise RuntimeError(f"không xử lý được {request.path}")


# The site's routes and error pages, and one view that fails on a path carrying a receipt.
urlpatterns = [path("loi/<str:receipt>/", broken_view), path("", include("lantoa.config.urls"))]
handler500 = "lantoa.core.views.server_error"


def configured_json_line(logger_name: str, message: str, *args: object, **extra: object) -> str:
    """One record through the console handler's own filters and JSON formatter, as it would be written."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    for name in settings.LOGGING["handlers"]["console"]["filters"]:
        handler.addFilter(import_string(settings.LOGGING["filters"][name]["()"])())
    handler.setFormatter(import_string(settings.LOGGING["formatters"]["json"]["()"])())
    logger = logging.getLogger(logger_name)
    logger.addHandler(handler)
    try:
        logger.warning(message, *args, extra=extra)
    finally:
        logger.removeHandler(handler)
    return stream.getvalue().strip()


def test_extra_fields_are_written_and_masked_like_the_message():
    line = configured_json_line(
        "lantoa.test",
        "gọi lại %s về hồ sơ %s",
        "0912 345 678",
        "001203004567",
        enterprise_id=42,
        row_count=123456789,
        note="Chị Lan, Zalo +84912345678, CCCD 001203004567, mã " + RECEIPT,
        password="mat-khau-thu",
        api_token="tok-3f9a",
        contactPhone="0987654321",
        receipt=RECEIPT,
        details={"otp_code": "482913", "rows": [1, 2], "where": "dòng 7 số 0901234567"},
        request=object(),  # never written: an object, not a plain value
        task="6f9a5687-4f94-4a5c-a928-001203004567",
    )
    fields = json.loads(line)
    assert fields["message"] == "gọi lại [số] về hồ sơ [số]"
    assert fields["enterprise_id"] == 42 and fields["row_count"] == 123456789  # numbers stay numbers
    assert fields["note"] == "Chị Lan, Zalo [số], CCCD [số], mã [mã]"
    assert fields["password"] == fields["api_token"] == fields["contactPhone"] == fields["receipt"] == "[…]"
    assert fields["details"] == {"otp_code": "[…]", "rows": [1, 2], "where": "dòng 7 số [số]"}
    assert fields["task"] == "6f9a5687-4f94-4a5c-a928-001203004567"  # a task id stays whole
    assert "request" not in fields
    for secret in ("0912 345 678", "912345678", "001203004567", "mat-khau-thu", "tok-3f9a", "0987654321", RECEIPT):
        assert secret not in line.replace(fields["task"], ""), secret
    assert "482913" not in line and "0901234567" not in line
