"""An editor drafts a lesson in /cms/, a reviewer approves it, and it is live, marked official and in the sitemap."""

import shutil

from playwright.sync_api import expect

from lantoa.content import editorial
from lantoa.content import services as content_services
from lantoa.content.importers import SEED_DIR
from lantoa.content.models import LessonIndexPage, LessonPage, TopicPage
from lantoa.orgs.models import Role

from .pages.cms import Cms

FIELDS = {
    "title": "Phiếu lương hằng tháng",
    "summary": "Mỗi lần trả lương, công ty phải gửi bạn bảng kê các khoản.",
    "situation": "Anh Tú thấy lương tháng này ít hơn mà không biết vì sao.",
    "rule": "- Mỗi lần trả lương, người sử dụng lao động phải thông báo bảng kê trả lương cho người lao động.",
    "what_to_do": "- Xin bảng kê lương và đối chiếu với bảng chấm công.",
    "where_to_get_help": "- Ban chấp hành công đoàn cơ sở.",
}


def test_editor_drafts_reviewer_approves_and_the_lesson_is_live(
    page, labour_federation, propaganda_board, make_official, tmp_path
):
    shutil.copy(SEED_DIR / "01-hop-dong-phai-bang-van-ban.toml", tmp_path)
    content_services.lessons_import(folder=tmp_path)
    editorial.editorial_setup(index=LessonIndexPage.objects.get())
    editor = make_official(unit=propaganda_board, role=Role.EDITOR, name="Biên tập viên")
    reviewer = make_official(unit=labour_federation, role=Role.REVIEWER, name="Người duyệt")
    topic = TopicPage.objects.get(slug="tien-luong")
    cms = Cms(page)

    cms.login(editor.username, "mat-khau-thu")
    cms.draft_lesson_and_submit(
        topic_id=topic.pk,
        fields=FIELDS,
        citation={"doc_number": "45/2019/QH14", "article": "Điều 95", "clause": "khoản 3"},
    )
    lesson = LessonPage.objects.get(title=FIELDS["title"])
    assert lesson.slug == "phieu-luong-hang-thang"
    assert not lesson.live
    assert page.request.get(f"{page.base_url}/bai-hoc/tien-luong/phieu-luong-hang-thang/").status == 404

    cms.login(reviewer.username, "mat-khau-thu")
    cms.approve(page_id=lesson.pk)
    lesson.refresh_from_db()
    assert lesson.live

    page.context.clear_cookies()
    page.goto(f"{page.base_url}/bai-hoc/tien-luong/phieu-luong-hang-thang/")
    expect(page.get_by_role("heading", level=1)).to_have_text(FIELDS["title"])
    expect(page.get_by_text("Thông tin chính thức")).to_be_visible()
    sitemap = page.request.get(f"{page.base_url}/sitemap.xml").text()
    assert "/bai-hoc/tien-luong/phieu-luong-hang-thang/" in sitemap
