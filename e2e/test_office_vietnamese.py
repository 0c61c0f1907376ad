"""In Vietnamese wherever a person looks: styled error pages on the worker and the office side, menus that open for the
role that sees them, and an office home that leads editors to /cms/ and registered workers back to the worker site."""

import re
import shutil

from playwright.sync_api import Page, expect

from lantoa.content import editorial
from lantoa.content import services as content_services
from lantoa.content.importers import SEED_DIR
from lantoa.content.models import LessonIndexPage
from lantoa.orgs.models import Role

from .pages.office import OfficePages

PASSWORD = "mat-khau-thu"
MENU = "header nav a[href^='/'], main ul.tiles a[href^='/'], main nav a[href^='/']"


def menu_hrefs(page: Page) -> set[str]:
    return set(page.locator(MENU).evaluate_all("links => links.map(a => a.getAttribute('href'))"))


def test_error_pages_and_menus_speak_vietnamese_and_lead_each_role_where_it_may_go(
    page, enterprise_a, propaganda_board, make_official, tmp_path
):
    page.set_viewport_size({"width": 360, "height": 780})
    missing = page.goto(f"{page.base_url}/khong-co-trang-nay/")
    assert missing.status == 404
    expect(page.locator("html")).to_have_attribute("lang", "vi")
    expect(page.get_by_role("heading", level=1)).to_have_text("Không tìm thấy trang")
    expect(page.get_by_role("link", name="Về trang chủ")).to_be_visible()
    page.screenshot(path=str(tmp_path / "worker-404-360.png"), full_page=True)

    employer = make_official(unit=enterprise_a.unit, role=Role.EMPLOYER, name="Đại diện công ty A")
    office = OfficePages(page)
    office.login(employer.username, PASSWORD)
    links = menu_hrefs(page)
    assert links, "the employer's office home shows no menu"
    for href in sorted(links - {"/office/logout/"}):
        assert page.request.get(f"{page.base_url}{href}").status not in (403, 404), href
    assert "/office/reach/" not in links
    forbidden = page.goto(f"{page.base_url}/office/reach/")
    assert forbidden.status == 403
    expect(page.get_by_role("heading", level=1)).to_have_text("Không có quyền truy cập")
    expect(page.get_by_role("button", name="Đăng xuất")).to_be_visible()  # in the office layout, still signed in
    page.screenshot(path=str(tmp_path / "office-403-360.png"), full_page=True)
    office.logout()

    shutil.copy(SEED_DIR / "01-hop-dong-phai-bang-van-ban.toml", tmp_path)
    content_services.lessons_import(folder=tmp_path)
    editorial.editorial_setup(index=LessonIndexPage.objects.get())
    editor = make_official(unit=propaganda_board, role=Role.EDITOR, name="Biên tập viên")
    office.login(editor.username, PASSWORD)
    page.get_by_role("link", name="Biên tập nội dung").click()
    expect(page).to_have_url(re.compile(r"/cms/$"))
    expect(page.locator("html")).to_have_attribute("lang", "vi")
    expect(page.get_by_role("heading", level=1)).to_have_text("Lan Tỏa")
    page.goto(f"{page.base_url}/office/")
    office.logout()

    worker = make_official(unit=enterprise_a.unit, role=Role.WORKER, name="Công nhân A")
    office.login(worker.username, PASSWORD)
    expect(page.get_by_role("link", name="Cuộc thi và giấy chứng nhận")).to_be_visible()
    page.get_by_role("link", name="Về trang người lao động").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Hiểu luật để bảo vệ mình")
