"""A worker saves a topic for offline, loses the network, still reads the lesson and takes its quiz; it syncs once."""

import shutil

from playwright.sync_api import expect

from lantoa.content import services as content_services
from lantoa.content.importers import SEED_DIR
from lantoa.learning import services as learning_services
from lantoa.learning.models import QuizAttempt

from .pages.learning import WorkerLearning

LESSON = "Làm việc từ 1 tháng trở lên phải có hợp đồng bằng văn bản"
RIGHT = ["2 bản, mỗi bên giữ 1 bản", "Sai", "Hợp đồng dưới 1 tháng", "Đúng"]


def test_a_saved_topic_opens_offline_and_the_offline_quiz_syncs_once(page, enterprise_a, tmp_path):
    shutil.copy(SEED_DIR / "01-hop-dong-phai-bang-van-ban.toml", tmp_path)
    content_services.lessons_import(folder=tmp_path)
    learning_services.questions_import(folder=tmp_path)
    worker = WorkerLearning(page)
    worker.arrive_from_qr(enterprise_a.public_code)
    page.goto(f"{page.base_url}/bai-hoc/hop-dong-lao-dong/")
    page.evaluate("() => navigator.serviceWorker.ready")
    worker.save_topic_for_offline()

    page.context.set_offline(True)
    page.goto(f"{page.base_url}/bai-hoc/hop-dong-lao-dong/hop-dong-phai-bang-van-ban/")
    expect(page.get_by_role("heading", level=1)).to_have_text(LESSON)
    worker.take_quiz(RIGHT)
    expect(page.locator("#offline-result")).to_contain_text("Bạn trả lời đúng 4/4 câu. Bài làm đã được lưu")
    expect(page.locator("#offline-result")).to_contain_text("Điều 14 khoản 1")
    assert not QuizAttempt.objects.exists()

    page.context.set_offline(False)
    page.evaluate("() => window.dispatchEvent(new Event('online'))")
    page.wait_for_function("() => localStorage.getItem('lantoa-quiz-queue') === '[]'")
    page.reload()
    page.wait_for_timeout(500)
    attempt = QuizAttempt.objects.get()
    assert (attempt.is_offline, attempt.enterprise, attempt.correct_count) == (True, enterprise_a, 4)
