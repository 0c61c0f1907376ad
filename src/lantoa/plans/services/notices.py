"""Reminders: in-app notices to units whose report, task or follow-up comes due (and whatever other apps declare as
`reminders`, such as a recommendation to answer), and the same by e-mail to the unit's officials who gave an address. A notice records when its e-mail went out (`mailed_at`), set only after the
mail server took it: a day the mail is down loses nothing, the next run sends it."""

import datetime as dt
import logging
from collections import defaultdict
from dataclasses import dataclass

from django.core.mail import EmailMessage, get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from lantoa.core import registry
from lantoa.core.formats import vn_date
from lantoa.core.links import absolute_url
from lantoa.orgs.models import Membership, Role
from lantoa.plans.models import Finding, Notice, Plan, PlanTask, ReportingPeriod, UnitReport

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class ReminderResult:
    created: list[Notice]
    already_sent: int


def _notify(unit_id: int, kind: str, subject_key: str, message: str, url: str, on: dt.date) -> tuple[Notice, bool]:
    return Notice.objects.get_or_create(
        unit_id=unit_id, kind=kind, subject_key=subject_key, sent_on=on, defaults={"message": message[:400], "url": url}
    )


@transaction.atomic
def reminders_send(*, on: dt.date, days_ahead: int = 7) -> ReminderResult:
    """Notices for reports due within `days_ahead` days (or overdue), tasks and findings coming due, and the
    reminders other apps declare for `on` (they choose their own lead time).

    The units expected to report on a period are those with a plan; a notice goes out once a day at most.
    """
    horizon = on + dt.timedelta(days=days_ahead)
    created: list[Notice] = []
    already = 0

    def keep(pair: tuple[Notice, bool]) -> None:
        nonlocal already
        if pair[1]:
            created.append(pair[0])
        else:
            already += 1

    reporting_units = set(Plan.objects.values_list("unit_id", flat=True))
    open_periods = ReportingPeriod.objects.filter(ends_on__lte=horizon, due_on__gte=on - dt.timedelta(days=60))
    for period in open_periods:
        done = set(
            UnitReport.objects.filter(period=period)
            .exclude(status__in=[UnitReport.Status.DRAFT, UnitReport.Status.RETURNED])
            .values_list("unit_id", flat=True)
        )
        overdue = period.due_on < on
        if not overdue and period.due_on > horizon:
            continue
        kind = Notice.Kind.REPORT_OVERDUE if overdue else Notice.Kind.REPORT_DUE
        template = (
            _("Báo cáo %(period)s đã quá hạn nộp (%(date)s).")
            if overdue
            else _("Báo cáo %(period)s cần nộp trước %(date)s.")
        )
        message = template % {"period": period.label, "date": vn_date(period.due_on)}
        for unit_id in sorted(reporting_units - done):
            keep(_notify(unit_id, kind, f"period:{period.pk}", message, reverse("plans:report-list"), on))
    tasks = PlanTask.objects.filter(due_on__gte=on, due_on__lte=horizon).exclude(status=PlanTask.Status.DONE)
    for task in tasks:
        message = _("Nhiệm vụ “%(title)s” đến hạn %(date)s.") % {
            "title": task.title[:200],
            "date": vn_date(task.due_on),
        }
        keep(_notify(task.assignee_id, Notice.Kind.TASK_DUE, f"task:{task.pk}", message, reverse("plans:home"), on))
    findings = Finding.objects.filter(closed_on__isnull=True, due_on__lte=horizon).select_related("inspection")
    for finding in findings:
        message = _("Việc khắc phục sau kiểm tra “%(title)s” đến hạn %(date)s.") % {
            "title": finding.inspection.title[:200],
            "date": vn_date(finding.due_on),
        }
        url = reverse("plans:inspection-detail", args=[finding.inspection_id])
        keep(_notify(finding.inspection.unit_id, Notice.Kind.FINDING_DUE, f"finding:{finding.pk}", message, url, on))
    for reminder in registry.reminders(on=on):
        if reminder.kind not in Notice.Kind.values:
            raise ValueError(f"unknown notice kind {reminder.kind!r} for {reminder.subject_key}")
        keep(_notify(reminder.unit_id, reminder.kind, reminder.subject_key, reminder.message, reminder.url, on))
    return ReminderResult(created=created, already_sent=already)


# The reminders that are also e-mailed (a returned report or an assigned task is only an in-app notice).
MAILED_KINDS = (
    Notice.Kind.REPORT_DUE,
    Notice.Kind.REPORT_OVERDUE,
    Notice.Kind.TASK_DUE,
    Notice.Kind.FINDING_DUE,
    Notice.Kind.RECOMMENDATION_DUE,
    Notice.Kind.RECOMMENDATION_OVERDUE,
)
# A reminder that could not be mailed is tried again at each run for this many days.
MAIL_RETRY_DAYS = 7


@dataclass(frozen=True)
class MailResult:
    sent: int  # e-mails handed to the mail server
    failed: int  # e-mails that could not be sent: their reminders stay unmailed and go at the next run


def notices_unmailed(*, on: dt.date) -> list[Notice]:
    """Reminders of the last `MAIL_RETRY_DAYS` days not mailed yet: today's, and earlier ones whose mail failed.
    Of several for the same subject only the newest is kept (yesterday's "report due" is today's too)."""
    rows = Notice.objects.filter(
        mailed_at__isnull=True,
        kind__in=MAILED_KINDS,
        sent_on__gte=on - dt.timedelta(days=MAIL_RETRY_DAYS),
        sent_on__lte=on,
    ).order_by("-sent_on", "-pk")
    newest: dict[tuple, Notice] = {}
    for notice in rows:
        newest.setdefault((notice.unit_id, notice.kind, notice.subject_key), notice)
    return sorted(newest.values(), key=lambda notice: notice.pk)


def _messages(notices: list[Notice], on: dt.date) -> list[tuple[EmailMessage, list[Notice]]]:
    """One e-mail per official (a current member of the unit, not as a worker, with an address) listing the unit's
    notices, with the notices it carries."""
    by_unit: defaultdict[int, list[Notice]] = defaultdict(list)
    for notice in notices:
        by_unit[notice.unit_id].append(notice)
    members = (
        Membership.objects.filter(unit_id__in=by_unit, person__user__is_active=True)
        .filter(Q(ended_on__isnull=True) | Q(ended_on__gte=on))
        .exclude(person__user__email="")
        .exclude(role=Role.WORKER)
        .values_list("person__user__email", "unit_id")
        .distinct()
    )
    wanted: defaultdict[str, list[Notice]] = defaultdict(list)
    for email, unit_id in members:
        wanted[email].extend(n for n in by_unit[unit_id] if n not in wanted[email])
    return [
        (
            EmailMessage(
                subject=_("Lan Tỏa: %(count)s việc sắp đến hạn (%(date)s)")
                % {"count": len(items), "date": vn_date(on)},
                body="\n\n".join(f"- {notice.message}\n  {absolute_url(notice.url)}" for notice in items),
                to=[email],
            ),
            items,
        )
        for email, items in sorted(wanted.items())
    ]


def _send(connection: BaseEmailBackend, message: EmailMessage) -> bool:
    try:
        return connection.send_messages([message]) == 1
    except Exception:
        logger.exception("reminder e-mail not sent", extra={"recipients": len(message.to)})
        return False


def notices_mail(*, on: dt.date) -> MailResult:
    """E-mail the unmailed reminders (`notices_unmailed`) and record each as mailed only once every e-mail carrying
    it was sent; a reminder of a unit without an official's address counts as mailed (there is no one to send to).
    A reminder whose mail failed stays unmailed, so the next run sends it again; once sent it is never sent again."""
    pending = notices_unmailed(on=on)
    messages = _messages(pending, on)
    unsent: set[int] = set()
    sent = 0
    if messages:
        connection = get_connection()
        try:
            connection.open()
        except Exception:
            logger.exception("mail server unreachable: reminders not sent")
            unsent = {notice.pk for _message, items in messages for notice in items}
        else:
            try:
                for message, items in messages:
                    if _send(connection, message):
                        sent += 1
                    else:
                        unsent.update(notice.pk for notice in items)
            finally:
                connection.close()
    mailed = [notice.pk for notice in pending if notice.pk not in unsent]
    Notice.objects.filter(pk__in=mailed).update(mailed_at=timezone.now())
    return MailResult(sent=sent, failed=len(messages) - sent)
