"""Page objects for the workers' labour calculators."""

from playwright.sync_api import Page


class CalculatorPages:
    def __init__(self, page: Page) -> None:
        self.page = page
        self.base = page.base_url

    def open_overtime_from_index(self) -> None:
        self.page.goto(f"{self.base}/tinh-toan/")
        self.page.get_by_role("link", name="Tiền làm thêm giờ, làm đêm").click()

    def fill_overtime(self, *, wage: str, weekday_hours: str, longest_day: str = "", on: str = "") -> None:
        if on:
            self.page.get_by_label("Ngày làm thêm (để áp dụng quy định đúng thời điểm)").fill(on)
        self.page.get_by_label("Tiền lương hoặc đơn giá (đồng)").fill(wage)
        self.page.get_by_label("Làm thêm ngày thường, ban ngày").fill(weekday_hours)
        if longest_day:
            self.page.get_by_label("Một ngày thường làm thêm nhiều nhất bao nhiêu giờ?").fill(longest_day)
        self.page.get_by_role("button", name="Tính").click()

    def fill_mother_died(self, *, born_on: str, died_on: str, average_wage: str) -> None:
        self.page.goto(f"{self.base}/tinh-toan/")
        self.page.get_by_role("link", name="Chế độ thai sản").click()
        self.page.get_by_label("Mẹ chết hoặc không đủ sức khỏe chăm con sau khi sinh", exact=False).check()
        self.page.get_by_label("Ngày sinh con, hoặc ngày xảy ra sự việc", exact=False).fill(born_on)
        self.page.get_by_label("Ngày mẹ chết hoặc được cơ sở y tế xác nhận", exact=False).fill(died_on)
        self.page.get_by_label("Mức bình quân tiền lương đóng bảo hiểm xã hội 6 tháng gần nhất (đồng)").fill(
            average_wage
        )
        self.page.get_by_role("button", name="Tính").click()

    def fill_recovery(self, *, on: str, case: str) -> None:
        self.page.goto(f"{self.base}/tinh-toan/")
        self.page.get_by_role("link", name="Dưỡng sức, phục hồi sức khỏe").click()
        self.page.get_by_label("Thai sản", exact=True).check()
        self.page.get_by_label("Ngày bắt đầu nghỉ dưỡng sức").fill(on)
        self.page.get_by_label(case, exact=False).check()
        self.page.get_by_role("button", name="Tính").click()

    def result(self) -> str:
        return self.page.locator("#ket-qua").inner_text()

    def form_errors(self) -> str:
        return self.page.locator("form.calc").inner_text()
