"""Writes of union officers on cases: reply, note, assign, merge, close; escalation, retention, key rotation."""

import datetime as dt

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Model, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from lantoa.orgs import access
from lantoa.orgs.models import OrgUnit, User
from lantoa.orgs.selectors import province_labour_federation
from lantoa.voice import crypto
from lantoa.voice.models import Report, ReportMessage, ReportPhoto, ReportReadLog, SurveyAnswer
from lantoa.voice.services.reports import text_clean


def _require(user: User, action: str, report: Report) -> None:
    if not access.can(user, action, report):
        raise PermissionDenied


def report_read_record(*, report: Report, user: User, action: str = "view") -> None:
    """Audit every staff read of a report (who, which report, when; never what was read)."""
    ReportReadLog.objects.create(report_id=report.pk, user=user, action=action)


@transaction.atomic
def case_reply(*, report: Report, user: User, text: str) -> ReportMessage:
    _require(user, "voice.reply_case", report)
    if not report.is_open:
        raise ValidationError(_("Phản ánh này đã đóng hoặc đã gộp."), code="case_not_open")
    message = ReportMessage.objects.create(
        report=report, kind=ReportMessage.Kind.OFFICER, author=user, body_enc=crypto.encrypt_text(text_clean(text))
    )
    report.status = Report.Status.ANSWERED
    report.first_replied_at = report.first_replied_at or message.created_at
    report.assignee = report.assignee or user
    report.save(update_fields=["status", "first_replied_at", "assignee"])
    return message


@transaction.atomic
def case_note_add(*, report: Report, user: User, text: str) -> ReportMessage:
    _require(user, "voice.reply_case", report)
    return ReportMessage.objects.create(
        report=report, kind=ReportMessage.Kind.NOTE, author=user, body_enc=crypto.encrypt_text(text_clean(text))
    )


@transaction.atomic
def case_assign(*, report: Report, user: User, assignee: User) -> Report:
    _require(user, "voice.reply_case", report)
    if not access.can(assignee, "voice.reply_case", report):
        raise ValidationError(_("Người được giao không có quyền xử lý phản ánh này."), code="assignee_out_of_scope")
    report.assignee = assignee
    if report.status == Report.Status.NEW:
        report.status = Report.Status.IN_PROGRESS
    report.save(update_fields=["assignee", "status"])
    return report


@transaction.atomic
def case_merge(*, report: Report, into: Report, user: User) -> Report:
    """Fold a duplicate into the case that goes on; the duplicate's worker then sees the officers' replies there."""
    _require(user, "voice.reply_case", report)
    _require(user, "voice.reply_case", into)
    if report.pk == into.pk or into.status == Report.Status.MERGED or not report.is_open or not into.is_open:
        raise ValidationError(_("Chỉ gộp được hai phản ánh khác nhau, đang mở."), code="merge_invalid")
    report.status = Report.Status.MERGED
    report.merged_into = into
    report.save(update_fields=["status", "merged_into"])
    return report


@transaction.atomic
def case_close(*, report: Report, user: User, outcome: str) -> Report:
    _require(user, "voice.reply_case", report)
    if outcome not in Report.Outcome.values:
        raise ValidationError(_("Hãy chọn kết quả giải quyết."), code="outcome_invalid")
    if not report.is_open:
        raise ValidationError(_("Phản ánh này đã đóng hoặc đã gộp."), code="case_not_open")
    # A worker who spoke up is owed an answer: a case never closes in silence.
    if not report.messages.filter(kind=ReportMessage.Kind.OFFICER).exists():
        raise ValidationError(_("Hãy trả lời người lao động trước khi đóng phản ánh."), code="close_without_reply")
    report.status = Report.Status.CLOSED
    report.outcome = outcome
    report.closed_at = timezone.now()
    report.save(update_fields=["status", "outcome", "closed_at"])
    return report


@transaction.atomic
def cases_escalate_overdue(*, now: dt.datetime | None = None) -> int:
    """Raise overdue open cases one level: 1 = no first reply in time, 2 = not resolved in time.

    A case the grassroots union let slip moves to the Labour Federation, with a note saying why.
    """
    now = now or timezone.now()
    federation = province_labour_federation()
    overdue = (
        Report.objects.select_for_update()
        .filter(status__in=Report.OPEN_STATUSES)
        .filter(
            Q(first_replied_at__isnull=True, first_reply_due_at__lt=now, escalation_level__lt=1)
            | Q(resolve_due_at__lt=now, escalation_level__lt=2)
        )
    )
    count = 0
    for report in overdue.select_related("unit"):
        level = 2 if report.resolve_due_at < now else 1
        report.escalation_level = level
        report.escalated_at = now
        if federation is not None and report.unit.kind == OrgUnit.Kind.GRASSROOTS_UNION:
            report.unit = federation
        report.save(update_fields=["escalation_level", "escalated_at", "unit"])
        reason = _("quá hạn giải quyết") if level == 2 else _("quá hạn trả lời lần đầu")
        text = _("Tự động chuyển cấp (%(reason)s).") % {"reason": reason}
        ReportMessage.objects.create(report=report, kind=ReportMessage.Kind.NOTE, body_enc=crypto.encrypt_text(text))
        count += 1
    return count


@transaction.atomic
def reports_purge(*, now: dt.datetime | None = None, days: int | None = None) -> int:
    """Delete closed cases (texts, photos, messages) `days` after closing, with the duplicates merged into them."""
    now = now or timezone.now()
    cutoff = now - dt.timedelta(days=settings.VOICE_RETENTION_DAYS if days is None else days)
    expired = Report.objects.filter(status=Report.Status.CLOSED, closed_at__lt=cutoff)
    _total, merged = Report.objects.filter(merged_into__in=expired).delete()
    _total, closed = Report.objects.filter(status=Report.Status.CLOSED, closed_at__lt=cutoff).delete()
    return merged.get("voice.Report", 0) + closed.get("voice.Report", 0)


def _reencrypt(queryset: QuerySet[Model], field: str, current: int, batch: int = 500) -> int:
    changed = 0
    pending: list[Model] = []
    for row in queryset.only("pk", field).iterator(chunk_size=batch):
        blob = getattr(row, field)
        if blob and crypto.key_id_of(blob) != current:
            setattr(row, field, crypto.encrypt(crypto.decrypt(blob)))
            pending.append(row)
        if len(pending) >= batch:
            queryset.model._default_manager.bulk_update(pending, [field])
            changed += len(pending)
            pending = []
    if pending:
        queryset.model._default_manager.bulk_update(pending, [field])
        changed += len(pending)
    return changed


@transaction.atomic
def voice_keys_rotate() -> dict[str, int]:
    """Re-encrypt every stored text and photo with the newest key in VOICE_ENCRYPTION_KEYS.

    Run after adding a new key id; afterwards the old key can be removed from the environment.
    """
    current = crypto.current_key_id()
    return {
        "report_bodies": _reencrypt(Report.objects.all(), "body_enc", current),
        "report_contacts": _reencrypt(Report.objects.exclude(contact_enc=None), "contact_enc", current),
        "messages": _reencrypt(ReportMessage.objects.all(), "body_enc", current),
        "photos": _reencrypt(ReportPhoto.objects.all(), "data_enc", current),
        "survey_texts": _reencrypt(SurveyAnswer.objects.exclude(text_enc=None), "text_enc", current),
    }
