import re

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from lantoa.voice.models import Report, ReportMessage, ReportPhoto
from lantoa.voice.services import cases as case_services

from .conftest import jpeg_with_exif

REPORT_FORM = {
    "category": "luong-cham-thieu",
    "text": "Tháng này công ty trả lương chậm.",
    "understood": "on",
    "idempotency_key": "form-key-0123456789abcdef",
}


def receipt_in(page: str) -> str:
    found = re.search(r'id="receipt-code">([A-Z2-9-]+)<', page)
    assert found is not None, "the receipt page shows no receipt"
    return found.group(1)


def test_report_page_warns_that_a_lost_receipt_cannot_be_recovered(client, labour_federation):
    page = client.get(reverse("voice:report-new")).content.decode()
    assert "Nếu mất mã, không ai – kể cả công đoàn – lấy lại được" in page
    assert 'name="idempotency_key"' in page


def test_report_from_the_enterprise_context_preselects_the_enterprise(client, enterprise_a, labour_federation):
    client.get(f"/e/{enterprise_a.public_code}")
    page = client.get(reverse("voice:report-new")).content.decode()
    assert f'<option value="{enterprise_a.public_code}" selected>' in page


def test_submitting_the_form_shows_the_receipt_once_with_qr_and_acknowledgement(client, enterprise_a, grassroots_union):
    photo = SimpleUploadedFile("anh.jpg", jpeg_with_exif(), content_type="image/jpeg")
    response = client.post(
        reverse("voice:report-new"), {**REPORT_FORM, "enterprise": enterprise_a.public_code, "photos": [photo]}
    )
    assert response.status_code == 201
    page = response.content.decode()
    assert "Mã biên nhận chỉ hiện MỘT LẦN" in page
    assert "<svg" in page
    report = Report.objects.get()
    assert report.enterprise == enterprise_a and report.unit == grassroots_union
    assert ReportPhoto.objects.filter(report=report).count() == 1
    assert response["Cache-Control"] == "no-store"
    assert response["Referrer-Policy"] == "same-origin"
    follow = client.post(reverse("voice:follow"), {"receipt": receipt_in(page)}).content.decode()
    assert "Mới tiếp nhận" in follow


def test_the_form_without_confirming_the_warning_is_refused_in_vietnamese(client, labour_federation):
    response = client.post(reverse("voice:report-new"), {**REPORT_FORM, "understood": ""})
    assert "Hãy đánh dấu để xác nhận bạn đã hiểu." in response.content.decode()
    assert Report.objects.count() == 0


def test_a_double_submitted_form_stores_one_report(client, labour_federation):
    first = client.post(reverse("voice:report-new"), REPORT_FORM)
    second = client.post(reverse("voice:report-new"), REPORT_FORM)
    assert Report.objects.count() == 1
    assert receipt_in(first.content.decode()) == receipt_in(second.content.decode())


def test_worker_reads_the_reply_and_writes_back_with_the_receipt(client, enterprise_a, grassroots_officer):
    page = client.post(reverse("voice:report-new"), {**REPORT_FORM, "enterprise": enterprise_a.public_code})
    code = receipt_in(page.content.decode())
    report = Report.objects.get()
    case_services.case_reply(report=report, user=grassroots_officer, text="Công đoàn đã làm việc với công ty.")
    case_services.case_note_add(report=report, user=grassroots_officer, text="Ghi chú nội bộ bí mật.")
    opened = client.post(reverse("voice:follow"), {"receipt": code}).content.decode()
    assert "Công đoàn đã làm việc với công ty." in opened
    assert "Ghi chú nội bộ bí mật." not in opened
    answered = client.post(reverse("voice:follow-reply"), {"receipt": code, "text": "Cảm ơn, đã nhận lương."})
    assert "Cảm ơn, đã nhận lương." in answered.content.decode()
    assert ReportMessage.objects.filter(kind="worker").count() == 1


def test_a_wrong_receipt_says_so_without_revealing_anything(client, labour_federation):
    response = client.post(reverse("voice:follow"), {"receipt": "AAAA-BBBB-CCCC-DDDD-EEEE"})
    assert "Không tìm thấy phản ánh với mã này" in response.content.decode()


def test_the_public_verify_page_checks_an_acknowledgement(client, labour_federation, submit):
    ack = submit().ack
    valid = client.post(reverse("voice:ack-verify"), {"token": ack}).content.decode()
    assert "Hợp lệ: do Lan Tỏa cấp." in valid
    forged = client.post(reverse("voice:ack-verify"), {"token": ack + "x"}).content.decode()
    assert "Không hợp lệ" in forged


def test_worker_home_shows_the_voice_tile(client, db):
    assert reverse("voice:report-new") in client.get("/").content.decode()


def test_sitemap_lists_the_public_voice_pages_only(client, db):
    body = client.get("/sitemap.xml").content.decode()
    assert "/voice/follow/" in body and "/voice/office/" not in body
