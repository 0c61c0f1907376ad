"""Page objects for a worker's lessons and quizzes."""

from playwright.sync_api import Page, expect


class WorkerLearning:
    def __init__(self, page: Page) -> None:
        self.page = page
        self.base = page.base_url

    def arrive_from_qr(self, code: str) -> None:
        self.page.goto(f"{self.base}/e/{code}")

    def open_lessons(self) -> None:
        self.page.get_by_role("link", name="Bài học 2 phút").click()
        expect(self.page.get_by_role("heading", level=1)).to_have_text("Bài học pháp luật")

    def open_lesson(self, topic: str, title: str) -> None:
        self.page.get_by_role("link", name=topic).click()
        self.page.get_by_role("link", name=title).click()
        expect(self.page.get_by_role("heading", level=1)).to_have_text(title)

    def take_quiz(self, choices: list[str], *, double_click: bool = False) -> None:
        self.page.get_by_role("link", name="Làm bài kiểm tra nhanh").click()
        for fieldset, choice in zip(self.page.locator("fieldset").all(), choices, strict=True):
            fieldset.get_by_label(choice, exact=True).check()
        button = self.page.get_by_role("button", name="Nộp bài")
        button.dblclick() if double_click else button.click()

    def save_topic_for_offline(self) -> None:
        self.page.get_by_role("button", name="Lưu chủ đề này để đọc khi không có mạng").click()
        expect(self.page.get_by_role("status").filter(has_text="Đã lưu")).to_be_visible()
