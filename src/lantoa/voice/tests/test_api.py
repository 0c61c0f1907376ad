from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings

from lantoa.voice.models import Report
from lantoa.voice.services import cases as case_services

from .conftest import jpeg_with_exif

API = "/api/v1/voice"


def post(client, path, body):
    return client.post(f"{API}{path}", body, content_type="application/json")


def test_categories_list_slug_and_name(client, db):
    body = client.get(f"{API}/categories").json()
    assert {"slug": "luong-cham-thieu", "name": "Lương chậm, thiếu"} in body
    assert len(body) == 10


def test_post_report_returns_a_receipt_and_stores_once_per_idempotency_key(client, enterprise_a, grassroots_union):
    payload = {
        "category": "khong-dong-bhxh",
        "text": "Công ty không đóng BHXH 6 tháng.",
        "enterprise": enterprise_a.public_code,
        "idempotency_key": "offline-0123456789abcdef",
    }
    first = post(client, "/reports", payload)
    again = post(client, "/reports", payload)
    assert first.status_code == 201 and again.status_code == 200
    assert first.json()["receipt"] == again.json()["receipt"]
    assert Report.objects.filter(enterprise=enterprise_a).count() == 1


def test_a_report_kept_offline_arrives_with_its_photos_once(client, enterprise_a, grassroots_union):
    def send():
        photo = SimpleUploadedFile("anh.jpg", jpeg_with_exif(), content_type="image/jpeg")
        fields = {"category": "an-toan-lao-dong", "text": "Máy dập không có che chắn.", "is_shareable": "false"}
        fields |= {"enterprise": enterprise_a.public_code, "idempotency_key": "offline-photo-0123456789"}
        return client.post(f"{API}/reports/with-photos", {**fields, "photos": [photo]})

    first, again = send(), send()
    assert first.status_code == 201 and again.status_code == 200
    assert first.json()["receipt"] == again.json()["receipt"]
    report = Report.objects.get()
    assert report.enterprise == enterprise_a and report.photos.count() == 1


def test_too_many_or_broken_photos_are_refused_in_vietnamese(client, enterprise_a, grassroots_union):
    fields = {"category": "khac", "text": "Ảnh không mở được.", "enterprise": enterprise_a.public_code}
    broken = SimpleUploadedFile("anh.jpg", b"not a picture", content_type="image/jpeg")
    response = client.post(f"{API}/reports/with-photos", {**fields, "photos": [broken]})
    assert response.status_code == 400 and response.json()["code"] == "photo_invalid"
    photos = [SimpleUploadedFile(f"{n}.jpg", jpeg_with_exif(), content_type="image/jpeg") for n in range(4)]
    response = client.post(f"{API}/reports/with-photos", {**fields, "photos": photos})
    assert response.status_code == 400 and response.json()["code"] == "too_many_photos"
    assert Report.objects.count() == 0


def test_invalid_input_is_a_4xx_with_a_vietnamese_message(client, labour_federation):
    missing = post(client, "/reports", {"text": "thiếu loại"})
    assert missing.status_code == 422
    assert "Dữ liệu gửi lên không hợp lệ" in missing.json()["detail"]
    unknown = post(client, "/reports", {"category": "khong-co", "text": "x"})
    assert unknown.status_code == 400
    assert unknown.json() == {"detail": "Hãy chọn một loại phản ánh trong danh sách.", "code": "category_invalid"}
    enterprise = post(client, "/reports", {"category": "khac", "text": "x", "enterprise": "ZZZZZZ"})
    assert enterprise.json()["code"] == "enterprise_unknown"


def test_read_and_answer_a_report_with_its_receipt(client, enterprise_a, grassroots_officer):
    receipt = post(
        client, "/reports", {"category": "nha-o", "text": "Nhà trọ dột.", "enterprise": enterprise_a.public_code}
    ).json()["receipt"]
    case_services.case_reply(report=Report.objects.get(), user=grassroots_officer, text="Đã báo công ty sửa.")
    read = post(client, "/reports/lookup", {"receipt": receipt}).json()
    assert read["status"] == "answered"
    assert read["messages"][0] == {"kind": "officer", "text": "Đã báo công ty sửa.", "at": read["messages"][0]["at"]}
    answered = post(client, "/reports/messages", {"receipt": receipt, "text": "Cảm ơn."})
    assert answered.status_code == 201
    assert [m["kind"] for m in answered.json()["messages"]] == ["officer", "worker"]


def test_an_unknown_receipt_is_a_404_in_vietnamese(client, labour_federation):
    response = post(client, "/reports/lookup", {"receipt": "AAAA-BBBB-CCCC-DDDD-EEEE"})
    assert response.status_code == 404
    assert response.json()["code"] == "receipt_unknown"


def test_openapi_schema_lists_the_five_operations(client, db):
    schema = client.get("/api/v1/openapi.json").json()
    assert set(schema["paths"]) >= {
        "/api/v1/voice/categories",
        "/api/v1/voice/reports",
        "/api/v1/voice/reports/with-photos",
        "/api/v1/voice/reports/lookup",
        "/api/v1/voice/reports/messages",
    }
    assert not any("{" in path for path in schema["paths"] if path.startswith("/api/v1/voice/"))


def test_photo_count_and_sizes_are_checked_before_any_photo_is_decoded(client, enterprise_a, grassroots_union):
    fields = {"category": "khac", "text": "Hai mươi ảnh.", "enterprise": enterprise_a.public_code}
    # Broken files would fail as photo_invalid if any were decoded; the count is refused first.
    broken = [SimpleUploadedFile(f"{n}.jpg", b"not a picture", content_type="image/jpeg") for n in range(20)]
    response = client.post(f"{API}/reports/with-photos", {**fields, "photos": broken})
    assert response.status_code == 400 and response.json()["code"] == "too_many_photos"
    with override_settings(VOICE_PHOTO_MAX_BYTES=100):
        two = [SimpleUploadedFile("a.jpg", b"x", content_type="image/jpeg"), SimpleUploadedFile("b.jpg", b"y" * 200)]
        response = client.post(f"{API}/reports/with-photos", {**fields, "photos": two})
    assert response.status_code == 400 and response.json()["code"] == "photo_too_large"
    assert Report.objects.count() == 0


def test_a_multipart_report_without_photos_is_stored_without_photos(client, enterprise_a, grassroots_union):
    fields = {"category": "khac", "text": "Nhà vệ sinh xưởng 3 hỏng cả tháng.", "enterprise": enterprise_a.public_code}
    response = client.post(f"{API}/reports/with-photos", fields)
    assert response.status_code == 201
    assert Report.objects.get().photos.count() == 0
