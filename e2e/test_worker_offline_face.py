"""After one visit a worker loses signal: home, the handbook and its search, and the report form still open; a page
that needs the server says so in Vietnamese; the report typed offline arrives exactly once when the phone is back,
sent from whichever page the worker has open, with its receipt shown there and kept in the list of their reports."""

from playwright.sync_api import expect

from lantoa.legal.models import HandbookChapter, HandbookEntry
from lantoa.orgs import services as org_services
from lantoa.orgs.models import OrgUnit
from lantoa.voice.catalogue import catalogue_ensure
from lantoa.voice.models import Report

from .pages.voice import WorkerVoicePages

QUESTION = "Làm đủ 12 tháng được nghỉ phép năm mấy ngày?"


def test_one_visit_then_offline_home_handbook_search_page_and_report_form_work(page, enterprise_a, tmp_path):
    catalogue_ensure()
    org_services.unit_save(
        code=f"CDCS-{enterprise_a.tax_code}",
        name="Công đoàn cơ sở Công ty A",
        kind=OrgUnit.Kind.GRASSROOTS_UNION,
        parent=enterprise_a.unit,
        commune=enterprise_a.commune,
    )
    chapter = HandbookChapter.objects.create(slug="nghi-phep", title="Nghỉ phép năm, nghỉ lễ, tết", position=1)
    HandbookEntry.objects.create(
        chapter=chapter, slug="nghi-phep-nam", question=QUESTION,
        answer="Được nghỉ 12 ngày làm việc, hưởng nguyên lương (Điều 113 Bộ luật Lao động 2019).",
    )  # fmt: skip
    page.set_viewport_size({"width": 360, "height": 780})
    worker = WorkerVoicePages(page)
    worker.enter_enterprise(enterprise_a.public_code)
    page.evaluate("() => navigator.serviceWorker.ready")

    page.context.set_offline(True)
    page.goto(f"{page.base_url}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Hiểu luật để bảo vệ mình")
    page.goto(f"{page.base_url}/phap-luat/so-tay/")
    page.get_by_label("Tìm trong sổ tay").fill("nghi phep nam")
    page.get_by_role("button", name="Tìm", exact=True).click()
    expect(page.locator("#handbook-results")).to_contain_text(QUESTION)
    page.locator("#handbook-results summary").first.click()
    expect(page.locator("#handbook-results")).to_contain_text("Được nghỉ 12 ngày làm việc")
    page.screenshot(path=str(tmp_path / "handbook-offline-360.png"), full_page=True)

    page.goto(f"{page.base_url}/phap-luat/hoi/?q=luong+toi+thieu")
    expect(page.get_by_role("heading", level=1)).to_have_text("Điện thoại đang không có mạng")
    expect(page.locator("#offline-pages")).to_contain_text("Sổ tay pháp luật")
    page.screenshot(path=str(tmp_path / "offline-page-360.png"), full_page=True)

    worker.open_report_form()
    worker.fill_report(category="Lương chậm, thiếu", text="Gõ lúc mất sóng: lương tháng này chưa trả.")
    worker.send()
    expect(page.locator("#outbox-status")).to_contain_text("Không có mạng")
    assert Report.objects.count() == 0

    # The worker leaves the form and opens the home page; the report goes from there once the network is back.
    page.goto(f"{page.base_url}/")
    page.context.set_offline(False)
    page.evaluate("() => window.dispatchEvent(new Event('online'))")
    arrived = page.locator("#outbox-arrived")
    expect(arrived).to_contain_text("Phản ánh đã gửi", timeout=20_000)
    receipt = arrived.locator(".receipt-code").inner_text()
    page.screenshot(path=str(tmp_path / "home-report-arrived-360.png"), full_page=True)
    page.reload()
    page.wait_for_timeout(1500)
    assert Report.objects.count() == 1
    assert Report.objects.get().enterprise == enterprise_a
    # A page without the worker's list of reports links to it; the list keeps the receipt; noting it clears the notice.
    page.goto(f"{page.base_url}/phap-luat/so-tay/")
    page.locator("#outbox-arrived").get_by_role("link", name="Xem phản ánh của bạn").click()
    expect(page.locator("#device-receipts")).to_contain_text(receipt)
    page.locator("#outbox-arrived").get_by_role("button", name="Tôi đã chép mã").click()
    expect(page.locator("#outbox-arrived")).to_be_empty()
    page.goto(f"{page.base_url}/")  # an empty outbox: the home no longer even loads it
    page.wait_for_load_state("networkidle")
    expect(page.locator("#outbox-arrived .receipt-code")).to_have_count(0)
    assert page.evaluate("() => !window.LantoaOutbox")
