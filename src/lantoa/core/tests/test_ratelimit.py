"""Every anonymous write passes one shared limiter, keyed by the trusted client address (and the target)."""

import pytest
from django.test import override_settings

from lantoa.core.ratelimit import LIMITS

ONE_EACH = dict.fromkeys(LIMITS, (1, 600))
ADDRESS = {"REMOTE_ADDR": "198.51.100.20"}
OTHER = {"REMOTE_ADDR": "198.51.100.21"}

# (url, a second url of the same scope with another target or None, body)
PAGES = [
    ("/voice/", None, {"text": "x"}),
    ("/voice/follow/", None, {"receipt": "x"}),
    ("/voice/follow/reply/", None, {"receipt": "x", "text": "x"}),
    ("/hoi-tin-don/", None, {"text": "x"}),
    ("/hoi-tin-don/xem/", None, {"receipt": "x"}),
    ("/phap-luat/tu-van/", None, {"question": "x"}),
    ("/phap-luat/tu-van/xem/", None, {"code": "x"}),
    ("/voice/s/khongco1/", "/voice/s/khongco2/", {}),
    ("/quiz/999001/", "/quiz/999002/", {}),
    ("/cuoc-thi/khong-co/bat-dau", "/cuoc-thi/khac/bat-dau", {}),
    ("/checkin/999001/abc/", "/checkin/999002/abc/", {}),
]
API = [
    ("/api/v1/voice/reports", {"category": "khong-co", "text": "x"}),
    ("/api/v1/voice/reports/lookup", {"receipt": "x"}),
    ("/api/v1/voice/reports/messages", {"receipt": "x", "text": "x"}),
    ("/api/v1/claims", {"text": "x"}),
    ("/api/v1/claims/status", {"receipt": "x"}),
]


@pytest.mark.django_db
@override_settings(RATE_LIMITS=ONE_EACH)
@pytest.mark.parametrize(("url", "other_target", "body"), PAGES)
def test_every_anonymous_page_write_is_limited_per_address_and_target(client, url, other_target, body):
    assert client.post(url, body, **ADDRESS).status_code != 429
    refused = client.post(url, body, **ADDRESS)
    assert refused.status_code == 429
    assert "Bạn gửi nhanh quá" in refused.content.decode()
    assert 0 < int(refused["Retry-After"]) <= 600
    assert client.post(url, body, **OTHER).status_code != 429  # another address has its own bucket
    if other_target:
        assert client.post(other_target, body, **ADDRESS).status_code != 429  # another survey, lesson, event


@pytest.mark.django_db
@override_settings(RATE_LIMITS=ONE_EACH)
@pytest.mark.parametrize(("url", "body"), API)
def test_every_anonymous_api_write_is_limited_with_a_vietnamese_json_429(client, url, body):
    assert client.post(url, body, content_type="application/json", **ADDRESS).status_code != 429
    refused = client.post(url, body, content_type="application/json", **ADDRESS)
    assert refused.status_code == 429
    assert refused.json() == {
        "detail": "Từ mạng này vừa có nhiều lượt gửi. Hãy đợi một lúc rồi thử lại.",
        "code": "rate_limited",
    }


@pytest.mark.django_db
@override_settings(RATE_LIMITS=ONE_EACH)
def test_a_forged_forwarded_for_does_not_open_a_new_bucket(client):
    client.post("/voice/s/khongco1/", {}, HTTP_X_FORWARDED_FOR="203.0.113.1", **ADDRESS)
    refused = client.post("/voice/s/khongco1/", {}, HTTP_X_FORWARDED_FOR="203.0.113.2", **ADDRESS)
    assert refused.status_code == 429


@pytest.mark.django_db
def test_gets_are_never_counted(client):
    with override_settings(RATE_LIMITS=ONE_EACH):
        codes = {client.get("/voice/", **ADDRESS).status_code for _ in range(3)}
    assert 429 not in codes
