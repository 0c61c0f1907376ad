"""Page objects for the officials' back office."""

from pathlib import Path

from playwright.sync_api import Page, expect

from lantoa.core.tests.support import run_worker


class OfficePages:
    def __init__(self, page: Page) -> None:
        self.page = page
        self.base = page.base_url

    def login(self, phone: str, password: str) -> None:
        self.page.goto(f"{self.base}/office/login/")
        self.page.get_by_label("Số điện thoại").fill(phone)
        self.page.get_by_label("Mật khẩu").fill(password)
        self.page.get_by_role("button", name="Đăng nhập").click()
        expect(self.page.get_by_role("heading", name="Bàn làm việc")).to_be_visible()

    def logout(self) -> None:
        self.page.get_by_role("button", name="Đăng xuất").click()

    def download_import_template(self, folder: Path) -> Path:
        self.page.goto(f"{self.base}/office/import/")
        with self.page.expect_download() as download_info:
            self.page.get_by_role("link", name="Tải tệp mẫu (.xlsx)").click()
        target = folder / download_info.value.suggested_filename
        download_info.value.save_as(target)
        return target

    def upload_import(self, path: Path) -> None:
        self.page.goto(f"{self.base}/office/import/")
        self.page.get_by_label("Tệp Excel (.xlsx) theo mẫu").set_input_files(path)
        self.page.get_by_role("button", name="Kiểm tra và nhập").click()
        expect(self.page.get_by_role("heading", name="Nhập đơn vị, doanh nghiệp từ Excel")).to_be_visible()
        run_worker()  # the task worker imports the stored file; the page polls until it is done

    def enterprises(self) -> str:
        self.page.goto(f"{self.base}/office/enterprises/")
        return self.page.locator("#results").inner_text()
