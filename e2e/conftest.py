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


@pytest.fixture
def bypass_csp() -> bool:
    """The accessibility check injects axe-core as an inline script, which the site's CSP rightly refuses; journeys
    let the browser skip the policy, and `e2e/test_csp.py` overrides this to hold every page to it."""
    return True


@pytest.fixture
def page(browser, live_server, transactional_db, bypass_csp) -> Iterator[object]:
    context = browser.new_context(
        locale="vi-VN", accept_downloads=True, viewport={"width": 412, "height": 900}, bypass_csp=bypass_csp
    )
    context.set_default_timeout(15_000)
    page = context.new_page()
    page.base_url = live_server.url
    yield page
    context.close()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "/e2e/" in str(item.path):
            item.add_marker(pytest.mark.e2e)
