"""Request ids and JSON log lines, /healthz's cache and backlog, and /metrics closed to the public."""

import io
import json
import logging
from collections.abc import Iterator

import pytest
from django.core.cache import cache
from django.test import Client, override_settings

from lantoa.core import metrics
from lantoa.core.logs import JsonFormatter, RequestIdFilter
from lantoa.core.tasks import run_timer
from lantoa.voice.services import reports as report_services

TOKEN = "metrics-test-token-0123456789"


@pytest.mark.django_db
def test_every_response_carries_a_request_id_and_a_proxy_id_is_kept(client):
    first = client.get("/healthz")["X-Request-ID"]
    second = client.get("/healthz")["X-Request-ID"]
    assert len(first) == 32 and first != second
    assert client.get("/healthz", HTTP_X_REQUEST_ID="nginx-7f3a9c01")["X-Request-ID"] == "nginx-7f3a9c01"
    assert client.get("/healthz", HTTP_X_REQUEST_ID="bad id\n<script>")["X-Request-ID"] != "bad id\n<script>"


@pytest.fixture
def json_lines() -> Iterator[io.StringIO]:
    """What the console handler writes for django.request, with the same filter and formatter."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(RequestIdFilter())
    handler.setFormatter(JsonFormatter())
    logger = logging.getLogger("django.request")
    logger.addHandler(handler)
    yield stream
    logger.removeHandler(handler)


@pytest.mark.django_db
def test_log_lines_are_json_with_the_request_id_and_no_address_on_voice_paths(client, json_lines, labour_federation):
    response = client.get(
        "/voice/khong-co-trang-nay/", REMOTE_ADDR="203.0.113.77", HTTP_USER_AGENT="SM-SECRET-DEVICE-42"
    )
    assert response.status_code == 404

    line = json_lines.getvalue().strip().splitlines()[-1]
    fields = json.loads(line)
    assert set(fields) == {"time", "level", "logger", "message", "request_id", "status_code"}  # not the request
    assert fields["status_code"] == 404
    assert fields["level"] == "WARNING" and fields["logger"] == "django.request"
    assert fields["request_id"] == response["X-Request-ID"]
    assert fields["time"].endswith("+00:00")
    assert "203.0.113.77" not in line and "SM-SECRET-DEVICE-42" not in line


@pytest.mark.django_db
def test_healthz_reports_database_cache_and_backlog(client):
    run_timer.enqueue("reach_rollup")
    body = client.get("/healthz").json()
    assert body["status"] == "ok"
    assert body["database"]["status"] == "ok"
    assert body["cache"]["status"] == "ok"
    assert body["tasks"]["pending"] == 1
    assert body["tasks"]["oldest_age_seconds"] >= 0


@pytest.mark.django_db
@override_settings(METRICS_TOKEN=TOKEN, METRICS_ALLOWED_ADDRESSES=["10.0.5.0/24"])
def test_metrics_are_closed_without_the_token_or_an_allowed_address(client):
    assert client.get("/metrics").status_code == 404
    assert client.get("/metrics", HTTP_AUTHORIZATION="Bearer wrong").status_code == 404
    # behind a proxy that is not trusted, a forged X-Forwarded-For does not open it
    assert client.get("/metrics", HTTP_X_FORWARDED_FOR="10.0.5.9").status_code == 404
    assert client.get("/metrics", HTTP_AUTHORIZATION=f"Bearer {TOKEN}").status_code == 200
    assert client.get("/metrics", REMOTE_ADDR="10.0.5.9").status_code == 200


@pytest.mark.django_db
@override_settings(METRICS_TOKEN="", METRICS_ALLOWED_ADDRESSES=[])
def test_metrics_are_closed_to_everyone_by_default(client):
    assert client.get("/metrics", REMOTE_ADDR="127.0.0.1").status_code == 404


def scrape(client: Client) -> dict[str, float]:
    response = client.get("/metrics", HTTP_AUTHORIZATION=f"Bearer {TOKEN}")
    assert response["Content-Type"].startswith("text/plain; version=0.0.4")
    return {
        name: float(value)
        for line in response.content.decode().splitlines()
        if line and not line.startswith("#")
        for name, value in [line.rsplit(" ", 1)]
    }


@pytest.mark.django_db
@override_settings(METRICS_TOKEN=TOKEN)
def test_metrics_count_requests_backlog_and_voice_reports(client, labour_federation):
    metrics.flush()  # what this process counted for earlier tests
    cache.clear()
    client.get("/healthz")
    client.get("/khong-co-trang-nay-dau/")
    report_services.report_submit(category="luong-cham-thieu", text="Lương tháng 10 trả chậm hai tuần.")
    run_timer.enqueue("reach_rollup")

    samples = scrape(client)

    assert samples['lantoa_http_requests_total{class="2xx"}'] == 1
    assert samples['lantoa_http_requests_total{class="4xx"}'] == 1
    assert samples["lantoa_tasks_pending"] == 1
    assert samples['lantoa_tasks{status="READY"}'] == 1
    assert samples['lantoa_voice_reports{status="new"}'] == 1
    assert samples['lantoa_voice_reports{status="closed"}'] == 0
    assert samples['lantoa_info{version="0.1.0"}'] == 1
    assert scrape(client)['lantoa_http_requests_total{class="2xx"}'] == 2  # the first scrape counted too


@pytest.mark.django_db
def test_request_counts_reach_the_shared_cache_in_batches_and_nothing_is_lost(client):
    metrics.flush()
    cache.clear()
    for _ in range(3):
        client.get("/healthz")
    assert cache.get("metrics:http:2xx") is None  # held in the process: no cache write per request

    metrics.flush()
    client.get("/healthz")
    metrics.flush()

    assert cache.get("metrics:http:2xx") == 4
