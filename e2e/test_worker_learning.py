"""A worker scans the enterprise QR poster, reads a lesson, takes its quiz and reads the explanations."""

import shutil
from datetime import timedelta

from playwright.sync_api import expect

from lantoa.content import services as content_services
from lantoa.content.importers import SEED_DIR
from lantoa.core.tests.support import run_worker
from lantoa.learning import services as learning_services
from lantoa.learning.models import QuizAttempt

from .pages.a11y import serious_violations
from .pages.learning import WorkerLearning

LESSON = "Làm việc từ 1 tháng trở lên phải có hợp đồng bằng văn bản"
RIGHT = ["2 bản, mỗi bên giữ 1 bản", "Sai", "Hợp đồng dưới 1 tháng", "Đúng"]


def test_worker_reads_a_lesson_takes_its_quiz_and_a_double_click_counts_once(page, enterprise_a, tmp_path):
    shutil.copy(SEED_DIR / "01-hop-dong-phai-bang-van-ban.toml", tmp_path)
    content_services.lessons_import(folder=tmp_path)
    learning_services.questions_import(folder=tmp_path)
    worker = WorkerLearning(page)

    worker.arrive_from_qr(enterprise_a.public_code)
    expect(page.locator(".ctx")).to_have_text(enterprise_a.name)
    worker.open_lessons()
    assert serious_violations(page) == []
    worker.open_lesson("Hợp đồng lao động", LESSON)
    assert serious_violations(page) == []
    page.screenshot(path="e2e/artifacts/lesson.png", full_page=True)
    expect(page.get_by_role("link", name="Điều 14 45/2019/QH14")).to_have_attribute(
        "href", "/phap-luat/45-2019-qh14/dieu-14"
    )

    worker.take_quiz(RIGHT, double_click=True)
    expect(page.locator(".score")).to_contain_text("Bạn trả lời đúng 4/4 câu.")
    expect(page.get_by_text("Điều 14 khoản 1 Bộ luật Lao động")).to_be_visible()
    assert serious_violations(page) == []
    attempt = QuizAttempt.objects.get()
    assert attempt.enterprise == enterprise_a


def test_tampered_answers_get_a_clear_message(page, tmp_path):
    shutil.copy(SEED_DIR / "01-hop-dong-phai-bang-van-ban.toml", tmp_path)
    content_services.lessons_import(folder=tmp_path)
    learning_services.questions_import(folder=tmp_path)
    worker = WorkerLearning(page)
    page.goto(f"{page.base_url}/bai-hoc/hop-dong-lao-dong/hop-dong-phai-bang-van-ban/")
    page.get_by_role("link", name="Làm bài kiểm tra nhanh").click()
    assert serious_violations(page) == []
    for fieldset in page.locator("fieldset").all():
        fieldset.locator("input").first.check()
    page.locator("fieldset input").first.evaluate("input => { input.value = '999999'; }")
    page.get_by_role("button", name="Nộp bài").click()
    expect(page.get_by_role("alert")).to_contain_text("Đáp án gửi lên không thuộc câu hỏi")
    assert not QuizAttempt.objects.exists()
    assert worker.page.url.endswith("/")


def test_a_closed_contest_says_so_and_counts_nothing(page, tmp_path):
    from django.utils import timezone

    from lantoa.learning.models import Contest, ContestEntry

    now = timezone.now()
    Contest.objects.create(
        title="Cuộc thi đã qua",
        slug="cuoc-thi-da-qua",
        starts_at=now - timedelta(days=9),
        ends_at=now - timedelta(days=2),
    )
    page.goto(f"{page.base_url}/cuoc-thi/cuoc-thi-da-qua/")
    page.get_by_label("Số điện thoại của bạn").fill("0912345678")
    page.get_by_role("button", name="Bắt đầu làm bài").click()
    expect(page.get_by_role("alert")).to_contain_text("Cuộc thi đã kết thúc, bài làm không còn được nhận.")
    assert serious_violations(page) == []
    assert not ContestEntry.objects.exists()


def test_an_anonymous_contestant_sees_the_countdown_and_takes_home_a_named_certificate(page, province, tmp_path):
    from django.utils import timezone

    from lantoa.learning.models import Contest, ContestEntry

    shutil.copy(SEED_DIR / "01-hop-dong-phai-bang-van-ban.toml", tmp_path)
    content_services.lessons_import(folder=tmp_path)
    learning_services.questions_import(folder=tmp_path)
    now = timezone.now()
    Contest.objects.create(
        title="Cuộc thi thử",
        slug="cuoc-thi-thu",
        starts_at=now - timedelta(days=1),
        ends_at=now + timedelta(days=1),
        question_count=4,
    )
    page.set_viewport_size({"width": 360, "height": 780})
    page.goto(f"{page.base_url}/cuoc-thi/cuoc-thi-thu/")
    page.get_by_label("Số điện thoại của bạn").fill("0912 345 678")
    page.get_by_label("Họ và tên (nếu muốn nhận giấy chứng nhận)").fill("Lê Thị Hoa")
    page.get_by_role("button", name="Bắt đầu làm bài").click()
    expect(page.get_by_role("timer")).to_contain_text("Còn lại: 9:")
    first = page.locator("label.choice").first
    box, label = first.locator("input").bounding_box(), first.bounding_box()
    assert box["width"] < 40 and abs(box["y"] - label["y"]) < 20  # the radio sits beside its answer
    page.screenshot(path=str(tmp_path / "contest-360.png"), full_page=True)
    entry = ContestEntry.objects.get()
    for question in learning_services.selectors.contest_questions(entry=entry):
        for choice in question.choices.all():
            if choice.is_correct:
                page.locator(f"input[value='{choice.pk}']").check()
    page.get_by_role("button", name="Nộp bài thi").click()
    expect(page.get_by_role("status")).to_contain_text("Bạn trả lời đúng 4/4 câu.")
    run_worker()  # the worker builds the certificate once the paper is graded; the link then downloads it
    with page.expect_download() as download:
        page.get_by_role("link", name="Tải giấy chứng nhận (PDF)").evaluate(
            "link => { link.setAttribute('download', ''); link.click(); }"
        )
    assert download.value.path().read_bytes().startswith(b"%PDF")
    assert serious_violations(page) == []
