"""Writes for the question bank and lesson quizzes."""

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from lantoa.content.importers import SEED_DIR, Problem, lessons_parse
from lantoa.content.models import LessonPage
from lantoa.learning import selectors
from lantoa.learning.models import Choice, Question, QuizAttempt
from lantoa.learning.signals import quiz_counted

KEY_PATTERN = re.compile(r"^[A-Za-z0-9-]{16,64}$")


@dataclass
class QuestionImportResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    problems: list[Problem] = field(default_factory=list)


@dataclass
class QuizOutcome:
    attempt: QuizAttempt
    is_duplicate: bool
    questions: list[Question]


def _question_save(*, key: str, lesson: LessonPage | None, topic: str, position: int, data: dict) -> str:
    fields = {
        "lesson": lesson,
        "topic": topic,
        "kind": data["kind"],
        "prompt": data["prompt"],
        "explanation": data["explanation"],
        "cite_doc": data["cite_doc"],
        "cite_article": data["cite_article"],
        "position": position,
    }
    choices = [(text, index in data["correct"]) for index, text in enumerate(data["choices"])]
    question = Question.objects.filter(source_key=key).first()
    if question is None:
        question = Question.objects.create(source_key=key, **fields)
        outcome = "created"
    else:
        current = [(c.text, c.is_correct) for c in question.choices.all()]
        if current == choices and all(getattr(question, name) == value for name, value in fields.items()):
            return "unchanged"
        for name, value in fields.items():
            setattr(question, name, value)
        question.save()
        question.choices.all().delete()
        outcome = "updated"
    Choice.objects.bulk_create(
        Choice(question=question, text=text, is_correct=is_correct, position=index)
        for index, (text, is_correct) in enumerate(choices)
    )
    return outcome


def questions_import(*, folder: Path = SEED_DIR) -> QuestionImportResult:
    """Import each seed lesson's quiz into the question bank, attached to its lesson; safe to re-run."""
    rows, problems = lessons_parse(folder)
    result = QuestionImportResult(problems=problems)
    if problems:
        return result
    lessons = {page.slug: page for page in LessonPage.objects.filter(slug__in=[row.slug for row in rows])}
    with transaction.atomic():
        for row in rows:
            for position, data in enumerate(row.quiz, start=1):
                outcome = _question_save(
                    key=f"{row.slug}#{position}",
                    lesson=lessons.get(row.slug),
                    topic=row.topic,
                    position=position,
                    data=data,
                )
                setattr(result, outcome, getattr(result, outcome) + 1)
    return result


def _grade(*, questions: list[Question], answers: dict[int, list[int]]) -> tuple[int, dict[str, list[int]]]:
    """Number of questions answered exactly right; raises when the answers do not fit the questions."""
    if set(answers) != {question.pk for question in questions}:
        raise ValidationError(
            _("Bài làm không khớp với bộ câu hỏi của bài học. Vui lòng tải lại trang và làm lại."),
            code="answers_tampered",
        )
    correct = 0
    for question in questions:
        chosen = set(answers[question.pk])
        valid = {choice.pk for choice in question.choices.all()}
        if not chosen or not chosen <= valid:
            raise ValidationError(
                _("Đáp án gửi lên không thuộc câu hỏi. Vui lòng tải lại trang và làm lại."), code="answers_tampered"
            )
        if question.kind != Question.Kind.MULTIPLE and len(chosen) != 1:
            raise ValidationError(_("Câu hỏi này chỉ được chọn một đáp án."), code="answers_tampered")
        correct += chosen == {choice.pk for choice in question.choices.all() if choice.is_correct}
    return correct, {str(pk): sorted(chosen) for pk, chosen in answers.items()}


def quiz_submit(
    *, lesson: LessonPage, key: str, answers: dict[int, list[int]], enterprise: Any = None, is_offline: bool = False
) -> QuizOutcome:
    """Grade and count a quiz once per `key` (a resubmission, online or synced from offline, returns the first result)."""
    if not KEY_PATTERN.match(key or ""):
        raise ValidationError(_("Mã bài làm không hợp lệ. Vui lòng tải lại trang."), code="key_invalid")
    questions = selectors.quiz_questions(lesson=lesson)
    existing = QuizAttempt.objects.filter(key=key).first()
    if existing is not None:
        if existing.lesson_id != lesson.pk:
            raise ValidationError(_("Mã bài làm không hợp lệ. Vui lòng tải lại trang."), code="key_invalid")
        return QuizOutcome(attempt=existing, is_duplicate=True, questions=questions)
    correct, stored = _grade(questions=questions, answers=answers)
    try:
        with transaction.atomic():
            attempt = QuizAttempt.objects.create(
                key=key,
                lesson=lesson,
                enterprise=enterprise if enterprise else None,
                correct_count=correct,
                question_count=len(questions),
                is_passed=correct * 3 >= len(questions) * 2,
                answers=stored,
                is_offline=is_offline,
            )
    except IntegrityError:  # the same key arrived twice at once: the other request counted it
        return QuizOutcome(attempt=QuizAttempt.objects.get(key=key), is_duplicate=True, questions=questions)
    transaction.on_commit(lambda: quiz_counted.send(sender=QuizAttempt, attempt=attempt))
    return QuizOutcome(attempt=attempt, is_duplicate=False, questions=questions)
