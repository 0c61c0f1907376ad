import uuid

import pytest
from django.core.exceptions import ValidationError

from lantoa.learning import services
from lantoa.learning.models import Choice, Question, QuizAttempt

from .conftest import right_answers


def test_questions_import_attaches_each_quiz_to_its_lesson_and_is_idempotent(lesson, tmp_path):
    assert lesson.questions.count() == 4
    assert Question.objects.get(source_key="hop-dong-phai-bang-van-ban#1").choices.filter(is_correct=True).count() == 1
    again = services.questions_import(folder=tmp_path)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 4)


def test_quiz_page_is_a_plain_form_with_every_question(client, lesson):
    html = client.get(f"/quiz/{lesson.pk}/").content.decode()
    assert 'method="post"' in html
    assert html.count("<fieldset") == 4
    assert 'type="radio"' in html


def test_a_worker_from_an_enterprise_takes_the_quiz_and_sees_each_explanation_with_its_citation(
    client, lesson, enterprise_a
):
    client.get(f"/e/{enterprise_a.public_code}")
    key = uuid.uuid4().hex
    response = client.post(f"/quiz/{lesson.pk}/", {"key": key, **right_answers(lesson)})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Bạn trả lời đúng 4/4 câu." in html
    assert "Điều 14 khoản 1 Bộ luật Lao động" in html
    assert 'href="/phap-luat/45-2019-qh14/dieu-14"' in html
    attempt = QuizAttempt.objects.get(key=key)
    assert (attempt.enterprise, attempt.correct_count, attempt.is_passed) == (enterprise_a, 4, True)


def test_double_submit_is_explained_and_counted_once(client, lesson):
    data = {"key": uuid.uuid4().hex, **right_answers(lesson)}
    client.post(f"/quiz/{lesson.pk}/", data)
    response = client.post(f"/quiz/{lesson.pk}/", data)
    assert "Bài làm này đã được ghi nhận trước đó" in response.content.decode()
    assert QuizAttempt.objects.count() == 1


def test_a_choice_of_another_question_is_refused_as_tampered_and_not_counted(client, lesson):
    answers = right_answers(lesson)
    first, second = list(answers)[:2]
    answers[first] = answers[second]
    response = client.post(f"/quiz/{lesson.pk}/", {"key": uuid.uuid4().hex, **answers})
    assert response.status_code == 400
    assert "Đáp án gửi lên không thuộc câu hỏi" in response.content.decode()
    assert not QuizAttempt.objects.exists()


def test_non_numeric_answers_and_missing_answers_get_a_clear_message(client, lesson):
    answers = right_answers(lesson)
    first = next(iter(answers))
    broken = client.post(f"/quiz/{lesson.pk}/", {"key": uuid.uuid4().hex, **answers, first: "abc"})
    assert "Đáp án gửi lên không thuộc câu hỏi" in broken.content.decode()
    del answers[first]
    missing = client.post(f"/quiz/{lesson.pk}/", {"key": uuid.uuid4().hex, **answers})
    assert "Bạn chưa trả lời câu 1." in missing.content.decode()
    assert not QuizAttempt.objects.exists()


def test_quiz_submit_refuses_two_answers_to_a_single_choice_question(lesson):
    answers = {q.pk: [c.pk for c in q.choices.all() if c.is_correct] for q in lesson.questions.all()}
    single = lesson.questions.filter(kind="single").first()
    answers[single.pk] = list(Choice.objects.filter(question=single).values_list("pk", flat=True)[:2])
    with pytest.raises(ValidationError) as error:
        services.quiz_submit(lesson=lesson, key=uuid.uuid4().hex, answers=answers)
    assert error.value.code == "answers_tampered"


def test_quiz_submit_refuses_a_malformed_key(lesson):
    with pytest.raises(ValidationError) as error:
        services.quiz_submit(lesson=lesson, key="x", answers={})
    assert error.value.code == "key_invalid"


def test_a_result_synced_later_from_offline_is_counted_once(lesson):
    answers = {q.pk: [c.pk for c in q.choices.all() if c.is_correct] for q in lesson.questions.all()}
    key = str(uuid.uuid4())
    first = services.quiz_submit(lesson=lesson, key=key, answers=answers, is_offline=True)
    replay = services.quiz_submit(lesson=lesson, key=key, answers=answers, is_offline=True)
    assert (first.is_duplicate, replay.is_duplicate) == (False, True)
    assert QuizAttempt.objects.filter(is_offline=True).count() == 1


def test_quiz_of_an_unpublished_lesson_is_not_found(client, lesson):
    lesson.unpublish()
    assert client.get(f"/quiz/{lesson.pk}/").status_code == 404
