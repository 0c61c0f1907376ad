"""The province assigns a task to a commune; the commune's quarterly report drafts itself from the data,
the commune edits and submits it; the province approves it, downloads the DOCX and sees the figures."""

from docx import Document
from playwright.sync_api import expect

from lantoa.plans.models import PlanTask, UnitReport
from lantoa.plans.services import plans

from .pages.office import OfficePages
from .pages.plans import PlanPages


def test_province_assigns_commune_reports_province_approves_and_downloads(
    page,
    province,
    propaganda_board,
    labour_federation,
    commune,
    province_monitor,
    commune_officer,
    make_enterprise,
    tmp_path,
):
    plan = plans.provincial_plan_seed(province=province)
    make_enterprise(name="Công ty TNHH May Bình Hòa", commune="Xã Bình Hòa", workers=640, union_member_count=600)
    binh_hoa = commune("Xã Bình Hòa")
    office, plan_pages = OfficePages(page), PlanPages(page)

    office.login(province_monitor.username, "mat-khau-thu")
    plan_pages.open_plan(plan.pk)
    task = plan.tasks.get(section="IV.1")
    plan_pages.assign_task(task_id=task.pk, unit_name="Xã Bình Hòa", due_iso="2026-03-15")
    assert PlanTask.objects.get(parent_task=task).assignee == binh_hoa
    office.logout()

    office.login(commune_officer.username, "mat-khau-thu")
    page.goto(f"{page.base_url}/plans/")
    expect(page.locator(".notices")).to_contain_text("Được giao nhiệm vụ")
    plan_pages.draft_report(unit_name="Xã Bình Hòa", period="2026-Q1")
    figures = page.locator(".doc table").first
    expect(figures.get_by_role("row", name="Số công nhân, người lao động")).to_contain_text("640")
    expect(page.locator(".doc")).to_contain_text("Đơn vị được giao 1 nhiệm vụ")
    plan_pages.edit_report(
        **{"Hạn chế, nguyên nhân": "Doanh nghiệp nhỏ chưa bố trí thời gian.", "Người ký": "Lê Minh Tâm"}
    )
    plan_pages.submit_report()
    office.logout()

    office.login(province_monitor.username, "mat-khau-thu")
    plan_pages.open_report(unit_name="Xã Bình Hòa")
    plan_pages.review_report(approve=True)
    expect(page.locator(".report-status")).to_have_text("Đã duyệt")
    assert UnitReport.objects.get(unit=binh_hoa).status == UnitReport.Status.APPROVED
    document = Document(str(plan_pages.download("Tạo tệp DOCX", tmp_path)))
    header = document.tables[0]
    assert "ĐẢNG ỦY XÃ BÌNH HÒA" in header.rows[0].cells[0].text
    assert header.rows[0].cells[1].text == "ĐẢNG CỘNG SẢN VIỆT NAM"
    assert header.rows[1].cells[0].text.startswith("Số 1-BC/")
    body = "\n".join(p.text for p in document.paragraphs)
    assert "Doanh nghiệp nhỏ chưa bố trí thời gian." in body
    assert "640" in [row.cells[3].text for row in document.tables[1].rows]

    plan_pages.dashboard(unit_code=province.code, indicator="orgs.workers", period="2026-Q1")
    assert plan_pages.headline("Số công nhân, người lao động") == "640"
    expect(page.locator(".tiles-map")).to_be_visible()
    page.locator(".drill").get_by_role("link", name="Xã Bình Hòa").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Xã Bình Hòa")
    expect(page.locator(".drill")).to_contain_text("Công ty TNHH May Bình Hòa")
