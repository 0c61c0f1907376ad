"""The service worker keeps the worker pages after one visit, and a page that needs the network says so in Vietnamese."""

import json
import re


def _kept(body: str) -> list[str]:
    match = re.search(r"const KEPT = (\[.*?\]);", body)
    assert match is not None, "the service worker lists the pages it keeps"
    return json.loads(match.group(1))


def test_the_service_worker_keeps_home_handbook_report_form_receipts_and_the_offline_page(client):
    body = client.get("/sw.js").content.decode()
    kept = _kept(body)
    for path in ("/", "/phap-luat/so-tay/", "/phap-luat/so-tay/du-lieu.json", "/voice/", "/voice/follow/", "/offline/"):
        assert path in kept
    for static in ("/static/voice/outbox.js", "/static/voice/receipts.js", "/static/legal/handbook.js"):
        assert static in body


def test_the_offline_page_lists_what_works_without_network(client):
    html = client.get("/offline/").content.decode()
    assert "Điện thoại đang không có mạng" in html
    assert 'href="/phap-luat/so-tay/"' in html and 'href="/voice/"' in html
    assert "hỏi luật" in html


def test_every_worker_page_registers_the_service_worker(client, db):
    assert 'data-sw="/sw.js"' in client.get("/").content.decode()
