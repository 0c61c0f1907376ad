"""On a 360 px phone the office header shows the whole name of who is signed in, on two lines if needed, instead of
cutting it with an ellipsis."""

from playwright.sync_api import Page, expect

from lantoa.orgs.models import Role

from .pages.office import OfficePages

PASSWORD = "mat-khau-thu"
LONG_NAME = "Ban Tuyên giáo Liên đoàn Lao động tỉnh An Giang – Nguyễn Thị Thu Hà"


def test_the_office_header_wraps_a_long_name_on_a_360_px_phone(page: Page, propaganda_board, make_official, tmp_path):
    page.set_viewport_size({"width": 360, "height": 780})
    official = make_official(unit=propaganda_board, role=Role.MONITOR, name=LONG_NAME)
    OfficePages(page).login(official.username, PASSWORD)
    name = page.locator("header.top .ctx")
    expect(name).to_have_text(LONG_NAME)
    box = name.evaluate(
        "e => ({scroll: e.scrollHeight, client: e.clientHeight, scrollW: e.scrollWidth, clientW: e.clientWidth,"
        " line: parseFloat(getComputedStyle(e).lineHeight), right: e.getBoundingClientRect().right})"
    )
    assert box["scroll"] <= box["client"] + 1 and box["scrollW"] <= box["clientW"] + 1  # nothing hidden
    assert box["client"] >= 2 * box["line"] - 1  # it takes a second line rather than an ellipsis
    assert box["right"] <= 360
    expect(page.get_by_role("button", name="Đăng xuất")).to_be_in_viewport()
    page.screenshot(path=str(tmp_path / "office-header-360.png"))
