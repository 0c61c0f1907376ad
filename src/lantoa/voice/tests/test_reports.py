import unicodedata

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings

from lantoa.voice import crypto
from lantoa.voice.models import Report, ReportPhoto
from lantoa.voice.photos import photo_clean
from lantoa.voice.services import reports as report_services

from .conftest import jpeg_with_exif


def test_report_submit_stores_text_encrypted_and_only_hashes_of_the_receipt(enterprise_a, grassroots_union, submit):
    submitted = submit(enterprise=enterprise_a, text="Chậm lương hai tuần ở xưởng may.")
    report = Report.objects.get()
    assert "Chậm lương".encode() not in bytes(report.body_enc)
    assert crypto.decrypt_text(report.body_enc) == "Chậm lương hai tuần ở xưởng may."
    code = submitted.receipt.code
    stored = " ".join([report.receipt_lookup, report.receipt_hash])
    assert code.replace("-", "") not in stored.upper()
    assert submitted.receipt.lookup_id not in stored.upper()
    assert submitted.receipt.secret not in stored.upper()


def test_receipt_code_is_five_groups_of_four_without_look_alike_signs(labour_federation, submit):
    code = submit().receipt.code
    groups = code.split("-")
    assert [len(group) for group in groups] == [4, 4, 4, 4, 4]
    assert not set(code.replace("-", "")) & set("01OI")


def test_receipt_opens_its_report_and_forgives_case_and_spaces(labour_federation, submit):
    submitted = submit()
    typed = submitted.receipt.code.lower().replace("-", " ")
    assert report_services.report_get_by_receipt(code=typed) == submitted.report


def test_a_wrong_secret_with_the_right_lookup_id_opens_nothing(labour_federation, submit):
    code = submit().receipt.code
    last = code[-1]
    wrong = code[:-1] + ("A" if last != "A" else "B")
    assert report_services.report_get_by_receipt(code=wrong) is None
    assert report_services.report_get_by_receipt(code="not a receipt") is None


def test_report_submit_stores_nfc_text(labour_federation, submit):
    submitted = submit(text=unicodedata.normalize("NFD", "Chậm lương, không đóng bảo hiểm"))
    assert crypto.decrypt_text(submitted.report.body_enc) == unicodedata.normalize(
        "NFC", "Chậm lương, không đóng bảo hiểm"
    )


def test_report_submit_rejects_blank_text_and_unknown_category(labour_federation, submit):
    with pytest.raises(ValidationError) as blank:
        submit(text="   ")
    assert blank.value.code == "body_empty"
    with pytest.raises(ValidationError) as unknown:
        submit(category="khong-co")
    assert unknown.value.code == "category_invalid"


def test_the_same_idempotency_key_stores_once_and_returns_the_same_receipt(labour_federation, submit):
    first = submit(idempotency_key="k" * 24)
    second = submit(idempotency_key="k" * 24)
    assert Report.objects.count() == 1
    assert second.is_repeat and not first.is_repeat
    assert second.receipt.code == first.receipt.code
    assert report_services.report_get_by_receipt(code=second.receipt.code) == first.report


def test_a_malformed_idempotency_key_is_refused(labour_federation, submit):
    with pytest.raises(ValidationError) as error:
        submit(idempotency_key="short")
    assert error.value.code == "idempotency_key_invalid"


def test_report_is_routed_to_the_enterprise_grassroots_union(enterprise_a, grassroots_union, submit):
    assert submit(enterprise=enterprise_a).report.unit == grassroots_union


def test_without_a_grassroots_union_the_labour_federation_receives_it(enterprise_b, labour_federation, submit):
    assert submit(enterprise=enterprise_b).report.unit == labour_federation


def test_without_union_or_federation_the_commune_receives_it(enterprise_b, submit):
    assert submit(enterprise=enterprise_b).report.unit == enterprise_b.commune


def test_deadlines_follow_the_category(labour_federation, submit):
    report = submit(category="an-toan-lao-dong").report
    assert (report.first_reply_due_at - report.created_at).days == 1
    assert (report.resolve_due_at - report.created_at).days == 7


def test_photo_is_re_encoded_without_exif(db):
    raw = jpeg_with_exif()
    assert b"SecretCameraMaker" in raw
    clean = photo_clean(SimpleUploadedFile("a.jpg", raw, content_type="image/jpeg"))
    assert b"SecretCameraMaker" not in clean.data
    assert b"Exif" not in clean.data
    assert clean.data.startswith(b"\xff\xd8")


@override_settings(VOICE_PHOTO_MAX_BYTES=100)
def test_photo_over_the_size_limit_is_refused(db):
    with pytest.raises(ValidationError) as error:
        photo_clean(SimpleUploadedFile("a.jpg", jpeg_with_exif(), content_type="image/jpeg"))
    assert error.value.code == "photo_too_large"


def test_a_file_that_is_not_an_image_is_refused(db):
    with pytest.raises(ValidationError) as error:
        photo_clean(SimpleUploadedFile("a.jpg", b"not an image at all", content_type="image/jpeg"))
    assert error.value.code == "photo_invalid"


def test_photos_are_stored_encrypted(labour_federation, submit):
    photo = photo_clean(SimpleUploadedFile("a.jpg", jpeg_with_exif(), content_type="image/jpeg"))
    submit(photos=[photo])
    stored = ReportPhoto.objects.get()
    assert not bytes(stored.data_enc).startswith(b"\xff\xd8")
    assert crypto.decrypt(stored.data_enc) == photo.data


def test_acknowledgement_is_signed_names_the_facts_and_not_the_worker(enterprise_a, grassroots_union, submit):
    submitted = submit(enterprise=enterprise_a, contact="0912345678")
    payload = crypto.ack_verify(submitted.ack)
    assert payload is not None
    assert payload["c"] == "Lương chậm, thiếu"
    assert payload["b"] == grassroots_union.name
    assert "0912345678" not in str(payload)
    assert crypto.ack_verify(submitted.ack[:-2] + "xx") is None


def test_worker_message_on_a_closed_case_is_refused(grassroots_officer, enterprise_a, submit):
    from lantoa.voice.services import cases as case_services

    report = submit(enterprise=enterprise_a).report
    case_services.case_reply(report=report, user=grassroots_officer, text="Đã làm việc với công ty.")
    case_services.case_close(report=report, user=grassroots_officer, outcome="resolved")
    with pytest.raises(ValidationError) as error:
        report_services.worker_message_add(report=report, text="Vẫn chưa được trả.")
    assert error.value.code == "case_closed"
