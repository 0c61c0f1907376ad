"""Page objects for the worker's legal assistant and the adviser's back office."""

from playwright.sync_api import Page, expect


class LegalPages:
    def __init__(self, page: Page) -> None:
        self.page = page
        self.base = page.base_url

    def ask(self, question: str) -> None:
        self.page.goto(f"{self.base}/")
        self.page.get_by_role("link", name="Hỏi luật lao động").click()
        self.page.get_by_label("Bạn muốn hỏi gì?").fill(question)
        self.page.get_by_role("button", name="Hỏi", exact=True).click()

    def answers(self) -> object:
        return self.page.locator(".answer")

    def send_to_adviser(self) -> str:
        self.page.get_by_role("button", name="Gửi tư vấn viên").click()
        code = self.page.locator("#follow-code").inner_text()
        expect(self.page.get_by_role("heading", name="Đã gửi câu hỏi")).to_be_visible()
        return code

    def read_answer(self, code: str) -> str:
        self.page.goto(f"{self.base}/phap-luat/tu-van/xem/")
        self.page.get_by_label("Mã theo dõi").fill(code)
        self.page.get_by_role("button", name="Xem").click()
        return self.page.locator(".card").inner_text()

    def answer_question(self, question: str, *, answer: str, citation: str, title: str) -> None:
        self.page.goto(f"{self.base}/office/")
        self.page.get_by_role("link", name="Câu hỏi gửi tư vấn viên").click()
        self.page.get_by_role("link", name=question[:40]).click()
        self.page.get_by_label("Trả lời").fill(answer)
        self.page.get_by_label("Điều luật trích dẫn").fill(citation)
        self.page.get_by_label("Đã duyệt: đăng thành hỏi đáp công khai").check()
        self.page.get_by_label("Câu hỏi khi đăng").fill(title)
        self.page.get_by_role("button", name="Lưu câu trả lời").click()
        expect(self.page.get_by_text("Đã lưu câu trả lời.")).to_be_visible()
