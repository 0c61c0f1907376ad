"""Reminders: in-app notices to units whose report, task or follow-up comes due, and the same by e-mail to the
unit's officials who gave an address."""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext as _

from lantoa.core.formats import vn_date
from lantoa.core.links import absolute_url
from lantoa.orgs.models import Membership, Role
from lantoa.plans.models import Finding, Notice, Plan, PlanTask, ReportingPeriod, UnitReport


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
    """Notices for reports due within `days_ahead` days (or overdue), tasks and findings coming due.

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
    return ReminderResult(created=created, already_sent=already)


def notices_mail(*, notices: list[Notice], on: dt.date) -> int:
    """One e-mail per official (a current member of the unit, not as a worker, with an address) listing the unit's
    new notices;
    returns the number of e-mails sent. Failures are left to the mail backend to raise."""
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
    messages = [
        EmailMessage(
            subject=_("Lan Tỏa: %(count)s việc sắp đến hạn (%(date)s)") % {"count": len(items), "date": vn_date(on)},
            body="\n\n".join(f"- {notice.message}\n  {absolute_url(notice.url)}" for notice in items),
            to=[email],
        )
        for email, items in sorted(wanted.items())
    ]
    if not messages:
        return 0
    return get_connection().send_messages(messages) or 0
