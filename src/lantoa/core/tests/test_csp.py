import logging

from django.core.cache import cache


def test_worker_pages_carry_the_policy_and_the_cms_keeps_its_own(client, admin_client, db):
    policy = client.get("/")["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "script-src 'self';" in policy
    assert "frame-ancestors 'none'" in policy
    cms = admin_client.get("/cms/")
    assert cms.status_code == 200 and "Content-Security-Policy" not in cms


def test_a_violation_report_is_counted_without_its_content(client, db, caplog):
    cache.clear()
    report = (
        '{"csp-report": {"blocked-uri": "https://x.invalid/voice/follow/SA3L-AAAA", "violated-directive": "img-src"}}'
    )
    with caplog.at_level(logging.WARNING):
        for _ in range(2):
            response = client.post(
                "/csp-report", report, content_type="application/csp-report", REMOTE_ADDR="203.0.113.7"
            )
            assert response.status_code == 204
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert "(2 so far)" in logged
    assert "SA3L" not in logged
    assert "203.0.113.7" not in logged
