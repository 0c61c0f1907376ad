"""Writes for the question bank and lesson quizzes."""

import datetime as dt
import random
import re
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _

from lantoa.content.importers import SEED_DIR, Problem, lessons_parse
from lantoa.content.models import LessonPage
from lantoa.core import public_files
from lantoa.core.imports import ImportResult
from lantoa.core.text import clean_line
from lantoa.learning import files, selectors
from lantoa.learning.models import Choice, Contest, ContestEntry, Question, QuizAttempt
from lantoa.learning.signals import quiz_counted
from lantoa.orgs.models import Enterprise

KEY_PATTERN = re.compile(r"^[A-Za-z0-9-]{16,64}$")
PHONE_PATTERN = re.compile(r"^0\d{9}$")


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


def questions_import(*, folder: Path = SEED_DIR) -> ImportResult[Problem]:
    """Import each seed lesson's quiz into the question bank, attached to its lesson; safe to re-run."""
    rows, problems = lessons_parse(folder)
    result = ImportResult[Problem](problems=problems)
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
    *,
    lesson: LessonPage,
    key: str,
    answers: dict[int, list[int]],
    enterprise: Enterprise | None = None,
    is_offline: bool = False,
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


# --- contests ---------------------------------------------------------------------------------------------------

CONTEST_GRACE = dt.timedelta(seconds=30)  # a slow network may deliver a submission sent in time a little late
CERTIFICATE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"


def _contest_open(*, contest: Contest, now: dt.datetime) -> None:
    if now < contest.starts_at:
        raise ValidationError(_("Cuộc thi chưa bắt đầu."), code="contest_not_started")
    if now > contest.ends_at:
        raise ValidationError(_("Cuộc thi đã kết thúc, bài làm không còn được nhận."), code="contest_closed")


def _eligible(*, contest: Contest, enterprise: Enterprise | None) -> bool:
    units = list(contest.eligible_units.all())
    if not units:
        return True
    return enterprise is not None and any(unit.is_within(root) for unit in enterprise.access_units for root in units)


def contest_person_key(*, contest: Contest, phone: str) -> str:
    """One attempt per person without an account: a keyed hash of the phone number, which itself is never kept."""
    digits = re.sub(r"\D", "", phone or "")
    if digits.startswith("84") and len(digits) == 11:
        digits = "0" + digits[2:]
    if not PHONE_PATTERN.match(digits):
        raise ValidationError(
            _("Số điện thoại cần đủ 10 chữ số, bắt đầu bằng số 0 (ví dụ 0912345678)."), code="phone_invalid"
        )
    return salted_hmac("learning.contest-person", f"{contest.pk}:{digits}").hexdigest()


@transaction.atomic
def contest_start(
    *,
    contest: Contest,
    user: Any,
    device_key: str,
    enterprise: Enterprise | None,
    show_on_leaderboard: bool = False,
    phone: str = "",
    participant_name: str = "",
) -> ContestEntry:
    """Start (or resume) the one attempt of this account, or of this person (phone number) without an account."""
    now = timezone.now()
    _contest_open(contest=contest, now=now)
    if not _eligible(contest=contest, enterprise=enterprise):
        raise ValidationError(_("Doanh nghiệp của bạn không thuộc đơn vị được dự thi."), code="not_eligible")
    is_registered = bool(user and user.is_authenticated)
    if is_registered:
        entry = ContestEntry.objects.filter(contest=contest, user=user).first()
        owner: dict[str, Any] = {"user": user}
    else:
        if not KEY_PATTERN.match(device_key or ""):
            raise ValidationError(_("Không nhận ra thiết bị. Hãy bật cookie và thử lại."), code="device_invalid")
        person_key = contest_person_key(contest=contest, phone=phone)
        entry = (
            ContestEntry.objects.filter(contest=contest, user=None)
            .filter(Q(person_key=person_key) | Q(device_key=device_key))
            .first()
        )
        owner = {"user": None, "device_key": device_key, "person_key": person_key}
    if entry is not None:
        if entry.submitted_at:
            raise ValidationError(
                _("Bạn đã dự thi cuộc thi này. Mỗi người chỉ được thi một lần."), code="already_taken"
            )
        if not is_registered and entry.device_key != device_key:  # the same person resumes on another phone
            entry.device_key = device_key
            entry.save(update_fields=["device_key"])
        return entry
    bank = list(Question.objects.filter(is_active=True).values_list("pk", flat=True))
    picked = random.SystemRandom().sample(bank, min(contest.question_count, len(bank)))
    return ContestEntry.objects.create(
        contest=contest,
        enterprise=enterprise or None,
        question_ids=picked,
        started_at=now,
        show_on_leaderboard=show_on_leaderboard and is_registered,
        participant_name="" if is_registered else clean_line(participant_name)[:120],
        **owner,
    )


def contest_submit(*, entry: ContestEntry, answers: dict[int, list[int]]) -> ContestEntry:
    """Grade the attempt once; late or closed submissions are refused with a clear message and never counted."""
    with transaction.atomic():
        entry = (
            ContestEntry.objects.select_for_update(of=("self",))
            .select_related("contest", "user__person")
            .get(pk=entry.pk)
        )
        if entry.submitted_at:
            raise ValidationError(_("Bài thi này đã được nộp. Kết quả không được tính lại."), code="already_submitted")
        now = timezone.now()
        _contest_open(contest=entry.contest, now=now - CONTEST_GRACE)
        is_late = now > entry.started_at + dt.timedelta(minutes=entry.contest.time_limit_minutes) + CONTEST_GRACE
        if is_late:
            # the paper is closed for good, so a resubmission cannot sneak in a score later
            entry.submitted_at, entry.is_late = now, True
            entry.save(update_fields=["submitted_at", "is_late"])
        else:
            questions = selectors.contest_questions(entry=entry)
            correct, stored = _grade(questions=questions, answers=answers)
            entry.correct_count, entry.answers, entry.submitted_at = correct, stored, now
            entry.duration_ms = int((now - entry.started_at).total_seconds() * 1000)
            if entry.holder_name and correct * 2 >= len(questions):
                entry.certificate_code = "".join(secrets.choice(CERTIFICATE_ALPHABET) for _ in range(10))
                public_files.files_build_later(source=files.SOURCE, pk=entry.pk)
            entry.save()
    if is_late:
        raise ValidationError(_("Đã hết thời gian làm bài. Bài nộp muộn không được tính điểm."), code="time_over")
    return entry
