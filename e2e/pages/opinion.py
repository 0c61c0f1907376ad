"""Page objects for the rumour desk, thought-situation notes and recommendations."""

from pathlib import Path

from playwright.sync_api import Page, expect


class WorkerClaimPages:
    def __init__(self, page: Page) -> None:
        self.page = page
        self.base = page.base_url

    def ask(self, text: str, *, photo: Path | None = None) -> str:
        self.page.goto(f"{self.base}/hoi-tin-don/")
        self.send(text, photo=photo)
        expect(self.page.get_by_role("heading", name="Đã nhận câu hỏi của bạn")).to_be_visible()
        return self.page.locator("#receipt-code").inner_text().strip()

    def send(self, text: str, *, photo: Path | None = None) -> None:
        """Fill the claim form on the page open now and press "Gửi hỏi" (online it opens the receipt page)."""
        self.page.get_by_label("Bạn nghe hoặc đọc được tin gì?").fill(text)
        if photo is not None:
            self.page.get_by_label("Ảnh chụp tin nhắn, bài đăng (nếu có)").set_input_files(photo)
        self.page.get_by_role("button", name="Gửi hỏi").click()

    def follow(self, receipt: str) -> None:
        self.page.goto(f"{self.base}/hoi-tin-don/xem/")
        self.page.get_by_label("Mã biên nhận").fill(receipt)
        self.page.get_by_role("button", name="Xem trả lời").click()
        expect(self.page.get_by_role("heading", name="Câu hỏi của bạn")).to_be_visible()


class DeskPages:
    def __init__(self, page: Page) -> None:
        self.page = page
        self.base = page.base_url

    def publish_first_waiting(self, *, claim: str, verdict: str, truth: str, citation: str) -> None:
        self.page.goto(f"{self.base}/office/kiem-chung/")
        self.page.get_by_role("link", name="Trả lời").first.click()
        self.page.get_by_label("Tin được hỏi").fill(claim)
        self.page.get_by_label("Kết luận").select_option(label=verdict)
        self.page.get_by_label("Sự thật, nói bằng lời dễ hiểu").fill(truth)
        self.page.get_by_label("Căn cứ pháp lý, mỗi dòng một điều").fill(citation)
        self.page.get_by_role("button", name="Đăng công khai").click()
        expect(self.page.get_by_role("heading", name="Thông tin chính thức")).to_be_visible()

    def raise_recommendation(self, *, source: str, note: str, text: str, addressee: str, due: str) -> None:
        self.page.goto(f"{self.base}/office/kien-nghi/moi/")
        self.page.get_by_label("Xuất phát từ").select_option(label=source)
        self.page.get_by_label("Ghi chú nguồn").fill(note)
        self.page.get_by_label("Nội dung kiến nghị").fill(text)
        self.page.get_by_role("combobox", name="Cơ quan nhận (trong hệ thống)").select_option(label=addressee)
        self.page.get_by_label("Hạn trả lời (dd/mm/yyyy)").fill(due)
        self.page.get_by_role("button", name="Gửi kiến nghị").click()
        expect(self.page.get_by_role("heading", name="Kiến nghị và trả lời")).to_be_visible()

    def answer_first(self, answer: str) -> None:
        self.page.goto(f"{self.base}/office/kien-nghi/")
        self.page.get_by_label("Trả lời của cơ quan nhận").first.fill(answer)
        self.page.get_by_role("button", name="Ghi trả lời").first.click()


class NotePages:
    def __init__(self, page: Page) -> None:
        self.page = page
        self.base = page.base_url

    def record(
        self, *, enterprise: str, start: str, end: str, topic: str, mood: str, concerned: int, quotes: str
    ) -> None:
        self.page.goto(f"{self.base}/office/tu-tuong/ghi-nhan/")
        expect(self.page.get_by_text("Không ghi tên hay bất cứ điều gì làm lộ người lao động.")).to_be_visible()
        self.page.get_by_label("Doanh nghiệp").select_option(label=enterprise)
        self.page.get_by_label("Từ ngày (dd/mm/yyyy)").fill(start)
        self.page.get_by_label("Đến ngày (dd/mm/yyyy)").fill(end)
        self.page.get_by_label(topic).check()
        self.page.get_by_label("Tâm trạng chung").select_option(label=mood)
        self.page.get_by_label("Khoảng bao nhiêu người quan tâm").fill(str(concerned))
        self.page.get_by_label("Ý kiến tiêu biểu").fill(quotes)
        self.page.get_by_role("button", name="Lưu ghi nhận").click()
        expect(self.page.get_by_text("Đã lưu ghi nhận.")).to_be_visible()

    def rollup(self, *, start: str, end: str, measure: str = "Số ghi nhận") -> None:
        self.page.goto(f"{self.base}/office/tu-tuong/tong-hop/")
        self.page.get_by_label("Số liệu").select_option(label=measure)
        self.page.get_by_label("Từ ngày").fill(start)
        self.page.get_by_label("Đến ngày").fill(end)
        self.page.get_by_role("button", name="Xem").click()
