"""Survey lists for officials and results with the k ≥ 5 rule (a question's chart hides below K_ANONYMITY answers)."""

from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, QuerySet
from django.http import Http404

from lantoa.orgs import access
from lantoa.voice import crypto
from lantoa.voice.models import Survey, SurveyAnswer, SurveyQuestion
from lantoa.voice.selectors.aggregates import K_ANONYMITY

DISSATISFIED_MAX = 2  # answers 1–2 on the 1–5 scale count as dissatisfied (hotspot signal)


@dataclass
class Bar:
    label: str
    count: int
    share: float  # 0–1 of the question's answers

    @property
    def percent(self) -> int:
        return round(self.share * 100)


@dataclass
class QuestionResult:
    question: SurveyQuestion
    answered: int
    bars: list[Bar] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)

    @property
    def is_hidden(self) -> bool:
        return self.answered < K_ANONYMITY


def survey_list_for_user(*, user: Any) -> QuerySet[Survey]:
    return (
        Survey.objects.filter(access.scope_q(user, "voice.manage_survey", path_fields=("unit__path",)))
        .select_related("unit")
        .annotate(response_count=Count("responses"))
        .order_by("-created_at")
    )


def survey_get_for_user(*, user: Any, pk: int) -> Survey:
    survey = Survey.objects.select_related("unit").filter(pk=pk).first()
    if survey is None or not access.can(user, "voice.manage_survey", survey):
        raise Http404
    return survey


def survey_get_public(*, code: str) -> Survey:
    survey = Survey.objects.select_related("unit").filter(public_code=code).first()
    if survey is None:
        raise Http404
    return survey


def _bars(counts: dict[str, int], total: int) -> list[Bar]:
    return [Bar(label=label, count=count, share=count / total if total else 0) for label, count in counts.items()]


def survey_results(*, survey: Survey) -> tuple[int, list[QuestionResult]]:
    """(number of answer sheets, per-question results); the caller checked voice.manage_survey."""
    sheets = survey.responses.count()
    results = []
    answers = SurveyAnswer.objects.filter(response__survey=survey)
    for question in survey.questions.all():
        mine = answers.filter(question=question)
        if question.kind == SurveyQuestion.Kind.SCALE:
            counts = {str(value): 0 for value in range(1, 6)}
            for row in mine.values("scale_value").annotate(n=Count("pk")):
                counts[str(row["scale_value"])] = row["n"]
        elif question.kind == SurveyQuestion.Kind.CHOICE:
            counts = dict.fromkeys(question.choices, 0)
            for row in mine.values("choice").annotate(n=Count("pk")):
                counts[row["choice"]] = row["n"]
        else:
            counts = {}
        answered = mine.count()
        result = QuestionResult(question=question, answered=answered)
        if not result.is_hidden:
            result.bars = _bars(counts, answered)
            if question.kind == SurveyQuestion.Kind.TEXT:
                result.texts = sorted(crypto.decrypt_text(blob) for blob in mine.values_list("text_enc", flat=True))
        results.append(result)
    return sheets, results
