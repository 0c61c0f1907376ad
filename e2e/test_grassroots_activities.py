"""An enterprise's union chair logs a talk with QR check-in and a dialogue; the employer sees only their own."""

import datetime as dt

from django.utils import timezone
from playwright.sync_api import expect

from lantoa.activities.models import Commitment, EventCheckin
from lantoa.activities.services import dialogues as dialogue_services
from lantoa.orgs import services as org_services
from lantoa.orgs.models import OrgUnit, Role

from .pages.activities import ActivityPages, WorkerCheckin
from .pages.office import OfficePages

PASSWORD = "mat-khau-thu"


def test_union_chair_logs_an_event_with_qr_checkin_and_a_dialogue_the_employer_sees(
    page, browser, enterprise_a, enterprise_b, employer, make_official
):
    union, _created = org_services.unit_save(
        code="CDCS-A", name="Công đoàn cơ sở Công ty A", kind=OrgUnit.Kind.GRASSROOTS_UNION, parent=enterprise_a.unit
    )
    chair = make_official(unit=union, role=Role.UNION_OFFICER, name="Chủ tịch công đoàn A")
    registered_worker = make_official(unit=union, role=Role.WORKER, name="Công nhân có tài khoản")
    other = dialogue_services.dialogue_record(
        enterprise=enterprise_b, kind="periodic", held_on=timezone.localdate(), agenda="Chuyện riêng của công ty B"
    )

    office, activities = OfficePages(page), ActivityPages(page)
    office.login(chair.username, PASSWORD)
    now = timezone.localtime()
    activities.plan_event(
        place=enterprise_a.name,
        title="Mười phút pháp luật giờ nghỉ giữa ca",
        starts_at=now.strftime("%Y-%m-%dT%H:%M"),
        shift="Giờ nghỉ giữa ca",
    )
    checkin_url = activities.open_checkin_qr()
    assert "/checkin/" in checkin_url

    anonymous_phone = browser.new_context(locale="vi-VN", viewport={"width": 360, "height": 640})
    account_phone = browser.new_context(locale="vi-VN", viewport={"width": 360, "height": 640})
    try:
        first = WorkerCheckin(anonymous_phone.new_page())
        assert "Đã điểm danh" in first.check_in(checkin_url)
        assert "rồi" in first.check_in_again(checkin_url)

        worker_page = account_phone.new_page()
        worker_page.base_url = page.base_url
        OfficePages(worker_page).login(registered_worker.username, PASSWORD)
        second = WorkerCheckin(worker_page)
        assert "Đã điểm danh" in second.check_in(checkin_url)
    finally:
        anonymous_phone.close()
        account_phone.close()

    assert activities.checked_in_count() == "2"
    assert EventCheckin.objects.filter(user=registered_worker).count() == 1

    today = timezone.localdate()
    activities.record_dialogue(
        enterprise=enterprise_a.name,
        held_on=today.isoformat(),
        agenda="Tiền ăn giữa ca và nhà xe",
        case_ref="pa-2026-0007",
    )
    activities.add_commitment(
        description="Tăng suất ăn giữa ca lên 22.000 đ",
        owner="Giám đốc nhân sự",
        due_on=(today + dt.timedelta(days=30)).isoformat(),
    )
    assert Commitment.objects.get().dialogue.voice_case_refs == "PA-2026-0007"
    office.logout()

    office.login(employer.username, PASSWORD)
    listing = activities.dialogues()
    assert enterprise_a.name in listing
    assert "Tăng suất ăn giữa ca lên 22.000 đ" in listing
    assert enterprise_b.name not in listing
    response = page.goto(f"{page.base_url}/office/dialogues/{other.pk}/")
    assert response.status == 404
    page.goto(f"{page.base_url}/office/dialogues/")
    page.get_by_role("link", name=today.strftime("%d/%m/%Y")).click()
    expect(page.locator("#commitments")).to_contain_text("Tăng suất ăn giữa ca lên 22.000 đ")
    expect(page.get_by_role("button", name="Đóng cam kết")).to_have_count(0)
