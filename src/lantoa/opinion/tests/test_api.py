import logging
from typing import TYPE_CHECKING

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone

from lantoa.legal.models import Provision
from lantoa.opinion.models import Claim, ClaimGroup, Clarification
from lantoa.opinion.services import claims as services
from lantoa.orgs.models import Enterprise, OrgUnit, User
from lantoa.voice import crypto
from lantoa.voice.privacy import PrivateJsonFormatter
from lantoa.voice.tests.conftest import jpeg_with_exif

if TYPE_CHECKING:
    from django.test.client import _MonkeyPatchedWSGIResponse as TestResponse


def test_api_claim_receipt_status_and_clarifications(
    client: Client, desk_officer: User, bhxh_article: Provision
) -> None:
    created = client.post(
        "/api/v1/claims",
        {"text": "Nghe nói từ năm 2026 không được rút BHXH một lần nữa"},
        content_type="application/json",
        HTTP_USER_AGENT="SecretPhone/1.0",
    )
    assert created.status_code == 201
    receipt = created.json()["receipt"]
    assert created.wsgi_request.META.get("HTTP_USER_AGENT") is None
    waiting = client.post("/api/v1/claims/status", {"receipt": receipt}, content_type="application/json").json()
    assert waiting == {
        "status": "waiting",
        "status_label": "Đang chờ cơ quan có thẩm quyền trả lời",
        "received_on": timezone.localdate().isoformat(),
        "text": "Nghe nói từ năm 2026 không được rút BHXH một lần nữa",
        "clarification": None,
    }
    services.clarification_publish(
        user=desk_officer,
        group=ClaimGroup.objects.get(),
        claim="Từ 2026 không được rút BHXH một lần",
        verdict=Clarification.Verdict.PARTLY,
        truth="Người tham gia BHXH trước 01/7/2025 vẫn được rút một lần khi đủ điều kiện.",
        provisions=[bhxh_article],
    )
    answered = client.post("/api/v1/claims/status", {"receipt": receipt}, content_type="application/json").json()
    assert answered["status"] == "answered" and answered["clarification"]["verdict_label"] == "Đúng một phần"
    listed = client.get("/api/v1/clarifications").json()
    citation = listed[0]["citations"][0]
    assert citation["permalink"] == f"http://testserver{bhxh_article.get_absolute_url()}"
    assert citation["label"] == "Điều 1 Luật Bảo hiểm xã hội 2024"
    assert listed[0]["permalink"].startswith("http://testserver/thong-tin-chinh-thuc/")


def test_api_refuses_bad_input_in_vietnamese_and_unknown_receipts(client: Client, province: object) -> None:
    empty = client.post("/api/v1/claims", {"text": " "}, content_type="application/json")
    missing = client.post("/api/v1/claims", {}, content_type="application/json")
    unknown = client.post(
        "/api/v1/claims/status", {"receipt": "K7PA-3MXQ-K7PA-3MXQ-K7PA"}, content_type="application/json"
    )
    assert (empty.status_code, empty.json()["code"]) == (400, "body_empty")
    assert missing.status_code == 422 and "không hợp lệ" in missing.json()["detail"]
    assert (unknown.status_code, unknown.json()["code"]) == (404, "receipt_unknown")


def test_schema_lists_the_claim_endpoints_and_the_get_by_receipt_without_the_words(client: Client, db: None) -> None:
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    assert {
        "/api/v1/claims",
        "/api/v1/claims/with-photo",
        "/api/v1/claims/status",
        "/api/v1/claims/{receipt}",
        "/api/v1/clarifications",
    } <= set(paths)
    assert "URL" in paths["/api/v1/claims/status"]["post"]["description"]
    read = paths["/api/v1/claims/{receipt}"]["get"]
    assert [(p["name"], p["in"]) for p in read["parameters"]] == [("receipt", "path")]
    assert {"200", "404", "422", "429"} <= set(read["responses"])
    shape = read["responses"]["200"]["content"]["application/json"]["schema"]["$ref"].rsplit("/", 1)[-1]
    fields = client.get("/api/v1/openapi.json").json()["components"]["schemas"][shape]["properties"]
    assert {"status", "received_on", "clarification"} <= set(fields) and "text" not in fields


def _private_headers(response: "TestResponse") -> tuple[str, str]:
    return response["Cache-Control"], response["Referrer-Policy"]


def test_get_by_receipt_answers_status_and_clarification_but_never_the_words(
    client: Client, desk_officer: User, bhxh_article: Provision, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    words = "Nghe nói công ty sắp cắt hết phụ cấp xăng xe từ tháng sau"
    receipt = client.post("/api/v1/claims", {"text": words}, content_type="application/json").json()["receipt"]
    waiting = client.get(f"/api/v1/claims/{receipt}")
    assert waiting.status_code == 200
    assert waiting.json() == {
        "status": "waiting",
        "status_label": "Đang chờ cơ quan có thẩm quyền trả lời",
        "received_on": timezone.localdate().isoformat(),
        "clarification": None,
    }
    assert _private_headers(waiting) == ("no-store", "no-referrer")
    services.clarification_publish(
        user=desk_officer,
        group=ClaimGroup.objects.get(),
        claim="Công ty cắt phụ cấp xăng xe",
        verdict=Clarification.Verdict.PARTLY,
        truth="Phụ cấp đã thỏa thuận trong hợp đồng chỉ đổi khi hai bên thỏa thuận lại.",
        provisions=[bhxh_article],
    )
    typed = receipt.lower().replace("-", " ")  # typed loosely, as a worker reads it off a paper
    answered = client.get(f"/api/v1/claims/{typed}")
    assert answered.status_code == 200 and answered.json()["status"] == "answered"
    assert answered.json()["clarification"]["claim"] == "Công ty cắt phụ cấp xăng xe"
    assert words not in answered.content.decode()
    # The POST, with the receipt out of the URL, still returns the worker's own words.
    posted = client.post("/api/v1/claims/status", {"receipt": receipt}, content_type="application/json").json()
    assert posted["text"] == words

    unknown_code = crypto.receipt_new().code
    unknown = client.get(f"/api/v1/claims/{unknown_code}")
    assert (unknown.status_code, unknown.json()["code"]) == (404, "receipt_unknown")
    assert unknown.json()["detail"] == "Không tìm thấy câu hỏi với mã biên nhận này."
    mistyped = receipt[:-1]  # one sign short: not a receipt, but most of one
    invalid = client.get(f"/api/v1/claims/{mistyped}")
    assert (invalid.status_code, invalid.json()["code"]) == (422, "receipt_invalid")
    assert "Mã biên nhận không đúng dạng" in invalid.json()["detail"]
    assert _private_headers(unknown) == _private_headers(invalid) == ("no-store", "no-referrer")

    failures = [record for record in caplog.records if record.name == "django.request"]
    assert len(failures) == 2  # the 404 and the 422 are logged, masked
    logged = caplog.text + "".join(repr(record.__dict__) for record in caplog.records)
    for secret in (receipt, typed, unknown_code, mistyped, receipt.replace("-", "")):
        assert secret not in logged
    assert "/api/v1/claims/[mã]" in logged


def test_the_written_log_line_masks_a_receipt_in_the_claims_path_however_it_was_typed() -> None:
    code = crypto.receipt_new().code
    for typed in (code, code[:-1], code.lower().replace("-", " "), code.replace("-", "%20")):
        record = logging.LogRecord(
            "django.server", logging.WARNING, __file__, 1, '"GET /api/v1/claims/%s HTTP/1.1" 404', (typed,), None
        )
        line = PrivateJsonFormatter().format(record)
        assert typed not in line and "GET /api/v1/claims/[mã] HTTP/1.1" in line


def test_api_claim_with_a_photo_and_the_enterprise_code(province: OrgUnit, enterprise_a: Enterprise) -> None:
    client = Client()
    photo = SimpleUploadedFile("tin.jpg", jpeg_with_exif(), content_type="image/jpeg")
    created = client.post(
        "/api/v1/claims/with-photo",
        {"text": "Nghe nói công ty sắp cắt thưởng Tết", "enterprise": enterprise_a.public_code, "photo": photo},
    )
    assert created.status_code == 201 and created.json()["receipt"]
    claim = Claim.objects.get()
    assert claim.enterprise == enterprise_a and claim.photo_enc is not None
    assert b"SecretCameraMaker" not in crypto.decrypt(bytes(claim.photo_enc))
    broken = SimpleUploadedFile("hong.jpg", b"not a picture", content_type="image/jpeg")
    refused = client.post("/api/v1/claims/with-photo", {"text": "Tin khác hẳn", "photo": broken})
    assert refused.status_code == 400 and refused.json()["detail"] == "Tệp này không phải là ảnh."
    unknown = client.post(
        "/api/v1/claims", {"text": "Tin khác hẳn", "enterprise": "XXXXXXXX"}, content_type="application/json"
    )
    assert unknown.status_code == 400 and unknown.json()["detail"] == "Không có doanh nghiệp với mã này."
    assert Claim.objects.count() == 1


def test_api_claim_sent_again_with_its_key_gets_the_same_receipt_and_other_words_are_refused(
    client: Client, province: OrgUnit
) -> None:
    payload = {"text": "Nghe nói tháng sau công ty cắt ca đêm", "idempotency_key": "outbox-0123456789abcdef"}
    first = client.post("/api/v1/claims", payload, content_type="application/json")
    again = client.post("/api/v1/claims", payload, content_type="application/json")
    assert (first.status_code, again.status_code) == (201, 200)
    assert first.json() == again.json() == {"receipt": first.json()["receipt"], "status": "waiting"}
    assert Claim.objects.count() == 1 and ClaimGroup.objects.get().claim_count == 1
    other = client.post(
        "/api/v1/claims", {**payload, "text": "Nghe nói công ty cắt thưởng"}, content_type="application/json"
    )
    assert other.status_code == 409 and other.json()["code"] == "idempotency_conflict"
    assert first.json()["receipt"] not in other.content.decode()
    assert "câu hỏi có nội dung khác" in other.json()["detail"]
    malformed = client.post("/api/v1/claims", {**payload, "idempotency_key": "ngắn"}, content_type="application/json")
    assert malformed.status_code == 400 and malformed.json()["code"] == "idempotency_key_invalid"
    assert Claim.objects.count() == 1


def test_api_claim_kept_offline_with_its_photo_arrives_once(province: OrgUnit, enterprise_a: Enterprise) -> None:
    def send(picture: bytes) -> "TestResponse":
        photo = SimpleUploadedFile("tin.jpg", picture, content_type="image/jpeg")
        fields = {"text": "Nghe nói công ty sắp cắt thưởng Tết", "enterprise": enterprise_a.public_code}
        return Client().post(
            "/api/v1/claims/with-photo", {**fields, "idempotency_key": "outbox-photo-0123456789", "photo": photo}
        )

    first, again = send(jpeg_with_exif()), send(jpeg_with_exif())
    assert (first.status_code, again.status_code) == (201, 200)
    assert first.json()["receipt"] == again.json()["receipt"]
    claim = Claim.objects.get()
    assert claim.enterprise == enterprise_a and claim.photo_enc is not None
    other_picture = send(jpeg_with_exif(size=(80, 60)))
    assert other_picture.status_code == 409
