"""The handbook's first view lists its chapters; a tap opens the chapter's own page, and an old link to a chapter's
anchor ("/phap-luat/so-tay/#<chapter>") lands there too."""

import re

from playwright.sync_api import expect

from lantoa.legal.models import HandbookChapter, HandbookEntry


def test_a_worker_opens_a_chapter_page_from_the_handbook_and_from_an_old_anchor_link(page, tmp_path):
    chapter = HandbookChapter.objects.create(slug="nghi-phep", title="Nghỉ phép năm, nghỉ lễ, tết", position=1)
    HandbookChapter.objects.create(slug="gio-lam", title="Giờ làm, làm thêm giờ", position=2)
    for position, (slug, question) in enumerate(
        (
            ("nghi-phep-nam", "Làm đủ 12 tháng được nghỉ phép năm mấy ngày?"),
            ("nghi-le-tet", "Một năm được nghỉ lễ, tết những ngày nào, có được trả lương không?"),
        ),
        start=1,
    ):
        HandbookEntry.objects.create(chapter=chapter, slug=slug, question=question, answer="…", position=position)
    page.set_viewport_size({"width": 360, "height": 780})

    page.goto(f"{page.base_url}/phap-luat/so-tay/")
    expect(page.locator("#nghi-phep")).to_contain_text("(2)")
    page.get_by_role("link", name="Nghỉ phép năm, nghỉ lễ, tết").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Nghỉ phép năm, nghỉ lễ, tết")
    page.screenshot(path=str(tmp_path / "handbook-chapter-360.png"), full_page=True)
    page.get_by_role("link", name="Một năm được nghỉ lễ, tết những ngày nào, có được trả lương không?").click()
    expect(page).to_have_url(re.compile(r"/phap-luat/so-tay/nghi-le-tet$"))
    page.get_by_role("link", name="Nghỉ phép năm, nghỉ lễ, tết").click()
    expect(page).to_have_url(re.compile(r"/phap-luat/so-tay/nghi-phep/$"))

    page.goto(f"{page.base_url}/phap-luat/so-tay/#gio-lam")
    expect(page).to_have_url(re.compile(r"/phap-luat/so-tay/gio-lam/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Giờ làm, làm thêm giờ")
