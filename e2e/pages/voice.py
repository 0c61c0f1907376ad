"""Page objects for the worker voice channel and the union's case pages."""

from pathlib import Path

from playwright.sync_api import Page, expect


class WorkerVoicePages:
    def __init__(self, page: Page) -> None:
        self.page = page
        self.base = page.base_url

    def enter_enterprise(self, code: str) -> None:
        self.page.goto(f"{self.base}/e/{code}")

    def open_report_form(self) -> None:
        self.page.goto(f"{self.base}/voice/")
        expect(self.page.get_by_role("heading", name="Phản ánh ẩn danh")).to_be_visible()

    def fill_report(self, *, category: str, text: str, photo: Path | None = None) -> None:
        self.page.get_by_label("Bạn muốn phản ánh về").select_option(label=category)
        self.page.get_by_role("textbox", name="Nội dung").fill(text)
        if photo is not None:
            self.page.get_by_label("Ảnh (không bắt buộc)").set_input_files(photo)
        self.page.get_by_label("Tôi hiểu: mã biên nhận chỉ hiện một lần").check()

    def send(self) -> None:
        self.page.get_by_role("button", name="Gửi phản ánh").click()

    def receipt(self) -> str:
        expect(self.page.get_by_role("heading", name="Đã nhận phản ánh của bạn")).to_be_visible()
        return self.page.locator("#receipt-code").inner_text().strip()

    def open_case(self, receipt: str) -> None:
        self.page.goto(f"{self.base}/voice/follow/")
        self.page.get_by_label("Mã biên nhận").fill(receipt)
        self.page.get_by_role("button", name="Mở phản ánh").click()
        expect(self.page.get_by_role("heading", name="Phản ánh của bạn")).to_be_visible()

    def write_back(self, text: str) -> None:
        self.page.get_by_label("Trả lời cán bộ công đoàn").fill(text)
        self.page.get_by_role("button", name="Gửi trả lời").click()


class CasePages:
    def __init__(self, page: Page) -> None:
        self.page = page
        self.base = page.base_url

    def open_first_case(self) -> None:
        self.page.goto(f"{self.base}/voice/office/cases/")
        self.page.locator("#cases tbody a").first.click()

    def reply(self, text: str) -> None:
        self.page.get_by_label("Trả lời người lao động").fill(text)
        self.page.get_by_role("button", name="Gửi trả lời").click()
        expect(self.page.locator("#thread")).to_contain_text(text)


class WorkerSurveyPages:
    def __init__(self, page: Page) -> None:
        self.page = page
        self.base = page.base_url

    def open(self, code: str) -> None:
        self.page.goto(f"{self.base}/voice/s/{code}/")

    def answer_scale(self, value: int) -> None:
        self.page.get_by_role("radio", name=str(value), exact=True).check()
        self.page.get_by_role("button", name="Gửi câu trả lời").click()

    def expect_thanks(self) -> None:
        expect(self.page.get_by_role("status")).to_contain_text("Cảm ơn bạn đã trả lời")

    def expect_other_group(self) -> None:
        expect(self.page.locator("#survey-other-group")).to_contain_text("dành cho người lao động của một nhóm khác")
        expect(self.page.get_by_role("button", name="Gửi câu trả lời")).to_have_count(0)
