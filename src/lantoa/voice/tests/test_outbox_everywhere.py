"""Every worker page loads the outbox (voice declares it in `worker_page_scripts`), so what a worker kept offline
goes from whichever page they open next (the browser journey is e2e/test_worker_offline_face)."""

import re

import pytest

OUTBOX = re.compile(r'<script src="/static/voice/outbox[^"]*\.js" defer></script>')


@pytest.mark.parametrize("path", ["/", "/phap-luat/so-tay/", "/tinh-toan/"])
def test_worker_pages_load_the_outbox_once_at_the_end(client, db, path):
    body = client.get(path).content.decode()
    assert len(OUTBOX.findall(body)) == 1
    assert body.rindex("outbox") > body.index("</main>")
