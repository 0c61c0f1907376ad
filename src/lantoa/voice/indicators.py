"""Numbers plans can use as indicators: additive counts per enterprise unit (else the receiving unit)."""

import datetime as dt

from django.db.models import Count, F, QuerySet
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from lantoa.core.registry import IndicatorSource, period_bounds
from lantoa.voice.models import Report


def _by_unit(reports: QuerySet[Report]) -> dict[int, int]:
    rows = reports.annotate(place=Coalesce("enterprise__unit_id", "unit_id")).values("place").annotate(n=Count("pk"))
    return {row["place"]: row["n"] for row in rows}


def cases_received(*, start: dt.date, end: dt.date) -> dict[int, int]:
    since, until = period_bounds(start, end)
    return _by_unit(Report.objects.filter(created_at__gte=since, created_at__lt=until))


def cases_answered_on_time(*, start: dt.date, end: dt.date) -> dict[int, int]:
    """Reports received in the period whose first reply came before the category's deadline."""
    since, until = period_bounds(start, end)
    reports = Report.objects.filter(
        created_at__gte=since,
        created_at__lt=until,
        first_replied_at__isnull=False,
        first_replied_at__lte=F("first_reply_due_at"),
    )
    return _by_unit(reports)


def sources() -> list[IndicatorSource]:
    return [
        IndicatorSource(
            code="voice.cases_received",
            label=str(_("Phản ánh của người lao động được tiếp nhận")),
            measure=str(_("phản ánh")),
            values=cases_received,
            records_url_name="voice:case-list",
            records_action="voice.view_case",
        ),
        IndicatorSource(
            code="voice.cases_answered_on_time",
            label=str(_("Phản ánh được trả lời đúng hạn")),
            measure=str(_("phản ánh")),
            values=cases_answered_on_time,
            records_url_name="voice:case-list",
            records_action="voice.view_case",
        ),
    ]
