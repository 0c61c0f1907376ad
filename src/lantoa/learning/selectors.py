"""Reads for quizzes."""

from typing import Any, TypedDict

from django.db.models import Avg, Count, F, Prefetch, QuerySet
from django.http import Http404
from django.utils import timezone

from lantoa.content.models import LessonPage, provision_url
from lantoa.learning.models import Choice, Contest, ContestEntry, Question

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


def contest_get(*, slug: str) -> Contest:
    contest = Contest.objects.filter(slug=slug).first()
    if contest is None:
        raise Http404
    return contest


def contest_questions(*, entry: ContestEntry) -> list[Question]:
    """The entry's questions in its own shuffled order."""
    by_id = {
        q.pk: q
        for q in Question.objects.filter(pk__in=entry.question_ids).prefetch_related(
            Prefetch("choices", queryset=Choice.objects.order_by("position", "pk"))
        )
    }
    return [by_id[pk] for pk in entry.question_ids if pk in by_id]


def contest_entry_for(*, contest: Contest, user: Any, device_key: str) -> ContestEntry | None:
    if user and user.is_authenticated:
        return ContestEntry.objects.filter(contest=contest, user=user).first()
    if not device_key:
        return None
    return ContestEntry.objects.filter(contest=contest, user=None, device_key=device_key).first()


class GroupStanding(TypedDict):
    """One enterprise or commune on a leaderboard: its name, how many took part, the mean score and time."""

    name: str
    participants: int
    average: float | None
    time_ms: float | None


class Leaderboards(TypedDict):
    enterprises: list[GroupStanding]
    communes: list[GroupStanding]
    people: list[ContestEntry]


def _group_standings(counted: QuerySet[ContestEntry], field: str) -> list[GroupStanding]:
    return list(
        counted.filter(enterprise__isnull=False)
        .values(name=F(field))
        .annotate(participants=Count("pk"), average=Avg("correct_count"), time_ms=Avg("duration_ms"))
        .order_by("-average", "time_ms", "name")[:20]
    )


def contest_leaderboards(*, contest: Contest) -> Leaderboards:
    """By enterprise and by commune (participants, average score, average time); individuals only with consent."""
    counted = ContestEntry.objects.filter(contest=contest, submitted_at__isnull=False, is_late=False)
    return {
        "enterprises": _group_standings(counted, "enterprise__unit__name"),
        "communes": _group_standings(counted, "enterprise__commune__name"),
        "people": list(
            counted.filter(show_on_leaderboard=True, user__isnull=False)
            .select_related("user__person", "enterprise__unit")
            .order_by("-correct_count", "duration_ms", "submitted_at")[:20]
        ),
    }


def certificate_get(*, code: str) -> ContestEntry:
    entry = (
        ContestEntry.objects.select_related("contest__issuing_body", "user__person", "enterprise__unit")
        .filter(certificate_code=code.upper()[:16])
        .first()
    )
    if entry is None:
        raise Http404
    return entry


def contest_list_current() -> list[Contest]:
    """Contests open now or starting later, soonest first."""
    return list(Contest.objects.filter(ends_at__gte=timezone.now()).order_by("starts_at"))
