"""Page objects for grassroots activities: events with QR check-in, dialogues."""

from playwright.sync_api import Page, expect


class ActivityPages:
    def __init__(self, page: Page) -> None:
        self.page = page
        self.base = page.base_url

    def plan_event(self, *, place: str, title: str, starts_at: str, shift: str) -> None:
        self.page.goto(f"{self.base}/office/activities/plan/")
        self.page.get_by_label("Nơi tổ chức").select_option(label=place)
        self.page.get_by_label("Hình thức").select_option(label="Nói chuyện chuyên đề, tuyên truyền miệng")
        self.page.get_by_label("Tên hoạt động").fill(title)
        self.page.get_by_label("Thời gian bắt đầu").fill(starts_at)
        self.page.get_by_label("Bố trí theo ca làm việc").select_option(label=shift)
        self.page.get_by_label("Số người dự kiến").fill("120")
        self.page.get_by_role("button", name="Lưu").click()
        expect(self.page.get_by_role("heading", name=title)).to_be_visible()

    def open_checkin_qr(self) -> str:
        """Open the organiser's QR screen; returns the check-in address the QR encodes."""
        self.page.get_by_role("link", name="Mở mã QR điểm danh").click()
        expect(self.page.locator("#live svg")).to_be_visible()
        return self.page.locator("#live a").get_attribute("href")

    def checked_in_count(self) -> str:
        self.page.reload()
        return self.page.locator("#checkins").inner_text()

    def record_dialogue(self, *, enterprise: str, held_on: str, agenda: str, case_ref: str) -> None:
        self.page.goto(f"{self.base}/office/dialogues/new/")
        self.page.get_by_label("Doanh nghiệp").select_option(label=enterprise)
        self.page.get_by_label("Ngày đối thoại").fill(held_on)
        self.page.get_by_label("Nội dung đối thoại").fill(agenda)
        self.page.get_by_label("Số đại diện bên người lao động").fill("14")
        self.page.get_by_label("Mã vụ việc phản ánh liên quan").fill(case_ref)
        self.page.get_by_role("button", name="Lưu đối thoại").click()
        expect(self.page.get_by_role("heading", name=f"Đối thoại tại {enterprise}")).to_be_visible()

    def add_commitment(self, *, description: str, owner: str, due_on: str) -> None:
        form = self.page.locator("#commitment-form")
        form.get_by_label("Việc cam kết").fill(description)
        form.get_by_label("Bên thực hiện").select_option(label="Người sử dụng lao động")
        form.get_by_label("Người chịu trách nhiệm").fill(owner)
        form.get_by_label("Hạn hoàn thành").fill(due_on)
        form.get_by_role("button", name="Thêm cam kết").click()
        expect(self.page.locator("#commitments")).to_contain_text(description)

    def dialogues(self) -> str:
        self.page.goto(f"{self.base}/office/dialogues/")
        return self.page.locator("main").inner_text()


class WorkerCheckin:
    """One phone: its own browser context, so its own device cookie."""

    def __init__(self, page: Page) -> None:
        self.page = page

    def check_in(self, url: str) -> str:
        self.page.goto(url)
        self.page.get_by_role("button", name="Tôi có mặt").click()
        return self.page.get_by_role("status").inner_text()

    def check_in_again(self, url: str) -> str:
        """Scan once more from the same phone (the page already knows this device)."""
        return self.check_in(url)
