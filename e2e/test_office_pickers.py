"""A Labour Federation officer picks one enterprise out of a long list by typing part of its name."""

from playwright.sync_api import expect

from lantoa.activities.models import Dialogue

from .pages.a11y import serious_violations
from .pages.office import OfficePages

PASSWORD = "mat-khau-thu"


def test_officer_filters_a_long_enterprise_list_without_diacritics_and_records_a_dialogue(
    page, make_enterprise, union_officer
):
    for number in range(1, 25):
        make_enterprise(name=f"Công ty Thử nghiệm số {number:02d}")
    wanted = make_enterprise(name="Công ty May Đồng Tháp Mười")

    OfficePages(page).login(union_officer.username, PASSWORD)
    page.goto(f"{page.base_url}/office/dialogues/new/")
    picker = page.get_by_label("Doanh nghiệp:", exact=True)
    expect(picker.locator("option")).to_have_count(26)  # the empty choice and 25 enterprises

    assert serious_violations(page) == []
    page.get_by_label("Lọc: Doanh nghiệp").fill("dong thap")
    expect(picker.locator("option:not([hidden])")).to_have_count(2)  # the empty choice stays
    expect(picker).to_have_value(str(wanted.pk))

    page.get_by_label("Ngày đối thoại").fill("2026-11-20")
    page.get_by_label("Nội dung đối thoại").fill("Đối thoại định kỳ về tiền lương và ca làm việc")
    page.get_by_role("button", name="Lưu đối thoại").click()
    expect(page.get_by_text("Công ty May Đồng Tháp Mười").first).to_be_visible()
    assert Dialogue.objects.get().enterprise == wanted
