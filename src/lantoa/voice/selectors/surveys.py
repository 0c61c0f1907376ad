"""Survey lists for officials and results with the k ≥ 5 rule (a question's chart hides below K_ANONYMITY answers)."""

from dataclasses import dataclass, field

from django.db.models import Count, Q, QuerySet
from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext as _

from lantoa.orgs import access
from lantoa.orgs.models import SEGMENT_LABELS, Enterprise, User
from lantoa.voice import crypto
from lantoa.voice.models import Survey, SurveyAnswer, SurveyQuestion
from lantoa.voice.selectors.aggregates import K_ANONYMITY, Cell

CHOOSER_MAX = 500  # enterprises offered on the answer page
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


def survey_list_for_user(*, user: User) -> QuerySet[Survey]:
    return (
        Survey.objects.filter(access.scope_q(user, "voice.manage_survey", path_fields=("unit__path",)))
        .select_related("unit")
        .annotate(response_count=Count("responses"))
        .order_by("-created_at")
    )


def survey_get_for_user(*, user: User, pk: int) -> Survey:
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
            for scale_row in mine.values("scale_value").annotate(n=Count("pk")):
                counts[str(scale_row["scale_value"])] = scale_row["n"]
        elif question.kind == SurveyQuestion.Kind.CHOICE:
            counts = dict.fromkeys(question.choices, 0)
            for choice_row in mine.values("choice").annotate(n=Count("pk")):
                counts[choice_row["choice"]] = choice_row["n"]
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


def survey_enterprises(*, survey: Survey) -> list[Enterprise]:
    """Enterprises whose workers may answer (public: names only, as on the report form), at most CHOOSER_MAX."""
    path = survey.unit.path
    rows = (
        Enterprise.objects.select_related("unit", "commune", "zone")
        .filter(Q(unit__path__startswith=path) | Q(commune__path__startswith=path) | Q(zone__path__startswith=path))
        .order_by("unit__name")[:CHOOSER_MAX]
    )
    return [row for row in rows if not survey.segment or survey.segment in row.segments]


@dataclass
class Breakdown:
    title: str
    cells: list[Cell]


def suppress_against_known_total(counts: dict[str, int]) -> list[Cell]:
    """Hide cells under K_ANONYMITY; the sheet total is public, so while the hidden cells add up to 1–4 (and could be
    worked out by subtraction) also hide the smallest shown cell: the hidden part is then none or at least K."""
    shown = {label: count for label, count in counts.items() if count >= K_ANONYMITY}
    hidden = sum(count for count in counts.values() if 0 < count < K_ANONYMITY)
    while 0 < hidden < K_ANONYMITY and shown:
        smallest = min(shown, key=lambda label: (shown[label], label))
        hidden += shown.pop(smallest)
    return [Cell(label=label, count=shown.get(label)) for label, count in counts.items() if count > 0]


def survey_breakdowns(*, survey: Survey) -> list[Breakdown]:
    """Answer sheets by segment, by commune and by enterprise (two queries); the caller checked voice.manage_survey.

    A sheet counts in every segment of its enterprise, so the segment cells may overlap."""
    per_enterprise = dict(survey.responses.values_list("enterprise_id").annotate(n=Count("pk")).order_by())
    enterprises = Enterprise.objects.select_related("unit", "commune").filter(pk__in=[k for k in per_enterprise if k])
    by_segment = dict.fromkeys((str(label) for label in SEGMENT_LABELS.values()), 0)
    by_commune: dict[str, int] = {}
    by_enterprise: dict[str, int] = {}
    for enterprise in sorted(enterprises, key=lambda row: row.unit.name):
        count = per_enterprise[enterprise.pk]
        for slug in enterprise.segments:
            by_segment[str(SEGMENT_LABELS[slug])] += count
        commune = enterprise.commune.name
        by_commune[commune] = by_commune.get(commune, 0) + count
        by_enterprise[enterprise.unit.name] = by_enterprise.get(enterprise.unit.name, 0) + count
    unknown = per_enterprise.get(None, 0)
    if unknown:
        by_commune[_("Không rõ")] = unknown
        by_enterprise[_("Không rõ")] = unknown
    return [
        Breakdown(title=_("Theo nhóm đối tượng"), cells=suppress_against_known_total(by_segment)),
        Breakdown(title=_("Theo xã, phường"), cells=suppress_against_known_total(dict(sorted(by_commune.items())))),
        Breakdown(title=_("Theo doanh nghiệp"), cells=suppress_against_known_total(by_enterprise)),
    ]


def survey_accepts(*, survey: Survey, enterprise: Enterprise) -> bool:
    """Whether workers of `enterprise` belong to the survey's group: inside its unit and, if set, of its segment."""
    places = [*enterprise.access_units, enterprise.commune]
    if not any(place.is_within(survey.unit) for place in places):
        return False
    return not survey.segment or survey.segment in enterprise.segments


def survey_list_open_for(*, enterprise: Enterprise) -> list[Survey]:
    """Open surveys whose group takes in workers of `enterprise`."""
    places = [*enterprise.access_units, enterprise.commune]
    # a unit's ancestors are the prefixes of its materialised path ("/91/", "/91/30307/")
    paths = {place.path[: end + 1] for place in places for end, char in enumerate(place.path) if char == "/" and end}
    surveys = Survey.objects.filter(is_open=True, unit__path__in=paths).select_related("unit")
    return [survey for survey in surveys if survey_accepts(survey=survey, enterprise=enterprise)]


def worker_home_items(*, enterprise: Enterprise | None) -> list[dict[str, str]]:
    if enterprise is None:
        return []
    return [
        {
            "title": _("Khảo sát dành cho bạn"),
            "text": survey.title,
            "url": reverse("voice:survey-answer", kwargs={"code": survey.public_code}),
        }
        for survey in survey_list_open_for(enterprise=enterprise)
    ]
