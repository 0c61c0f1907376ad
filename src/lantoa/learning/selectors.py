"""Reads for quizzes."""

from django.db.models import Prefetch
from django.http import Http404

from lantoa.content.models import LessonPage, provision_url
from lantoa.learning.models import Choice, Question

QUIZ_MAX_QUESTIONS = 5


def lesson_for_quiz(*, lesson_id: int) -> LessonPage:
    lesson = LessonPage.objects.live().public().filter(pk=lesson_id).first()
    if lesson is None:
        raise Http404
    return lesson


def quiz_questions(*, lesson: LessonPage) -> list[Question]:
    """The lesson's own questions (3–5), each with its choices, in a fixed order."""
    return list(
        Question.objects.filter(lesson=lesson, is_active=True)
        .prefetch_related(Prefetch("choices", queryset=Choice.objects.order_by("position", "pk")))
        .order_by("position", "pk")[:QUIZ_MAX_QUESTIONS]
    )


def quiz_results(*, questions: list[Question], answers: dict[str, list[int]]) -> list[dict]:
    """For each question: the choices marked chosen/correct, whether the answer was right, and its citation."""
    results = []
    for question in questions:
        chosen = set(answers.get(str(question.pk), []))
        choices = [{"text": c.text, "chosen": c.pk in chosen, "correct": c.is_correct} for c in question.choices.all()]
        results.append(
            {
                "question": question,
                "choices": choices,
                "is_right": chosen == {c.pk for c in question.choices.all() if c.is_correct},
                "cite_url": provision_url(doc_number=question.cite_doc, article=question.cite_article),
            }
        )
    return results


def quiz_offline_answers(*, questions: list[Question]) -> dict[str, dict]:
    """What a phone needs to grade and explain a practice quiz with the network off (never used for contests)."""
    return {
        str(question.pk): {
            "prompt": question.prompt,
            "correct": [str(c.pk) for c in question.choices.all() if c.is_correct],
            "explanation": question.explanation,
        }
        for question in questions
    }
