"""The whole cycle of the plan: the province assigns a task; an enterprise's union holds a talk with QR check-in
and a dialogue; the commune's quarterly report drafts itself from those records, the commune submits it, the
province approves it and downloads the DOCX; the province's dashboard shows the new figures."""

import datetime as dt
from zoneinfo import ZoneInfo

import time_machine
from docx import Document
from playwright.sync_api import expect

from lantoa.orgs import services as org_services
from lantoa.orgs.models import OrgUnit, Role
from lantoa.plans.models import PlanTask, UnitReport
from lantoa.plans.services import plans

from .pages.activities import ActivityPages, WorkerCheckin
from .pages.office import OfficePages
from .pages.plans import PlanPages

PASSWORD = "mat-khau-thu"
# A Wednesday morning in the fourth quarter: the talk, the dialogue and the report all fall in 2026-Q4.
TODAY = dt.datetime(2026, 11, 25, 9, 0, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))
EVENTS = "Hoạt động tuyên truyền đã tổ chức"
ATTENDANCE = "Lượt người dự hoạt động tuyên truyền"
CHECKINS = "Lượt điểm danh bằng mã QR"
DIALOGUES = "Cuộc đối thoại tại nơi làm việc đã tổ chức"


def test_task_event_dialogue_report_approval_and_dashboard_in_one_quarter(
    page,
    browser,
    province,
    propaganda_board,
    labour_federation,
    commune,
    province_monitor,
    commune_officer,
    enterprise_a,
    enterprise_b,
    make_official,
    tmp_path,
):
    with time_machine.travel(TODAY, tick=True):
        plan = plans.provincial_plan_seed(province=province)
        union, _created = org_services.unit_save(
            code="CDCS-A",
            name="Công đoàn cơ sở Công ty A",
            kind=OrgUnit.Kind.GRASSROOTS_UNION,
            parent=enterprise_a.unit,
        )
        chair = make_official(unit=union, role=Role.UNION_OFFICER, name="Chủ tịch công đoàn A")
        office, activities, plan_pages = OfficePages(page), ActivityPages(page), PlanPages(page)

        # The province hands a task of section IV to the commune.
        office.login(province_monitor.username, PASSWORD)
        plan_pages.open_plan(plan.pk)
        task = plan.tasks.get(section="IV.2")
        plan_pages.assign_task(task_id=task.pk, unit_name="Xã Bình Hòa", due_iso="2026-12-15")
        assert PlanTask.objects.get(parent_task=task).assignee.name == "Xã Bình Hòa"
        office.logout()

        # The enterprise's union chair holds a talk: one phone scans the QR, 40 people are counted by hand.
        office.login(chair.username, PASSWORD)
        activities.plan_event(
            place=enterprise_a.name,
            title="Mười phút pháp luật giờ nghỉ giữa ca",
            starts_at=TODAY.strftime("%Y-%m-%dT%H:%M"),
            shift="Giờ nghỉ giữa ca",
        )
        event_url = page.url
        checkin_url = activities.open_checkin_qr()
        phone = browser.new_context(locale="vi-VN", viewport={"width": 360, "height": 640})
        try:
            assert "Đã điểm danh" in WorkerCheckin(phone.new_page()).check_in(checkin_url)
        finally:
            phone.close()
        page.goto(event_url)
        activities.mark_held(counted_by_hand=40, posters=3)
        activities.record_dialogue(
            enterprise=enterprise_a.name,
            held_on=TODAY.date().isoformat(),
            agenda="Tiền ăn giữa ca và nhà xe",
            case_ref="pa-2026-0007",
        )
        office.logout()

        # The commune's report for the quarter fills itself with the union's records, and the commune submits it.
        office.login(commune_officer.username, PASSWORD)
        page.goto(f"{page.base_url}/plans/")
        expect(page.locator(".notices")).to_contain_text("Được giao nhiệm vụ")
        plan_pages.draft_report(unit_name="Xã Bình Hòa", period="2026-Q4")
        assert plan_pages.figure(EVENTS) == "1"
        assert plan_pages.figure(ATTENDANCE) == "41"
        assert plan_pages.figure(CHECKINS) == "1"
        assert plan_pages.figure(DIALOGUES) == "1"
        expect(page.locator(".doc")).to_contain_text("Đơn vị được giao 1 nhiệm vụ")
        report_url = page.url
        plan_pages.open_figure_records(ATTENDANCE)
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        expect(page.locator("main")).to_contain_text("1 bản ghi")
        expect(page.locator("main table")).to_contain_text("Mười phút pháp luật giờ nghỉ giữa ca")
        page.goto(report_url)
        plan_pages.open_figure_records(DIALOGUES)
        expect(page.locator("main table")).to_contain_text(enterprise_a.name)
        expect(page.locator("main table")).not_to_contain_text(enterprise_b.name)
        page.goto(report_url)
        plan_pages.edit_report(**{"Người ký": "Lê Minh Tâm"})
        plan_pages.submit_report()
        office.logout()

        # The province approves and downloads the DOCX, whose table carries the same figures.
        office.login(province_monitor.username, PASSWORD)
        plan_pages.open_report(unit_name="Xã Bình Hòa")
        plan_pages.review_report(approve=True)
        expect(page.locator(".report-status")).to_have_text("Đã duyệt")
        assert UnitReport.objects.get(unit__name="Xã Bình Hòa").status == UnitReport.Status.APPROVED
        document = Document(str(plan_pages.download("Tạo tệp DOCX", tmp_path)))
        docx_figures = {row.cells[1].text: row.cells[3].text for row in document.tables[1].rows}
        assert docx_figures[ATTENDANCE] == "41"
        assert docx_figures[DIALOGUES] == "1"

        # The province's dashboard shows the new figures, and the commune among the units.
        plan_pages.dashboard(unit_code=province.code, indicator="activities.event_attendance", period="2026-Q4")
        assert plan_pages.headline(ATTENDANCE) == "41"
        assert plan_pages.headline(EVENTS) == "1"
        assert plan_pages.headline(DIALOGUES) == "1"
        expect(page.locator(".drill")).to_contain_text("Xã Bình Hòa")
