"""A worker reports, an officer replies, and the phone says so on the home page: no code retyped. The case shows the
text sent, the deadline dates and the acknowledgement as a QR card; offline, the replies already fetched still show."""

import re

from playwright.sync_api import expect

from lantoa.core.tests.qrcodes import decode_png
from lantoa.orgs import services as org_services
from lantoa.orgs.models import OrgUnit, Role
from lantoa.voice.catalogue import catalogue_ensure
from lantoa.voice.models import Report
from lantoa.voice.services import cases as case_services

from .pages.receipts import DeviceReceipts
from .pages.voice import WorkerVoicePages

TEXT = "Ca đêm không có nước uống ở xưởng 3."
REPLY = "Công đoàn đã đề nghị công ty đặt bình nước trong tuần này."


def test_the_home_page_says_a_reply_came_and_the_case_opens_without_typing_the_receipt(
    page, enterprise_a, make_official, tmp_path
):
    catalogue_ensure()
    union = org_services.unit_save(
        code=f"CDCS-{enterprise_a.tax_code}",
        name="Công đoàn cơ sở Công ty A",
        kind=OrgUnit.Kind.GRASSROOTS_UNION,
        parent=enterprise_a.unit,
        commune=enterprise_a.commune,
    )[0]
    officer = make_official(unit=union, role=Role.UNION_OFFICER, name="Chủ tịch CĐCS")
    page.set_viewport_size({"width": 360, "height": 780})
    worker = WorkerVoicePages(page)
    worker.enter_enterprise(enterprise_a.public_code)
    worker.open_report_form()
    worker.fill_report(category="An toàn lao động", text=TEXT)
    worker.send()
    receipt = worker.receipt()
    expect(page.locator("#ack-card svg")).to_be_visible()
    expect(page.get_by_role("button", name="In giấy xác nhận")).to_be_visible()
    page.screenshot(path=str(tmp_path / "receipt-360.png"), full_page=True)
    stored = page.evaluate("() => localStorage.getItem('lantoa.voice.receipts')")
    assert receipt in stored

    page.goto(f"{page.base_url}/")
    expect(page.locator("#home-receipts")).to_contain_text("Chưa có trả lời mới")
    case_services.case_reply(report=Report.objects.get(), user=officer, text=REPLY)
    DeviceReceipts(page).check_again_now()
    page.reload()
    expect(page.locator("#home-receipts")).to_contain_text("Có trả lời mới")
    page.screenshot(path=str(tmp_path / "home-reply-360.png"), full_page=True)

    DeviceReceipts(page).open_latest_from_home("#home-receipts", listed="An toàn lao động")
    expect(page.locator("#case-text")).to_have_text(TEXT)
    expect(page.locator("#thread")).to_contain_text(REPLY)
    expect(page.locator("#case-deadline")).to_have_text(re.compile(r"^Hạn giải quyết: \d\d/\d\d/\d{4}$"))
    expect(page.locator("#ack-card svg")).to_be_visible()
    page.screenshot(path=str(tmp_path / "case-360.png"), full_page=True)
    assert receipt not in page.url
    page.locator("#ack-card .qr svg").screenshot(path=str(tmp_path / "ack-qr.png"))
    verify_url = decode_png(tmp_path / "ack-qr.png")
    assert verify_url.startswith(f"{page.base_url}/voice/ack/?t=")
    page.goto(verify_url)
    expect(page.get_by_role("status")).to_contain_text("Hợp lệ: do Lan Tỏa cấp.")

    page.goto(f"{page.base_url}/")
    expect(page.locator("#home-receipts")).to_contain_text("Chưa có trả lời mới")
    DeviceReceipts(page).expect_kept_offline("/voice/follow/", REPLY, TEXT)
    page.screenshot(path=str(tmp_path / "follow-offline-360.png"), full_page=True)
