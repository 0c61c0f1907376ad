"""Reads of cases for officials and of a report for its worker; every staff read of a text is audit-logged."""

import datetime as dt
from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils import timezone

from lantoa.core.registry import period_bounds
from lantoa.orgs import access
from lantoa.orgs.models import Enterprise, OrgUnit, User
from lantoa.voice import crypto
from lantoa.voice.models import Report, ReportMessage
from lantoa.voice.services.cases import report_read_record


@dataclass(frozen=True)
class MessageView:
    kind: str
    kind_label: str
    text: str
    at: dt.datetime
    author: str = ""


def case_scope_q(user: User, action: str = "voice.view_case") -> Q:
    """Reports of an enterprise are placed by the enterprise (and its KCN/CCN); others by the receiving unit.

    The places in scope are subqueries, not joins: PostgreSQL then reads the newest reports off the `created_at`
    index and stops at a page, where joined paths made it sort every report of the province first."""
    enterprises = Enterprise.objects.filter(access.scope_q(user, action, path_fields=("unit__path", "zone__path")))
    units = OrgUnit.objects.filter(access.scope_q(user, action))
    return Q(enterprise__in=enterprises.values("pk")) | Q(enterprise__isnull=True, unit__in=units.values("pk"))


def case_list_for_user(
    *,
    user: User,
    status: str = "",
    overdue: bool = False,
    unit_code: str = "",
    start: dt.date | None = None,
    end: dt.date | None = None,
) -> QuerySet[Report]:
    reports = Report.objects.select_related("category", "unit", "enterprise__unit", "assignee").filter(
        case_scope_q(user)
    )
    if status == "open":
        reports = reports.filter(status__in=Report.OPEN_STATUSES)
    elif status in Report.Status.values:
        reports = reports.filter(status=status)
    if overdue:
        now = timezone.now()
        reports = reports.filter(status__in=Report.OPEN_STATUSES).filter(
            Q(first_replied_at__isnull=True, first_reply_due_at__lt=now) | Q(resolve_due_at__lt=now)
        )
    if unit_code:
        unit = OrgUnit.objects.filter(code=unit_code).first()
        path = unit.path if unit else "/-/"
        reports = reports.filter(Q(enterprise__unit__path__startswith=path) | Q(unit__path__startswith=path))
    if start and end:
        since, until = period_bounds(start, end)
        reports = reports.filter(created_at__gte=since, created_at__lt=until)
    return reports.order_by("-created_at")


def case_get_for_user(*, user: User, pk: int, action: str = "voice.view_case") -> Report:
    report = (
        Report.objects.select_related("category", "unit", "enterprise__unit", "enterprise__zone", "assignee")
        .filter(pk=pk)
        .first()
    )
    if report is None or not access.can(user, action, report):
        raise Http404  # do not reveal that it exists
    report_read_record(report=report, user=user, action="view")
    return report


def _view(message: ReportMessage) -> MessageView:
    author = ""
    if message.author is not None and message.kind != ReportMessage.Kind.WORKER:
        author = message.author.first_name or message.author.username
    return MessageView(
        kind=message.kind,
        kind_label=str(message.get_kind_display()),
        text=crypto.decrypt_text(message.body_enc),
        at=message.created_at,
        author=author,
    )


def case_messages(*, report: Report) -> list[MessageView]:
    """Everything on a case for officials, with the messages of the duplicates merged into it."""
    messages = ReportMessage.objects.select_related("author").filter(Q(report=report) | Q(report__merged_into=report))
    return [_view(message) for message in messages.order_by("created_at", "pk")]


def case_body(*, report: Report) -> tuple[str, str]:
    return crypto.decrypt_text(report.body_enc), crypto.decrypt_text(report.contact_enc)


def case_merge_candidates(*, user: User, report: Report) -> QuerySet[Report]:
    candidates = Report.objects.filter(case_scope_q(user, "voice.reply_case"), status__in=Report.OPEN_STATUSES)
    if report.enterprise_id:
        candidates = candidates.filter(enterprise_id=report.enterprise_id)
    return candidates.exclude(pk=report.pk).select_related("category").order_by("-created_at")[:50]


def worker_messages(*, report: Report) -> list[MessageView]:
    """What the worker sees: their own messages and the officers' replies (on the case they were merged into too).

    Internal notes and other workers' messages are never shown.
    """
    own = Q(report=report, kind__in=[ReportMessage.Kind.WORKER, ReportMessage.Kind.OFFICER])
    if report.merged_into_id:
        own |= Q(report_id=report.merged_into_id, kind=ReportMessage.Kind.OFFICER)
    messages = ReportMessage.objects.filter(own).order_by("created_at", "pk")
    return [
        MessageView(
            kind=message.kind,
            kind_label=str(message.get_kind_display()),
            text=crypto.decrypt_text(message.body_enc),
            at=message.created_at,
        )
        for message in messages
    ]


def worker_body(*, report: Report) -> str:
    """The text the worker sent, for the holder of its receipt only (callers found the report by the receipt)."""
    return crypto.decrypt_text(report.body_enc)


def worker_status(*, report: Report) -> str:
    if report.status == Report.Status.MERGED and report.merged_into is not None:
        return report.merged_into.status
    return report.status
