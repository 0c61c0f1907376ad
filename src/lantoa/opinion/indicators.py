"""Numbers plans can use as indicators. Counts are additive per unit; the median belongs to the province alone
(clarifications speak for the province), so summing up the tree leaves it as it is."""

import datetime as dt
import statistics

from django.db.models import Count, F, QuerySet
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from lantoa.core.registry import IndicatorSource, period_bounds
from lantoa.opinion.models import Clarification, Recommendation, ThoughtNote
from lantoa.opinion.selectors.claims import hours_to_clarification


def _published(start: dt.date, end: dt.date) -> QuerySet[Clarification]:
    since, until = period_bounds(start, end)
    return Clarification.objects.filter(published_at__gte=since, published_at__lt=until)


def clarifications_published(*, start: dt.date, end: dt.date) -> dict[int, int]:
    rows = _published(start, end).values("unit_id").annotate(n=Count("pk"))
    return {row["unit_id"]: row["n"] for row in rows}


def median_hours_to_clarification(*, start: dt.date, end: dt.date) -> dict[int, int]:
    hours: dict[int, list[float]] = {}
    for item in _published(start, end).select_related("group"):
        hours.setdefault(item.unit_id, []).append(hours_to_clarification(item))
    return {unit_id: round(statistics.median(values)) for unit_id, values in hours.items()}


def recommendations_answered_on_time(*, start: dt.date, end: dt.date) -> dict[int, int]:
    """Answered in the period by the deadline, counted for the body that answered (else the raising unit)."""
    on_time = Recommendation.objects.filter(answered_on__gte=start, answered_on__lte=end).filter(
        answered_on__lte=F("due_on")
    )
    rows = on_time.annotate(place=Coalesce("addressee_unit_id", "unit_id")).values("place").annotate(n=Count("pk"))
    return {row["place"]: row["n"] for row in rows}


def enterprises_with_notes(*, start: dt.date, end: dt.date) -> dict[int, int]:
    units = ThoughtNote.objects.filter(period_start__gte=start, period_start__lte=end).values_list(
        "enterprise__unit_id", flat=True
    )
    return dict.fromkeys(set(units), 1)


def sources() -> list[IndicatorSource]:
    return [
        IndicatorSource(
            code="opinion.clarifications_published",
            label=str(_("Thông tin chính thức về tin đồn được đăng")),
            measure=str(_("thông tin")),
            values=clarifications_published,
            records_url_name="opinion:clarifications",
        ),
        IndicatorSource(
            code="opinion.median_hours_to_clarification",
            label=str(_("Thời gian trung vị từ tin đồn đầu tiên tới thông tin chính thức")),
            measure=str(_("giờ")),
            values=median_hours_to_clarification,
            records_url_name="opinion:desk",
            records_action="opinion.view_claims",
        ),
        IndicatorSource(
            code="opinion.recommendations_answered_on_time",
            label=str(_("Kiến nghị được trả lời đúng hạn")),
            measure=str(_("kiến nghị")),
            values=recommendations_answered_on_time,
            records_url_name="opinion:recommendations",
            records_action="opinion.answer_recommendation",
        ),
        IndicatorSource(
            code="opinion.enterprises_with_notes",
            label=str(_("Doanh nghiệp có ghi nhận tình hình tư tưởng")),
            measure=str(_("doanh nghiệp")),
            values=enterprises_with_notes,
            records_url_name="opinion:notes-rollup",
            records_action="opinion.view_notes",
        ),
    ]
