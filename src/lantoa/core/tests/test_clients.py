from django.http import HttpResponse
from django.test import override_settings

from lantoa.core import ratelimit
from lantoa.core.clients import client_address
from lantoa.voice.privacy import VoicePrivacyMiddleware


def test_without_trusted_proxies_forwarded_for_is_ignored(rf):
    request = rf.get("/", REMOTE_ADDR="198.51.100.7", HTTP_X_FORWARDED_FOR="203.0.113.1")
    assert client_address(request) == "198.51.100.7"


@override_settings(TRUSTED_PROXIES=["10.0.0.0/8", "192.0.2.1"])
def test_behind_trusted_proxies_the_right_most_untrusted_hop_is_the_client(rf):
    # The worker's phone sent a forged first entry; our two proxies appended the real hop and themselves.
    forged = "1.2.3.4, 198.51.100.7, 192.0.2.1"
    assert client_address(rf.get("/", REMOTE_ADDR="10.1.2.3", HTTP_X_FORWARDED_FOR=forged)) == "198.51.100.7"
    assert client_address(rf.get("/", REMOTE_ADDR="10.1.2.3")) == "10.1.2.3"
    assert client_address(rf.get("/", REMOTE_ADDR="198.51.100.9", HTTP_X_FORWARDED_FOR="1.2.3.4")) == "198.51.100.9"


def test_rotating_forwarded_for_does_not_change_the_rate_bucket(rf):
    buckets = set()
    middleware = VoicePrivacyMiddleware(lambda request: HttpResponse())
    for hop in range(5):
        request = rf.post("/api/v1/voice/reports", REMOTE_ADDR="198.51.100.7", HTTP_X_FORWARDED_FOR=f"203.0.113.{hop}")
        middleware(request)
        buckets.add(ratelimit.bucket_key(request, "report"))
    assert len(buckets) == 1
