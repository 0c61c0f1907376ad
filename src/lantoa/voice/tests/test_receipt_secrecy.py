"""Idempotency keys bound to their payload, and receipt lookups that cost the same whether or not the id exists."""

import hashlib

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from lantoa.opinion.services import claims as claim_services
from lantoa.voice import crypto
from lantoa.voice.models import Report
from lantoa.voice.services import reports as report_services

KEY = "replay-0123456789abcdefgh"
BODY = {"category": "quay-roi", "text": "Tổ trưởng ca B nhắn tin quấy rối tôi nhiều lần.", "idempotency_key": KEY}


def post(client, body):
    return client.post("/api/v1/voice/reports", body, content_type="application/json")


def test_a_replayed_key_with_another_payload_is_refused_and_never_returns_the_first_receipt(client, labour_federation):
    first = post(client, BODY)
    assert first.status_code == 201
    receipt = first.json()["receipt"]
    for changed in ({"text": "Cho tôi xem mã của người trước."}, {"category": "khac"}, {"is_shareable": True}):
        replay = post(client, {**BODY, **changed})
        assert replay.status_code == 409
        assert replay.json()["code"] == "idempotency_conflict"
        assert "đã được dùng cho một phản ánh có nội dung khác" in replay.json()["detail"]
        assert receipt not in replay.content.decode()
    again = post(client, BODY)  # the worker's own retry: the same key and payload
    assert again.status_code == 200 and again.json()["receipt"] == receipt
    assert Report.objects.count() == 1


def test_the_web_form_refuses_a_replayed_key_in_vietnamese(client, labour_federation):
    form = {"category": BODY["category"], "text": BODY["text"], "idempotency_key": KEY, "understood": "on"}
    assert client.post("/voice/", form).status_code == 201
    page = client.post("/voice/", {**form, "text": "Nội dung khác hẳn."})
    assert "đã được dùng cho một phản ánh có nội dung khác" in page.content.decode()
    assert Report.objects.count() == 1


def test_only_hashes_of_the_key_and_receipt_are_stored(labour_federation, submit):
    submitted = submit(idempotency_key=KEY)
    row = Report.objects.filter(pk=submitted.report.pk).values().get()
    stored = " ".join(str(value) for value in row.values())
    assert KEY not in stored
    assert submitted.receipt.code.replace("-", "") not in stored.replace("-", "")
    assert submitted.receipt.lookup_id not in stored and submitted.receipt.secret not in stored
    assert row["created_at"].microsecond == 0  # nothing finer than the second is kept


@pytest.fixture
def scrypt_runs(monkeypatch):
    runs = []
    real = hashlib.scrypt

    def counted(*args, **kwargs):
        runs.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(crypto.hashlib, "scrypt", counted)
    return runs


def _cost(lookup, code, scrypt_runs):
    scrypt_runs.clear()
    with CaptureQueriesContext(connection) as queries:
        found = lookup(code=code)
    return found is not None, len(queries), len(scrypt_runs)


@pytest.mark.parametrize("lookup", [report_services.report_get_by_receipt, claim_services.claim_get_by_receipt])
def test_a_lookup_does_the_same_work_whether_or_not_the_lookup_id_exists(lookup, labour_federation, scrypt_runs):
    if lookup is report_services.report_get_by_receipt:
        code = report_services.report_submit(category="khac", text="Một phản ánh.").receipt.code
    else:
        code = claim_services.claim_submit(text="Nghe nói tháng sau cắt thưởng Tết?").receipt.code
    wrong_secret = code[:10] + ("2222-2222-2222" if code[10:] != "2222-2222-2222" else "3333-3333-3333")
    unknown_id = ("ZZZZ-ZZZZ" if not code.startswith("ZZZZ") else "YYYY-YYYY") + code[9:]
    right = _cost(lookup, code, scrypt_runs)
    assert right[0]
    wrong = _cost(lookup, wrong_secret, scrypt_runs)
    missing = _cost(lookup, unknown_id, scrypt_runs)
    assert not wrong[0] and not missing[0]
    # One query and one scrypt run on every path: the answer's timing cannot tell which lookup ids exist.
    assert right[1:] == wrong[1:] == missing[1:] == (1, 1)
