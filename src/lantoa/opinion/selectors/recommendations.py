"""Reads of kiến nghị: open and overdue per body, and what a worker sees through their case."""

import datetime as dt
from collections import defaultdict

from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from lantoa.core.formats import vn_date
from lantoa.opinion.models import Recommendation
from lantoa.orgs import access
from lantoa.voice.models import Report


def visible(*, user: object) -> QuerySet[Recommendation]:
    scope = access.scope_q(user, "opinion.answer_recommendation", path_fields=("unit__path", "addressee_unit__path"))
    return Recommendation.objects.filter(scope).select_related("unit", "addressee_unit", "report")


def state_of(recommendation: Recommendation, *, today: dt.date | None = None) -> str:
    today = today or timezone.localdate()
    if recommendation.answered_on:
        return "answered" if recommendation.answered_on <= recommendation.due_on else "answered_late"
    return "overdue" if recommendation.due_on < today else "open"


def open_by_body(*, user: object, overdue_only: bool = False) -> dict[str, list[Recommendation]]:
    """Unanswered recommendations grouped by the body that must answer, the earliest deadline first."""
    rows = visible(user=user).filter(answered_on__isnull=True)
    if overdue_only:
        rows = rows.filter(due_on__lt=timezone.localdate())
    grouped: dict[str, list[Recommendation]] = defaultdict(list)
    for row in rows.order_by("due_on", "pk"):
        grouped[row.addressee].append(row)
    return dict(sorted(grouped.items()))


def case_follow_notes(*, report: Report) -> list[str]:
    """Lines on the worker's case page: where their report was carried, and the answer once it came."""
    ids = [report.pk] + ([report.merged_into_id] if report.merged_into_id else [])
    notes = []
    for row in Recommendation.objects.filter(Q(report_id__in=ids)).select_related("addressee_unit"):
        notes.append(
            _("Đã kiến nghị tới %(body)s ngày %(day)s.") % {"body": row.addressee, "day": vn_date(row.raised_on)}
        )
        if row.answered_on:
            notes.append(
                _("%(body)s trả lời ngày %(day)s: %(answer)s")
                % {"body": row.addressee, "day": vn_date(row.answered_on), "answer": row.answer}
            )
    return notes
