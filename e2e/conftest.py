"""Browser journeys: Playwright driving Debian's chromium against the live test server."""

import os
import shutil
from collections.abc import Iterator

import pytest

# Playwright's sync API runs an event loop in this thread; the ORM calls in fixtures are still synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-gpu", "--disable-dev-shm-usage"]


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    if not shutil.which(CHROMIUM):
        message = f"chromium not found at {CHROMIUM}: run scripts/system-deps.sh"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


# Every journey runs under the site's Content-Security-Policy: what the browser blocks is collected from the DOM's
# event and the console, and any of it fails the test when the page closes.
WATCH_CSP = (
    "document.addEventListener('securitypolicyviolation', e =>"
    " console.error('CSP ' + e.violatedDirective + ' ' + e.blockedURI));"
)


@pytest.fixture
def page(browser, live_server, transactional_db) -> Iterator[object]:
    context = browser.new_context(locale="vi-VN", accept_downloads=True, viewport={"width": 412, "height": 900})
    context.set_default_timeout(15_000)
    context.add_init_script(WATCH_CSP)
    page = context.new_page()
    page.base_url = live_server.url
    page.csp_violations = []
    context.on("console", lambda message: _note_csp(page.csp_violations, message))
    yield page
    context.close()
    assert page.csp_violations == [], "the Content-Security-Policy blocked something on this journey"


def _note_csp(seen: list[str], message) -> None:  # type: ignore[no-untyped-def]
    text = message.text
    if message.type == "error" and ("CSP " in text or "Content Security Policy" in text):
        seen.append(f"{message.page.url if message.page else ''}: {text}")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "/e2e/" in str(item.path):
            item.add_marker(pytest.mark.e2e)
