"""Page objects for plans: the plan and its tasks, unit reports, the dashboard."""

import re
from pathlib import Path

from playwright.sync_api import Page, expect

from lantoa.core.tests.support import run_worker


class PlanPages:
    def __init__(self, page: Page) -> None:
        self.page = page
        self.base = page.base_url

    def open_plan(self, plan_id: int) -> None:
        self.page.goto(f"{self.base}/plans/plan/{plan_id}/")

    def assign_task(self, *, task_id: int, unit_name: str, due_iso: str) -> None:
        row = self.page.locator(f"#task-{task_id}")
        row.get_by_text("Giao xuống cấp dưới").click()
        row.get_by_label("Giao cho đơn vị", exact=True).select_option(label=unit_name)
        row.get_by_label("Hạn hoàn thành").fill(due_iso)
        row.get_by_role("button", name="Giao nhiệm vụ").click()
        expect(self.page.locator(".messages")).to_contain_text(f"Đã giao nhiệm vụ cho {unit_name}")

    def draft_report(self, *, unit_name: str, period: str) -> None:
        self.page.goto(f"{self.base}/plans/reports/")
        self.page.get_by_label("Đơn vị báo cáo").select_option(label=unit_name)
        self.page.get_by_label("Kỳ báo cáo").fill(period)
        self.page.get_by_role("button", name="Lập báo cáo từ số liệu").click()
        expect(self.page.locator(".report-status")).to_have_text("Dự thảo")

    def open_report(self, *, unit_name: str) -> None:
        self.page.goto(f"{self.base}/plans/reports/")
        self.page.get_by_role("link", name=unit_name).click()

    def edit_report(self, **fields: str) -> None:
        self.page.get_by_role("link", name="Sửa báo cáo").click()
        for label, value in fields.items():
            self.page.get_by_label(re.compile(rf"^{re.escape(label)}:?$")).fill(value)
        self.page.get_by_role("button", name="Lưu báo cáo").click()
        expect(self.page.locator(".messages")).to_contain_text("Đã lưu báo cáo")

    def figure(self, indicator_name: str) -> str:
        """The figure of an indicator in the report's first table (the number column)."""
        row = self.page.locator(".doc table").first.get_by_role("row", name=indicator_name, exact=False)
        return row.locator("td").nth(3).inner_text()

    def open_figure_records(self, indicator_name: str) -> None:
        """Follow the report's figure to the records it was computed from."""
        row = self.page.locator(".doc table").first.get_by_role("row", name=indicator_name, exact=False)
        row.locator("a.figure-link").click()

    def submit_report(self) -> None:
        self.page.get_by_role("button", name="Gửi báo cáo").click()
        expect(self.page.locator(".report-status")).to_have_text("Đã gửi")

    def review_report(self, *, approve: bool, note: str = "") -> None:
        self.page.get_by_label("Quyết định").select_option("approve" if approve else "return")
        if note:
            self.page.get_by_label("Ý kiến").fill(note)
        self.page.get_by_role("button", name="Ghi quyết định").click()

    def download(self, button_name: str, folder: Path) -> Path:
        """Ask for the file; the task worker builds it while the page waits, then the page offers it."""
        self.page.get_by_role("button", name=button_name).click()
        expect(self.page.get_by_role("heading", name="Xuất báo cáo định kỳ")).to_be_visible()
        run_worker()
        with self.page.expect_download() as download_info:
            self.page.get_by_role("link", name=re.compile("^Tải về ")).click()
        target = folder / download_info.value.suggested_filename
        download_info.value.save_as(target)
        return target

    def dashboard(self, *, unit_code: str, indicator: str, period: str) -> None:
        self.page.goto(f"{self.base}/plans/dashboard/?unit={unit_code}&indicator={indicator}&period={period}")

    def headline(self, indicator_name: str) -> str:
        return self.page.locator(".kpi", has_text=indicator_name).locator(".kpi-value").inner_text()
