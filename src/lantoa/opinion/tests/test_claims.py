import gzip
from collections.abc import Callable

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.urls import reverse
from pytest_django import Settings

from lantoa.legal.models import Document, Provision
from lantoa.opinion import demo, share_image
from lantoa.opinion.models import Claim, ClaimGroup, Clarification, document_spoken_name
from lantoa.opinion.selectors import claims as selectors
from lantoa.opinion.services import claims as services
from lantoa.orgs import access
from lantoa.orgs.models import Enterprise, OrgUnit, Role, User
from lantoa.voice import crypto
from lantoa.voice.idempotency import IdempotencyConflict
from lantoa.voice.tests.conftest import jpeg_with_exif

RUMOUR = "Nghe nói từ năm 2026 không được rút BHXH một lần nữa"


def _publish(user: User, group: ClaimGroup, provision: Provision) -> Clarification:
    return services.clarification_publish(
        user=user,
        group=group,
        claim="Từ 2026 không được rút BHXH một lần",
        verdict=Clarification.Verdict.PARTLY,
        truth="Người tham gia BHXH trước 01/7/2025 vẫn được rút một lần khi đủ điều kiện.",
        provisions=[provision],
    )


def test_similarity_ignores_tone_marks_case_and_word_order() -> None:
    folded = "nghe noi tu nam 2026 KHONG duoc rut bhxh mot lan nua"
    assert services.similarity(RUMOUR, folded) == 1.0
    assert services.similarity(RUMOUR, "Công ty sắp cắt thưởng Tết năm nay") < services.SAME_CLAIM_THRESHOLD


def test_hearsay_words_split_no_group_and_join_none() -> None:
    long_wording = "Lương tối thiểu vùng năm 2026 vẫn giữ như cũ, không tăng"
    assert services.similarity(long_wording, "luong toi thieu vung 2026 khong tang") >= services.SAME_CLAIM_THRESHOLD
    # "nghe nói công ty" is all two rumours share: they stay apart.
    assert (
        services.similarity("Nghe nói công ty nợ lương tháng 12", "Nghe nói công ty cho nghỉ việc cả tổ")
        < services.SAME_CLAIM_THRESHOLD
    )


@pytest.mark.parametrize("said", [row[0] for row in demo.RUMOURS if len(row[0]) > 1])
def test_each_demo_rumour_asked_in_several_wordings_is_one_group(said: list[str]) -> None:
    """The demo publishes one answer per rumour: its other wordings must join the group of the first."""
    for wording in said[1:]:
        assert services.similarity(said[0], wording) >= services.SAME_CLAIM_THRESHOLD, wording


@pytest.mark.django_db
def test_claims_saying_the_same_thing_share_a_group_with_or_without_diacritics(province: OrgUnit) -> None:
    first = services.claim_submit(text=RUMOUR)
    second = services.claim_submit(text="tu nam 2026 khong duoc rut BHXH mot lan nua ha")
    other = services.claim_submit(text="Công ty sắp cắt thưởng Tết năm nay")
    assert first.claim.group_id == second.claim.group_id != other.claim.group_id
    assert ClaimGroup.objects.get(pk=first.claim.group_id).claim_count == 2


@pytest.fixture
def decryptions(monkeypatch: pytest.MonkeyPatch) -> list[bytes]:
    """Every decryption made while the test runs."""
    seen: list[bytes] = []
    decrypt = crypto.decrypt

    def counting(stored: bytes) -> bytes:
        seen.append(bytes(stored))
        return decrypt(stored)

    monkeypatch.setattr(crypto, "decrypt", counting)
    return seen


@pytest.mark.django_db
def test_matching_a_claim_decrypts_no_group_however_many_there_are(province: OrgUnit, decryptions: list[bytes]) -> None:
    for number in range(3):
        services.claim_submit(text=f"Tin đồn mã {number}a {number}b {number}c {number}d")
    decryptions.clear()
    first = services.claim_submit(text="tu nam 2026 khong duoc rut bhxh mot lan nua")
    few = len(decryptions)
    for number in range(3, 40):
        services.claim_submit(text=f"Tin đồn mã {number}a {number}b {number}c {number}d")
    decryptions.clear()
    second = services.claim_submit(text=RUMOUR)
    assert len(decryptions) == few == 0
    assert second.claim.group_id == first.claim.group_id  # still grouped, with and without tone marks
    assert ClaimGroup.objects.count() == 41


@pytest.mark.django_db
def test_a_group_made_before_word_marks_is_decrypted_once_then_matched_on_its_marks(
    province: OrgUnit, decryptions: list[bytes]
) -> None:
    first = services.claim_submit(text=RUMOUR)
    ClaimGroup.objects.filter(pk=first.claim.group_id).update(word_marks=None)
    decryptions.clear()
    second = services.claim_submit(text="tu nam 2026 khong duoc rut BHXH mot lan nua ha")
    third = services.claim_submit(text="Từ 2026 không được rút BHXH một lần nữa à")
    assert first.claim.group_id == second.claim.group_id == third.claim.group_id
    assert len(decryptions) == 1
    stored = ClaimGroup.objects.get(pk=first.claim.group_id).word_marks or ""
    assert "bhxh" not in stored and stored.split() == sorted(services.word_marks(RUMOUR))


@pytest.mark.django_db
def test_claim_text_is_encrypted_and_the_receipt_is_not_stored(province: OrgUnit) -> None:
    submitted = services.claim_submit(text=RUMOUR, link="https://vi.example.org/bai-viet")
    with connection.cursor() as cursor:
        cursor.execute("SELECT text_enc, link_enc, receipt_lookup, receipt_hash FROM opinion_claim")
        text_enc, link_enc, lookup, receipt_hash = cursor.fetchone()
    assert b"BHXH" not in bytes(text_enc) and b"example" not in bytes(link_enc)
    code = submitted.receipt.code
    assert code not in lookup + receipt_hash and code.replace("-", "")[8:] not in lookup + receipt_hash
    assert services.claim_get_by_receipt(code=code.lower().replace("-", " ")) == submitted.claim
    assert services.claim_get_by_receipt(code=code[:-1] + ("2" if code[-1] != "2" else "3")) is None


@pytest.mark.django_db
def test_claim_refuses_empty_text_and_a_link_that_is_not_a_web_address(province: OrgUnit) -> None:
    with pytest.raises(ValidationError) as empty:
        services.claim_submit(text="   ")
    with pytest.raises(ValidationError) as bad_link:
        services.claim_submit(text=RUMOUR, link="javascript:alert(1)")
    assert (empty.value.code, bad_link.value.code) == ("body_empty", "link_invalid")


@pytest.mark.django_db
def test_desk_officers_publish_and_others_may_not(
    desk_officer: User,
    union_officer: User,
    bhxh_article: Provision,
    enterprise_a: Enterprise,
    make_official: Callable[..., User],
) -> None:
    group = services.claim_submit(text=RUMOUR).claim.group
    propagandist = make_official(unit=enterprise_a.unit, role=Role.PROPAGANDIST)
    adviser = make_official(unit=enterprise_a.commune, role=Role.LEGAL_ADVISER)
    with pytest.raises(PermissionDenied):
        _publish(propagandist, group, bhxh_article)
    with pytest.raises(PermissionDenied):  # an adviser of a commune does not speak for the province
        _publish(adviser, group, bhxh_article)
    assert access.can(union_officer, "opinion.publish_clarification", services.answering_unit())
    item = _publish(desk_officer, group, bhxh_article)
    assert [c.provision for c in item.citations.all()] == [bhxh_article]
    first_published = item.published_at
    corrected = _publish(desk_officer, group, bhxh_article)
    assert corrected.pk == item.pk and corrected.published_at == first_published


@pytest.mark.django_db
def test_citations_are_read_from_lines_and_unknown_articles_refused(bhxh_article: Provision) -> None:
    assert services.provisions_from_lines("41/2024/QH15 Điều 1\n\n41/2024/qh15 dieu 1") == [bhxh_article] * 2
    with pytest.raises(ValidationError) as unknown:
        services.provisions_from_lines("41/2024/QH15 Điều 999")
    with pytest.raises(ValidationError) as unreadable:
        services.provisions_from_lines("luật BHXH")
    assert (unknown.value.code, unreadable.value.code) == ("citation_unknown", "citation_unreadable")


@pytest.mark.django_db
def test_worker_submits_keeps_no_address_and_reads_the_answer_with_the_receipt(
    client: Client, desk_officer: User, bhxh_article: Provision
) -> None:
    response = client.post(
        reverse("opinion:claim-new"),
        {"text": RUMOUR, "link": ""},
        REMOTE_ADDR="203.0.113.7",
        HTTP_USER_AGENT="SecretPhone/1.0",
        HTTP_X_FORWARDED_FOR="198.51.100.9",
    )
    assert response.status_code == 201
    code = response.context["receipt"]
    assert response.wsgi_request.META["REMOTE_ADDR"] != "203.0.113.7"
    assert "HTTP_USER_AGENT" not in response.wsgi_request.META
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM opinion_claim")
        stored = repr(cursor.fetchall())
    assert "203.0.113.7" not in stored and "198.51.100.9" not in stored and "SecretPhone" not in stored
    waiting = client.post(reverse("opinion:claim-follow"), {"receipt": code})
    assert "Đang chờ" in waiting.content.decode()
    _publish(desk_officer, Claim.objects.get().group, bhxh_article)
    answered = client.post(reverse("opinion:claim-follow"), {"receipt": code}).content.decode()
    assert "Đúng một phần" in answered and bhxh_article.get_absolute_url() in answered


def test_the_share_image_marks_a_truth_too_long_for_it() -> None:
    truth = "Người đã đóng BHXH trước ngày 01/7/2025 vẫn được rút một lần nếu nghỉ việc đủ 12 tháng. " * 4
    lines = share_image.wrapped(truth, width=62, lines=4)
    assert len(lines) == 4 and lines[-1].endswith(" …")
    assert share_image.wrapped("Đúng.", width=62, lines=4) == ["Đúng."]


def test_citations_read_as_people_say_them_and_keep_their_permalink(
    client: Client, desk_officer: User, bhxh_article: Provision
) -> None:
    overtime = Provision.objects.get(document__number="45/2019/QH14", kind=Provision.Kind.ARTICLE, number="107")
    clause = Provision.objects.get(
        document__number="45/2019/QH14", kind=Provision.Kind.CLAUSE, article=overtime, number="2"
    )
    item = services.clarification_publish(
        user=desk_officer,
        group=services.claim_submit(text="Làm thêm bao nhiêu giờ cũng được").claim.group,
        claim="Làm thêm không giới hạn",
        verdict=Clarification.Verdict.FALSE,
        truth="Làm thêm không quá 40 giờ một tháng.",
        provisions=[overtime, clause, bhxh_article],
    )
    labels = [citation.label for citation in selectors.published().get(pk=item.pk).citations.all()]
    assert labels == [
        "Điều 107 Bộ luật Lao động 2019",
        "khoản 2 Điều 107 Bộ luật Lao động 2019",
        "Điều 1 Luật Bảo hiểm xã hội 2024",
    ]
    html = client.get(item.get_absolute_url()).content.decode()
    assert f'<a href="{clause.get_absolute_url()}">khoản 2 Điều 107 Bộ luật Lao động 2019</a>' in html
    assert "45/2019/QH14" not in html.split("Căn cứ:")[1].split("</p>")[0]
    # A correction starts from the citations as they were entered, the clause with its article.
    client.force_login(desk_officer)
    form = client.get(reverse("opinion:group-publish", kwargs={"pk": item.group_id})).content.decode()
    assert "45/2019/QH14 Điều 107\n45/2019/QH14 Điều 107 khoản 2\n41/2024/QH15 Điều 1" in form
    decree = Document(doc_type="Nghị định", number="293/2025/NĐ-CP", title="Nghị định quy định mức lương tối thiểu")
    assert document_spoken_name(decree) == "Nghị định 293/2025/NĐ-CP"
    assert document_spoken_name(Document(doc_type="Luật", number="41/2024/QH15", title="Luật Bảo hiểm xã hội")) == (
        "Luật Bảo hiểm xã hội 2024"
    )


@pytest.mark.django_db
def test_public_page_is_small_has_a_share_image_and_a_forward_text(
    client: Client, desk_officer: User, bhxh_article: Provision
) -> None:
    item = _publish(desk_officer, services.claim_submit(text=RUMOUR).claim.group, bhxh_article)
    page = client.get(item.get_absolute_url())
    assert len(gzip.compress(page.content)) < 14 * 1024
    html = page.content.decode()
    assert f'content="http://testserver{item.get_absolute_url()}anh.png"' in html
    forward = page.context["forward"]
    assert (
        forward.startswith("THÔNG TIN CHÍNH THỨC – ĐÚNG MỘT PHẦN")
        and "Căn cứ: Điều 1 Luật Bảo hiểm xã hội 2024" in forward
    )
    image = client.get(reverse("opinion:clarification-image", kwargs={"slug": item.slug}))
    assert image["Content-Type"] == "image/png" and image.content.startswith(b"\x89PNG")


@pytest.mark.django_db
def test_shared_addresses_of_a_clarification_are_the_public_address_not_the_host_the_server_sees(
    client: Client, desk_officer: User, bhxh_article: Provision, settings: Settings
) -> None:
    settings.PUBLIC_BASE_URL, settings.ALLOWED_HOSTS = "https://lantoa.angiang.gov.vn", ["10.0.0.5"]
    item = _publish(desk_officer, services.claim_submit(text=RUMOUR).claim.group, bhxh_article)
    page = client.get(item.get_absolute_url(), HTTP_HOST="10.0.0.5:8000")  # an app server behind the proxy
    public = f"https://lantoa.angiang.gov.vn{item.get_absolute_url()}"
    html = page.content.decode()
    assert f'<meta property="og:url" content="{public}">' in html and f'content="{public}anh.png"' in html
    assert public in page.context["forward"] and "10.0.0.5" not in html
    listed = client.get("/api/v1/clarifications", HTTP_HOST="10.0.0.5:8000").json()[0]
    assert listed["permalink"] == public
    assert listed["citations"][0]["permalink"] == f"https://lantoa.angiang.gov.vn{bhxh_article.get_absolute_url()}"


@pytest.mark.django_db
def test_desk_shows_waiting_claims_and_time_to_clarification(
    client: Client,
    desk_officer: User,
    enterprise_a: Enterprise,
    bhxh_article: Provision,
    make_official: Callable[..., User],
) -> None:
    answered = services.claim_submit(text=RUMOUR).claim.group
    services.claim_submit(text="Công ty sắp cắt thưởng Tết năm nay")
    _publish(desk_officer, answered, bhxh_article)
    assert selectors.median_hours_to_clarification() is not None
    client.force_login(desk_officer)
    page = client.get(reverse("opinion:desk")).content.decode()
    assert "1 nhóm tin đang chờ trả lời" in page and "cắt thưởng Tết" in page
    client.force_login(make_official(unit=enterprise_a.unit, role=Role.PROPAGANDIST))
    assert client.get(reverse("opinion:desk")).status_code == 403


@pytest.mark.django_db
def test_a_claim_may_bring_a_picture_cleaned_like_a_report_photo_and_the_desk_sees_it(
    client: Client, desk_officer: User
) -> None:
    photo = SimpleUploadedFile("tin-nhan.jpg", jpeg_with_exif(size=(80, 60)), content_type="image/jpeg")
    response = client.post(
        reverse("opinion:claim-new"), {"text": RUMOUR, "link": "https://vi.example.org/bai", "photo": photo}
    )
    assert response.status_code == 201
    claim = Claim.objects.get()
    assert claim.photo_enc is not None
    assert b"SecretCameraMaker" not in bytes(claim.photo_enc) and b"\xff\xd8" not in bytes(claim.photo_enc)[:8]
    client.force_login(desk_officer)
    page = client.get(reverse("opinion:group-publish", args=[claim.group_id])).content.decode()
    assert "https://vi.example.org/bai" in page and reverse("opinion:claim-photo", args=[claim.pk]) in page
    image = client.get(reverse("opinion:claim-photo", args=[claim.pk]))
    assert image["Content-Type"] == "image/jpeg" and image["Cache-Control"] == "private, no-store"
    assert image.content.startswith(b"\xff\xd8") and b"SecretCameraMaker" not in image.content
    client.logout()
    assert client.get(reverse("opinion:claim-photo", args=[claim.pk])).status_code == 302


@pytest.mark.django_db
def test_a_picture_too_big_or_not_a_picture_is_refused_and_the_text_stays(
    client: Client, province: OrgUnit, settings: Settings
) -> None:
    settings.VOICE_PHOTO_MAX_BYTES = 1024
    big = SimpleUploadedFile("to.jpg", b"\xff\xd8" + b"0" * 4096, content_type="image/jpeg")
    page = client.post(reverse("opinion:claim-new"), {"text": RUMOUR, "photo": big})
    assert page.status_code == 200 and "Ảnh lớn quá" in page.content.decode() and RUMOUR in page.content.decode()
    settings.VOICE_PHOTO_MAX_BYTES = 5 * 1024 * 1024
    broken = SimpleUploadedFile("hong.jpg", b"not a picture", content_type="image/jpeg")
    page = client.post(reverse("opinion:claim-new"), {"text": RUMOUR, "photo": broken})
    assert "Tệp này không phải là ảnh." in page.content.decode()
    assert not Claim.objects.exists()


@pytest.mark.django_db
def test_a_claim_sent_again_with_its_key_is_stored_once_and_only_its_own_words_get_the_receipt(
    province: OrgUnit, enterprise_a: Enterprise
) -> None:
    key = "outbox-" + "k" * 20
    first = services.claim_submit(text=RUMOUR, enterprise=enterprise_a, idempotency_key=key)
    again = services.claim_submit(text=RUMOUR, enterprise=enterprise_a, idempotency_key=key)
    assert (first.is_repeat, again.is_repeat) == (False, True)
    assert again.receipt.code == first.receipt.code and again.claim == first.claim
    assert Claim.objects.count() == 1 and ClaimGroup.objects.get().claim_count == 1
    assert services.claim_get_by_receipt(code=again.receipt.code) == first.claim
    link = "https://vi.example.org/a"
    changes = (
        {"text": RUMOUR + " hả", "enterprise": enterprise_a},  # other words
        {"text": RUMOUR, "enterprise": enterprise_a, "link": link},  # a link added
        {"text": RUMOUR},  # the enterprise left out
    )
    for changed in changes:
        with pytest.raises(IdempotencyConflict) as conflict:
            services.claim_submit(**changed, idempotency_key=key)
        assert conflict.value.code == "idempotency_conflict"
    assert Claim.objects.count() == 1
    with pytest.raises(ValidationError) as malformed:
        services.claim_submit(text=RUMOUR, idempotency_key="short")
    assert malformed.value.code == "idempotency_key_invalid"


@pytest.mark.django_db
def test_the_form_sent_twice_makes_one_claim_and_fills_the_enterprise_of_the_qr_context(
    client: Client, province: OrgUnit, enterprise_a: Enterprise
) -> None:
    client.get(f"/e/{enterprise_a.public_code}")
    page = client.get(reverse("opinion:claim-new"))
    form = page.context["form"]
    assert form.initial["enterprise"] == enterprise_a.public_code and len(form.initial["idempotency_key"]) >= 16
    fields = {"text": RUMOUR, "link": "", "enterprise": enterprise_a.public_code, "idempotency_key": "f" * 24}
    first = client.post(reverse("opinion:claim-new"), fields)
    again = client.post(reverse("opinion:claim-new"), fields)
    assert (first.status_code, again.status_code) == (201, 200)
    assert first.context["receipt"] == again.context["receipt"]
    assert f'data-sent-key="{"f" * 24}"' in again.content.decode()
    assert Claim.objects.get().enterprise == enterprise_a
    refused = client.post(reverse("opinion:claim-new"), {**fields, "text": "Công ty sắp cắt thưởng Tết năm nay"})
    html = refused.content.decode()
    assert refused.status_code == 200 and "câu hỏi có nội dung khác" in html
    assert f'data-invalid-key="{"f" * 24}"' in html
    assert Claim.objects.count() == 1


@pytest.mark.django_db
def test_the_claim_pages_are_kept_for_offline_use_with_the_outbox(client: Client) -> None:
    worker_js = client.get(reverse("content:service-worker")).content.decode()
    for name in ("opinion:claim-new", "opinion:claim-follow"):
        assert f'"{reverse(name)}"' in worker_js
    assert "opinion/claims" in worker_js and "voice/outbox" in worker_js
    page = client.get(reverse("opinion:claim-new")).content.decode()
    assert 'data-kind="claim"' in page and reverse("api-v1:claim_create_with_photo") in page
    assert 'id="home-claims"' in client.get("/").content.decode()
