"""No receipt, client address or user agent reaches a log line, from any logger at DEBUG, on worker requests."""

import logging

import pytest
from django.conf import settings
from django.utils.module_loading import import_string

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
