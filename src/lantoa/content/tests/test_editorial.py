import pytest
from wagtail.models import Workflow

from lantoa.content import editorial
from lantoa.content.models import LessonCitation, LessonPage, OfficialApproval, TopicPage
from lantoa.orgs.models import Role, User


@pytest.fixture
def newsroom(lessons, labour_federation, propaganda_board, make_official):
    """The review workflow on /bai-hoc/, an editor at the Propaganda Board and a reviewer at the LĐLĐ, logged in once."""
    editorial.editorial_setup(index=lessons["hop-dong-phai-bang-van-ban"].get_parent().get_parent().specific)
    editor = make_official(unit=propaganda_board, role=Role.EDITOR, name="Biên tập viên")
    reviewer = make_official(unit=labour_federation, role=Role.REVIEWER, name="Người duyệt")
    for user in (editor, reviewer):
        editorial.editorial_groups_sync(user=user)
    return editor, reviewer


def draft_lesson(*, editor: User) -> LessonPage:
    topic = TopicPage.objects.get(slug="tien-luong")
    page = LessonPage(
        title="Phiếu lương hằng tháng",
        slug="phieu-luong-hang-thang",
        summary="Mỗi lần trả lương, công ty phải gửi bạn bảng kê.",
        situation="Anh Tú không biết vì sao lương tháng này ít hơn.",
        rule="- Mỗi lần trả lương, người sử dụng lao động phải thông báo bảng kê trả lương.",
        what_to_do="- Xin bảng kê lương.",
        where_to_get_help="- Công đoàn cơ sở.",
        live=False,
    )
    page.citations = [LessonCitation(doc_number="45/2019/QH14", article="Điều 95", clause="khoản 3")]
    topic.add_child(instance=page)
    page.save_revision(user=editor)
    return page


def test_editor_and_reviewer_roles_open_the_cms_but_only_the_reviewer_may_publish(client, newsroom):
    editor, reviewer = newsroom
    topic = TopicPage.objects.get(slug="tien-luong")
    assert topic.permissions_for_user(editor).can_add_subpage()
    assert not topic.permissions_for_user(editor).can_publish()
    assert topic.permissions_for_user(reviewer).can_publish()
    client.force_login(editor)
    assert client.get("/cms/").status_code == 200


def test_a_role_that_ended_loses_the_cms_at_next_sync(newsroom):
    editor, _reviewer = newsroom
    editor.person.memberships.update(ended_on="2026-01-01")
    assert editorial.editorial_groups_sync(user=editor) == []
    assert not editor.groups.exists()


def test_editor_drafts_reviewer_approves_and_the_lesson_goes_live_marked_official(client, newsroom):
    editor, reviewer = newsroom
    page = draft_lesson(editor=editor)
    workflow = page.get_workflow()
    assert workflow == Workflow.objects.get(name=editorial.WORKFLOW_NAME)
    state = workflow.start(page, editor)
    assert not LessonPage.objects.get(pk=page.pk).live
    task_state = state.current_task_state
    task_state.task.specific.on_action(task_state, reviewer, "approve")
    page.refresh_from_db()
    assert page.live
    assert OfficialApproval.objects.get(page=page).approved_by == reviewer
    html = client.get(page.url).content.decode()
    assert "Thông tin chính thức" in html
    assert page.url in client.get("/sitemap.xml").content.decode()


def test_a_reviewer_cannot_be_replaced_by_the_editor_in_the_review_task(newsroom):
    editor, reviewer = newsroom
    page = draft_lesson(editor=editor)
    state = page.get_workflow().start(page, editor)
    task = state.current_task_state.task.specific
    assert task.user_can_access_editor(page, reviewer)
    assert [name for name, *_rest in task.get_actions(page, editor)] == []
    assert "approve" in [name for name, *_rest in task.get_actions(page, reviewer)]


def test_seed_lessons_published_without_review_carry_no_official_mark(client, lessons):
    html = client.get(lessons["hop-dong-phai-bang-van-ban"].url).content.decode()
    assert "Thông tin chính thức" not in html


def test_the_office_home_leads_editors_to_the_cms_and_workers_back_to_their_pages(
    client, newsroom, enterprise_a, make_official
):
    editor, _reviewer = newsroom
    client.force_login(editor)
    assert 'href="/cms/"' in client.get("/office/").content.decode()
    client.force_login(make_official(unit=enterprise_a.unit, role=Role.WORKER, name="Công nhân"))
    home = client.get("/office/").content.decode()
    assert 'href="/cms/"' not in home
    assert "Về trang người lao động" in home and 'href="/cuoc-thi/"' in home
