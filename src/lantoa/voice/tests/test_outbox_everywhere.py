"""Every worker page marks the outbox for core/behaviours.js, which loads it while the phone keeps an entry (voice
declares it in `worker_page_scripts`), so what a worker kept offline goes from whichever page they open next and a
first visit carries none of it (the browser journey is e2e/test_worker_offline_face)."""

import re

import pytest

MARKER = re.compile(
    r'<i hidden data-load-script="/static/voice/outbox[^"]*\.js" data-when-stored="lantoa\.voice\.outbox">'
)


@pytest.mark.parametrize("path", ["/", "/phap-luat/so-tay/", "/tinh-toan/"])
def test_worker_pages_mark_the_outbox_without_loading_it(client, db, path):
    body = client.get(path).content.decode()
    assert len(MARKER.findall(body)) == 1
    assert '<script src="/static/voice/outbox' not in body
