"""The receipts a phone keeps on the device: the home page's "Có trả lời mới", opening the latest answer, and what
still shows offline. Shared by the report and the rumour-desk journeys."""

from playwright.sync_api import Page, expect


class DeviceReceipts:
    def __init__(self, page: Page) -> None:
        self.page = page
        self.base = page.base_url

    def check_again_now(self) -> None:
        """As if the five minutes between two look-ups had passed: the next page asks the server again."""
        self.page.evaluate(
            "() => { const k = 'lantoa.voice.receipts', items = JSON.parse(localStorage.getItem(k));"
            " items.forEach((i) => { i.checked = 0; }); localStorage.setItem(k, JSON.stringify(items)); }"
        )

    def open_latest_from_home(self, card: str, *, listed: str = "") -> None:
        """Tap the home page's card (`#home-receipts`, `#home-claims`), see `listed` among the kept receipts, then
        "Mở bản mới nhất"."""
        self.page.locator(card).click()
        if listed:
            expect(self.page.locator("#device-receipts")).to_contain_text(listed)
        self.page.get_by_role("button", name="Mở bản mới nhất").click()

    def expect_kept_offline(self, path: str, *texts: str) -> None:
        """Offline, the follow-up page at `path` still shows what was fetched before."""
        self.page.context.set_offline(True)
        self.page.goto(f"{self.base}{path}")
        self.page.locator("#device-receipts summary").first.click()
        for text in texts:
            expect(self.page.locator("#device-receipts")).to_contain_text(text)
