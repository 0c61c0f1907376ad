"""Kill under load: a live gunicorn receives concurrent reports with idempotency keys, is SIGKILLed mid-way and
restarted; the phones retry with the same keys until confirmed. Every report is stored once: 0 lost, 0 duplicated,
and every receipt a phone was given opens its own report."""

import contextlib
import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

import pytest

from lantoa.core.tests.support import subprocess_database_url
from lantoa.voice import crypto
from lantoa.voice.models import Report
from lantoa.voice.services.reports import report_get_by_receipt

pytestmark = pytest.mark.django_db(transaction=True)

ROOT = Path(__file__).resolve().parents[4]
PHONES = 6
REPORTS_EACH = 5
DEADLINE_SECONDS = 300  # a bound on a failure only: the test ends as soon as every report is confirmed


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _start(port: int) -> subprocess.Popen:
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT / "src"),
        "DJANGO_SETTINGS_MODULE": "lantoa.config.settings.test",
        "DATABASE_URL": subprocess_database_url(),
        "RATE_LIMITS": "report=1000000/600",  # every phone is 127.0.0.1 here
    }
    command = [sys.executable, "-m", "gunicorn", "lantoa.config.wsgi:application", "--bind", f"127.0.0.1:{port}"]
    command += ["--workers", "2", "--threads", "2", "--access-logfile", "/dev/null", "--log-level", "error"]
    process = subprocess.Popen(  # noqa: S603 - our own server on loopback
        command, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
    )
    for _attempt in range(300):
        with contextlib.suppress(OSError):
            urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1)
            return process
        time.sleep(0.1)
    _kill(process)
    raise AssertionError("the server did not start")


def _kill(process: subprocess.Popen) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    process.wait(timeout=10)


def _post(url: str, body: dict[str, str]) -> tuple[int, dict[str, Any]]:
    data = json.dumps(body).encode()
    request = urllib.request.Request(url, data=data, headers={"Content-Type": "application/json"})  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=20) as response:  # noqa: S310 - loopback only
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, {}
    except (OSError, ValueError, http.client.HTTPException):  # a response cut off by the kill counts as no answer
        return 0, {}


def test_reports_survive_a_sigkill_under_load_with_none_lost_or_duplicated(labour_federation):
    port = _free_port()
    url = f"http://127.0.0.1:{port}/api/v1/voice/reports"
    confirmed: dict[str, tuple[str, str]] = {}
    refused: list[int] = []
    lock = threading.Lock()
    deadline = time.monotonic() + DEADLINE_SECONDS

    def phone(number: int) -> None:
        for index in range(REPORTS_EACH):
            key = f"kill-test-phone{number:02d}-report{index:02d}"
            text = f"Phản ánh {number}-{index}: tăng ca quá giờ, lương trả chậm."
            body = {"category": "lam-them-qua-muc", "text": text, "idempotency_key": key}
            while time.monotonic() < deadline:  # a report is never given up: the same key until confirmed
                status, answer = _post(url, body)
                if status in (200, 201):
                    with lock:
                        confirmed[key] = (answer["receipt"], text)
                    break
                if 400 <= status < 500:
                    with lock:
                        refused.append(status)
                    break
                time.sleep(0.2)

    server = _start(port)
    try:
        phones = [threading.Thread(target=phone, args=(number,)) for number in range(PHONES)]
        for thread in phones:
            thread.start()
        while len(confirmed) < PHONES and time.monotonic() < deadline:
            time.sleep(0.05)
        at_kill = len(confirmed)
        _kill(server)  # mid-way: requests in flight die with the server
        server = _start(port)
        for thread in phones:
            thread.join(timeout=max(1, deadline - time.monotonic()))
    finally:
        _kill(server)

    assert at_kill < PHONES * REPORTS_EACH  # the kill came while reports were still being sent
    assert not refused
    assert len(confirmed) == PHONES * REPORTS_EACH  # 0 lost: every phone got its confirmation
    assert Report.objects.count() == PHONES * REPORTS_EACH  # 0 duplicated
    for receipt, text in confirmed.values():
        report = report_get_by_receipt(code=receipt)
        assert report is not None
        assert crypto.decrypt_text(report.body_enc) == text
