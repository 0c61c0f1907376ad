"""Reminders: in-app notices to units whose report, task or follow-up comes due (and whatever other apps declare as
`reminders`, such as a recommendation to answer), and the same by e-mail to the unit's officials who gave an address.
Past its deadline a reminder goes daily for a week, then weekly (`overdue_reminded`), whichever app declared it. A notice records when its e-mail went out (`mailed_at`), set only after the
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


# An overdue reminder goes out on each of the first `OVERDUE_DAILY_DAYS` days after the deadline, then every
# `OVERDUE_EVERY_DAYS` days (the weekday of the last daily one), so a unit with many late items is not flooded.
OVERDUE_DAILY_DAYS = 7
OVERDUE_EVERY_DAYS = 7


def overdue_reminded(*, due_on: dt.date, on: dt.date) -> bool:
    """Whether a reminder of a deadline `due_on` goes out `on` a (local) day: always before the deadline passed,
    then daily for a week and weekly after that."""
    late = (on - due_on).days
    return late <= OVERDUE_DAILY_DAYS or late % OVERDUE_EVERY_DAYS == OVERDUE_DAILY_DAYS % OVERDUE_EVERY_DAYS


def _notify(reminder: registry.Reminder, on: dt.date) -> tuple[Notice, bool]:
    return Notice.objects.get_or_create(
        unit_id=reminder.unit_id,
        kind=reminder.kind,
        subject_key=reminder.subject_key,
        sent_on=on,
        defaults={"message": reminder.message[:400], "url": reminder.url},
    )


def _plans_reminders(*, on: dt.date, horizon: dt.date) -> list[registry.Reminder]:
    """Plans' own reminders for `on`: reports due by `horizon` (or overdue), tasks and follow-ups coming due.
    The units expected to report on a period are those with a plan."""
    found: list[registry.Reminder] = []
    reporting_units = set(Plan.objects.values_list("unit_id", flat=True))
    open_periods = ReportingPeriod.objects.filter(ends_on__lte=horizon, due_on__gte=on - dt.timedelta(days=60))
    for period in open_periods:
        overdue = period.due_on < on
        if not overdue and period.due_on > horizon:
            continue
        done = set(
            UnitReport.objects.filter(period=period)
            .exclude(status__in=[UnitReport.Status.DRAFT, UnitReport.Status.RETURNED])
            .values_list("unit_id", flat=True)
        )
        kind = Notice.Kind.REPORT_OVERDUE if overdue else Notice.Kind.REPORT_DUE
        template = (
            _("Báo cáo %(period)s đã quá hạn nộp (%(date)s).")
            if overdue
            else _("Báo cáo %(period)s cần nộp trước %(date)s.")
        )
        message = template % {"period": period.label, "date": vn_date(period.due_on)}
        url = reverse("plans:report-list")
        found.extend(
            registry.Reminder(unit_id, kind, f"period:{period.pk}", message, url, due_on=period.due_on)
            for unit_id in sorted(reporting_units - done)
        )
    tasks = PlanTask.objects.filter(due_on__gte=on, due_on__lte=horizon).exclude(status=PlanTask.Status.DONE)
    for task in tasks:
        message = _("Nhiệm vụ “%(title)s” đến hạn %(date)s.") % {
            "title": task.title[:200],
            "date": vn_date(task.due_on),
        }
        found.append(
            registry.Reminder(
                task.assignee_id, Notice.Kind.TASK_DUE, f"task:{task.pk}", message, reverse("plans:home"), task.due_on
            )
        )
    findings = Finding.objects.filter(closed_on__isnull=True, due_on__lte=horizon).select_related("inspection")
    for finding in findings:
        due_on = finding.due_on
        if due_on is None:  # left out by the filter already; this tells the type checker
            continue
        late = due_on < on
        template = (
            _("Việc khắc phục sau kiểm tra “%(title)s” đã quá hạn (hạn %(date)s).")
            if late
            else _("Việc khắc phục sau kiểm tra “%(title)s” đến hạn %(date)s.")
        )
        message = template % {"title": finding.inspection.title[:200], "date": vn_date(due_on)}
        url = reverse("plans:inspection-detail", args=[finding.inspection_id])
        found.append(
            registry.Reminder(
                finding.inspection.unit_id,
                Notice.Kind.FINDING_OVERDUE if late else Notice.Kind.FINDING_DUE,
                f"finding:{finding.pk}",
                message,
                url,
                due_on,
            )
        )
    return found


def reminders_found(*, on: dt.date, days_ahead: int) -> list[registry.Reminder]:
    """What stands to be reminded of `on`: plans' own (reports due within `days_ahead` days or overdue, tasks and
    follow-ups coming due) and the reminders other apps declare, before `overdue_reminded` picks the days."""
    return _plans_reminders(on=on, horizon=on + dt.timedelta(days=days_ahead)) + registry.reminders(on=on)


def overdue_open(*, on: dt.date) -> set[tuple[int, str, str]]:
    """(unit, kind, subject key) of each overdue reminder that still stands `on`, whether or not a reminder goes out
    that day: a report since submitted, a follow-up since fixed or a recommendation since answered is not among them.
    Reads only."""
    return {
        (reminder.unit_id, reminder.kind, reminder.subject_key)
        for reminder in reminders_found(on=on, days_ahead=0)
        if reminder.kind in Notice.OVERDUE_KINDS
    }


@transaction.atomic
def reminders_send(*, on: dt.date, days_ahead: int = 7) -> ReminderResult:
    """Notices for reports due within `days_ahead` days (or overdue), tasks and findings coming due, and the
    reminders other apps declare for `on` (they choose their own lead time). A notice goes out once a day at most,
    and one whose deadline has passed only on the days `overdue_reminded` keeps.
    """
    created: list[Notice] = []
    already = 0
    for reminder in reminders_found(on=on, days_ahead=days_ahead):
        if reminder.kind not in Notice.Kind.values:
            raise ValueError(f"unknown notice kind {reminder.kind!r} for {reminder.subject_key}")
        if reminder.due_on is not None and not overdue_reminded(due_on=reminder.due_on, on=on):
            continue
        notice, new = _notify(reminder, on)
        if new:
            created.append(notice)
        else:
            already += 1
    return ReminderResult(created=created, already_sent=already)


# The reminders that are also e-mailed (a returned report or an assigned task is only an in-app notice).
MAILED_KINDS = (
    Notice.Kind.REPORT_DUE,
    Notice.Kind.REPORT_OVERDUE,
    Notice.Kind.TASK_DUE,
    Notice.Kind.FINDING_DUE,
    Notice.Kind.FINDING_OVERDUE,
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
