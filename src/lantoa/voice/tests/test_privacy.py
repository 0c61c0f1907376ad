import logging

from django.db import connection
from django.test import override_settings
from django.urls import reverse

from lantoa.core import ratelimit
from lantoa.voice import crypto
from lantoa.voice.models import Report, ReportMessage, ReportReadLog
from lantoa.voice.services import cases as case_services

SECRET_IP = "203.0.113.77"
SECRET_UA = "Mozilla/5.0 (Linux; Android 14; SM-SECRET-DEVICE-42)"
HEADERS = {"REMOTE_ADDR": SECRET_IP, "HTTP_USER_AGENT": SECRET_UA, "HTTP_X_FORWARDED_FOR": SECRET_IP}
FORM = {"category": "nha-o", "text": "Phòng trọ công ty cho thuê bị dột.", "understood": "on"}


def database_text() -> str:
    """Every voice table dumped as text, to look for identifiers."""
    chunks = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            if table.startswith("voice_") or table.startswith("django_session"):
                cursor.execute(f'SELECT * FROM "{table}"')  # noqa: S608 - table names from introspection
                chunks.append(repr(cursor.fetchall()))
    return "\n".join(chunks)


def test_no_ip_or_user_agent_reaches_the_database_or_the_logs(client, labour_federation, caplog):
    caplog.set_level(logging.DEBUG)
    client.post(reverse("voice:report-new"), FORM, **HEADERS)
    client.post(
        "/api/v1/voice/reports", {"category": "nha-o", "text": "Qua API."}, content_type="application/json", **HEADERS
    )
    client.get("/voice/khong-co-trang-nay", **HEADERS)  # a 404 is logged with the request
    client.post("/api/v1/voice/reports", {"text": 1}, content_type="application/json", **HEADERS)
    assert Report.objects.count() == 2
    stored = database_text()
    assert SECRET_IP not in stored and "SM-SECRET-DEVICE-42" not in stored
    logged = caplog.text + "".join(repr(record.__dict__) for record in caplog.records)
    assert SECRET_IP not in logged
    assert "SM-SECRET-DEVICE-42" not in logged
    assert any("/api/v1/voice/reports" in record.getMessage() for record in caplog.records)


def test_the_log_filter_drops_the_request_and_masks_addresses(rf):
    from lantoa.voice.privacy import VoicePrivacyLogFilter

    request = rf.get("/voice/follow/", REMOTE_ADDR=SECRET_IP)
    record = logging.LogRecord(
        "django.request", logging.WARNING, __file__, 1, "Bad: %s from %s", ("/voice/follow/", SECRET_IP), None
    )
    record.request = request
    assert VoicePrivacyLogFilter().filter(record)
    assert getattr(record, "request", "kept") is None
    assert SECRET_IP not in record.getMessage()
    other = logging.LogRecord("django.request", logging.WARNING, __file__, 1, "Office: %s", ("/office/",), None)
    other.request = rf.get("/office/")
    VoicePrivacyLogFilter().filter(other)
    assert getattr(other, "request", None) is not None


def test_the_view_never_sees_the_address(rf, labour_federation):
    from lantoa.voice.privacy import VoicePrivacyMiddleware

    seen = {}

    def view(request):
        seen.update(request.META)
        from django.http import HttpResponse

        return HttpResponse()

    request = rf.post("/voice/", **HEADERS)
    VoicePrivacyMiddleware(view)(request)
    assert SECRET_IP not in seen.values()
    assert "HTTP_USER_AGENT" not in seen
    assert SECRET_IP not in ratelimit.bucket_key(request, "report")


@override_settings(RATE_LIMITS={"report": (2, 600)})
def test_too_many_submissions_from_one_network_are_slowed_down(client, labour_federation):
    codes = [client.post(reverse("voice:report-new"), FORM, REMOTE_ADDR="198.51.100.9").status_code for _ in range(3)]
    assert codes == [201, 201, 429]
    other = client.post(reverse("voice:report-new"), FORM, REMOTE_ADDR="198.51.100.10")
    assert other.status_code == 201


def test_key_rotation_re_encrypts_everything_with_the_new_key(labour_federation, submit, settings):
    submitted = submit(contact="Zalo 0900")
    old_keys = list(settings.VOICE_ENCRYPTION_KEYS)
    settings.VOICE_ENCRYPTION_KEYS = [*old_keys, "2:" + "bmV3LWtleS1mb3Itcm90YXRpb24tdGVzdHMtMzJieXQ="]
    counts = case_services.voice_keys_rotate()
    assert counts["report_bodies"] == 1 and counts["report_contacts"] == 1
    settings.VOICE_ENCRYPTION_KEYS = settings.VOICE_ENCRYPTION_KEYS[1:]  # the old key is gone
    report = Report.objects.get(pk=submitted.report.pk)
    assert crypto.key_id_of(report.body_enc) == 2
    assert crypto.decrypt_text(report.body_enc) == "Lương tháng 10 trả chậm hai tuần."
    assert case_services.voice_keys_rotate()["report_bodies"] == 0


def test_closed_cases_are_purged_after_the_retention_period(grassroots_officer, enterprise_a, submit, time_machine):
    time_machine.move_to("2026-01-05 09:00 +07:00")
    closed = submit(enterprise=enterprise_a).report
    kept_open = submit(enterprise=enterprise_a).report
    case_services.case_reply(report=closed, user=grassroots_officer, text="Đã xong.")
    case_services.case_close(report=closed, user=grassroots_officer, outcome="resolved")
    time_machine.move_to("2026-06-01 09:00 +07:00")
    assert case_services.reports_purge(days=365) == 0
    time_machine.move_to("2027-01-10 09:00 +07:00")
    assert case_services.reports_purge(days=365) == 1
    assert list(Report.objects.all()) == [kept_open]
    assert not ReportMessage.objects.filter(report_id=closed.pk).exists()


def test_every_staff_read_of_a_report_is_audit_logged(client, grassroots_officer, enterprise_a, submit):
    report = submit(enterprise=enterprise_a).report
    client.force_login(grassroots_officer)
    client.get(reverse("voice:case-detail", args=[report.pk]))
    client.get(reverse("voice:case-detail", args=[report.pk]))
    logs = ReportReadLog.objects.filter(report_id=report.pk, user=grassroots_officer)
    assert logs.count() == 2


def test_a_failed_voice_api_call_logs_no_receipt_address_or_user_agent(client, labour_federation, caplog):
    caplog.set_level(logging.DEBUG, logger="django.request")
    receipt = client.post(
        "/api/v1/voice/reports", {"category": "nha-o", "text": "Qua API."}, content_type="application/json"
    ).json()["receipt"]
    bad = {"receipt": receipt, "text": 1}
    assert (
        client.post("/api/v1/voice/reports/messages", bad, content_type="application/json", **HEADERS).status_code
        == 422
    )
    # The old path routes are gone, and a client still calling them gets a 404 whose log line is masked.
    assert client.post(f"/api/v1/voice/reports/{receipt}/messages/", {}, **HEADERS).status_code == 404
    assert client.get(f"/api/v1/voice/reports/{receipt.lower().replace('-', '')}/", **HEADERS).status_code == 404
    requests = [record for record in caplog.records if record.name == "django.request"]
    assert len(requests) == 3
    logged = caplog.text + "".join(repr(record.__dict__) for record in requests)
    assert receipt not in logged and receipt.lower().replace("-", "") not in logged
    assert SECRET_IP not in logged and "SM-SECRET-DEVICE-42" not in logged
    assert "/api/v1/voice/reports/messages" in logged


def test_the_log_filter_masks_receipts_in_any_record(rf):
    from lantoa.voice.privacy import VoicePrivacyLogFilter

    code = crypto.receipt_new().code
    record = logging.LogRecord("lantoa", logging.INFO, __file__, 1, "pasted %s and %s", (code, code.lower()), None)
    assert VoicePrivacyLogFilter().filter(record)
    assert record.getMessage() == "pasted [mã] and [mã]"

    plain = logging.LogRecord("lantoa", logging.INFO, __file__, 1, "unit %s", ("LDLD-AN-GIANG",), None)
    VoicePrivacyLogFilter().filter(plain)
    assert plain.getMessage() == "unit LDLD-AN-GIANG"


def test_the_log_filter_leaves_task_ids_whole():
    from lantoa.voice.privacy import receipts_masked

    code = crypto.receipt_new().code
    line = f"Task id=6f9a5687-4f94-4a5c-a928-d2e7bf339f25 state=RUNNING, id=fffbb2d8-ef0f-49a5-8d22-cd43240c4d04 {code}"
    masked = receipts_masked(line)
    assert "6f9a5687-4f94-4a5c-a928-d2e7bf339f25" in masked and "fffbb2d8-ef0f-49a5-8d22-cd43240c4d04" in masked
    assert code not in masked and masked.endswith(" [mã]")
