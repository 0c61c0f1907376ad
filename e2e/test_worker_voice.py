"""A worker reports anonymously with a photo and follows the case by receipt; the union answers; the employer sees
only aggregates; a report typed offline arrives exactly once, with its photo, when the phone is back online, and one
kept by the earlier report-only outbox is still sent."""

from PIL import Image
from playwright.sync_api import expect

from lantoa.orgs import services as org_services
from lantoa.orgs.models import OrgUnit, Role
from lantoa.voice.catalogue import catalogue_ensure
from lantoa.voice.models import Report, ReportPhoto

from .pages.office import OfficePages
from .pages.voice import CasePages, WorkerVoicePages


def union_of(enterprise):
    unit, _created = org_services.unit_save(
        code=f"CDCS-{enterprise.tax_code}",
        name="Công đoàn cơ sở Công ty A",
        kind=OrgUnit.Kind.GRASSROOTS_UNION,
        parent=enterprise.unit,
        commune=enterprise.commune,
    )
    return unit


def test_worker_reports_union_replies_worker_answers_employer_sees_aggregates(
    page, enterprise_a, make_official, tmp_path
):
    catalogue_ensure()
    officer = make_official(unit=union_of(enterprise_a), role=Role.UNION_OFFICER, name="Chủ tịch CĐCS")
    employer = make_official(unit=enterprise_a.unit, role=Role.EMPLOYER, name="Giám đốc nhân sự")
    photo = tmp_path / "may-dap.jpg"
    Image.new("RGB", (320, 240), (180, 40, 40)).save(photo, exif=Image.Exif().tobytes())

    worker = WorkerVoicePages(page)
    worker.enter_enterprise(enterprise_a.public_code)
    worker.open_report_form()
    expect(page.get_by_role("note")).to_contain_text("Nếu mất mã, không ai")
    worker.fill_report(category="An toàn lao động", text="Máy dập ở xưởng 2 không có che chắn.", photo=photo)
    worker.send()
    receipt = worker.receipt()
    assert len(receipt) == 24
    report = Report.objects.get()
    assert report.enterprise == enterprise_a
    assert ReportPhoto.objects.filter(report=report).count() == 1

    office = OfficePages(page)
    office.login(officer.username, "mat-khau-thu")
    cases = CasePages(page)
    cases.open_first_case()
    expect(page.locator("#case-body")).to_contain_text("Máy dập ở xưởng 2")
    expect(page.locator("img[alt='Ảnh người lao động gửi']")).to_be_visible()
    cases.reply("Công đoàn đã đề nghị công ty lắp che chắn trong tuần này.")
    office.logout()

    worker.open_case(receipt)
    expect(page.locator("#thread")).to_contain_text("Công đoàn đã đề nghị công ty lắp che chắn")
    worker.write_back("Cảm ơn, hôm nay đã có che chắn.")
    expect(page.locator("#thread")).to_contain_text("Cảm ơn, hôm nay đã có che chắn.")

    office.login(employer.username, "mat-khau-thu")
    page.goto(f"{page.base_url}/voice/office/aggregates/")
    expect(page.locator(".aggregate")).to_contain_text("An toàn lao động")
    expect(page.locator(".aggregate")).to_contain_text("dưới 5")
    expect(page.locator("main")).not_to_contain_text("Máy dập")
    response = page.goto(f"{page.base_url}/voice/office/cases/{report.pk}/")
    assert response.status == 404


def test_a_report_typed_offline_arrives_once_with_its_photo_when_back_online(page, enterprise_a, tmp_path):
    catalogue_ensure()
    union_of(enterprise_a)
    photo = tmp_path / "bang-luong.jpg"
    Image.new("RGB", (320, 240), (40, 40, 180)).save(photo)
    worker = WorkerVoicePages(page)
    worker.enter_enterprise(enterprise_a.public_code)
    worker.open_report_form()
    page.context.set_offline(True)
    worker.fill_report(category="Lương chậm, thiếu", text="Gõ lúc mất sóng: lương tháng này chưa trả.", photo=photo)
    worker.send()
    expect(page.locator("#outbox-status")).to_contain_text("Không có mạng")
    expect(page.locator("#outbox-status")).not_to_contain_text("không cho lưu ảnh")
    assert Report.objects.count() == 0

    page.context.set_offline(False)
    expect(page.locator("#outbox-sent")).to_contain_text("Phản ánh đã gửi", timeout=20_000)
    receipt = page.locator("#outbox-sent .receipt-code").inner_text()
    assert Report.objects.count() == 1
    page.reload()
    page.wait_for_timeout(1500)
    assert Report.objects.count() == 1
    expect(page.locator("#outbox-sent .receipt-code")).to_have_text(receipt)
    page.get_by_role("button", name="Tôi đã chép mã").click()
    expect(page.locator("#outbox-sent")).to_be_empty()
    report = Report.objects.get()
    assert report.enterprise == enterprise_a
    assert ReportPhoto.objects.filter(report=report).count() == 1


def test_a_report_kept_by_the_earlier_report_only_outbox_is_still_sent(page, enterprise_a):
    catalogue_ensure()
    union_of(enterprise_a)
    worker = WorkerVoicePages(page)
    worker.enter_enterprise(enterprise_a.public_code)
    worker.open_report_form()
    page.evaluate(
        "(code) => localStorage.setItem('lantoa.voice.outbox', JSON.stringify([{key: 'legacy-0123456789abcdef',"
        " category: 'luong-cham-thieu', text: 'Gõ trước khi cập nhật: lương chưa trả.', enterprise: code,"
        " contact: '', is_shareable: false}]))",
        enterprise_a.public_code,
    )
    page.reload()
    expect(page.locator("#outbox-sent")).to_contain_text("Phản ánh đã gửi", timeout=20_000)
    report = Report.objects.get()
    assert report.enterprise == enterprise_a and report.category.slug == "luong-cham-thieu"
