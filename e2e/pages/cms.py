"""Page objects for editors and reviewers in Wagtail (/cms/)."""

from playwright.sync_api import Page, expect


class Cms:
    def __init__(self, page: Page) -> None:
        self.page = page
        self.base = page.base_url

    def login(self, username: str, password: str) -> None:
        self.page.context.clear_cookies()
        self.page.goto(f"{self.base}/cms/")  # the site's one sign-in page, then back to the CMS
        expect(self.page).to_have_url(f"{self.base}/office/login/?next=/cms/")
        self.page.locator("#id_username").fill(username)
        self.page.locator("#id_password").fill(password)
        self.page.locator("form button[type=submit]").click()
        expect(self.page).to_have_url(f"{self.base}/cms/")

    def draft_lesson_and_submit(self, *, topic_id: int, fields: dict[str, str], citation: dict[str, str]) -> None:
        self.page.goto(f"{self.base}/cms/pages/add/content/lessonpage/{topic_id}/")
        for name, value in fields.items():
            self.page.locator(f"#id_{name}").fill(value)
        for name, value in citation.items():
            self.page.locator(f"#id_citations-0-{name}").fill(value)
        self.page.locator('button[name="action-submit"]').dispatch_event("click")
        expect(self.page.locator(".messages")).to_be_visible()

    def approve(self, *, page_id: int) -> None:
        self.page.goto(f"{self.base}/cms/pages/{page_id}/edit/")
        self.page.locator('button[data-workflow-action-name="approve"]').first.dispatch_event("click")
        expect(self.page.locator(".messages")).to_be_visible()
