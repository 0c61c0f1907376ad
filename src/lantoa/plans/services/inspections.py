"""Writes for inspections and supervision, their findings and follow-ups."""

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from lantoa.core.text import clean_line, nfc
from lantoa.orgs import access
from lantoa.orgs.models import OrgUnit
from lantoa.plans.models import Finding, Inspection


@transaction.atomic
def inspection_record(
    *, unit: OrgUnit, by_unit: OrgUnit, kind: str, title: str, held_on: dt.date, conclusion: str, by: Any
) -> Inspection:
    if not access.can(by, "plans.inspect", unit):
        raise ValidationError(_("Bạn không có quyền kiểm tra, giám sát đơn vị này."), code="inspect_forbidden")
    if kind not in Inspection.Kind.values:
        raise ValidationError(_("Hình thức kiểm tra không hợp lệ."), code="inspection_kind_invalid")
    title = clean_line(title)
    if not title:
        raise ValidationError(_("Hãy ghi nội dung kiểm tra, giám sát."), code="inspection_title_empty")
    return Inspection.objects.create(
        unit=unit,
        by_unit=by_unit,
        kind=kind,
        title=title,
        held_on=held_on,
        conclusion=nfc(conclusion).strip(),
        created_by=by if getattr(by, "pk", None) else None,
    )


@transaction.atomic
def finding_add(*, inspection: Inspection, text: str, follow_up: str, due_on: dt.date | None, by: Any) -> Finding:
    if not access.can(by, "plans.inspect", inspection.unit):
        raise ValidationError(_("Bạn không có quyền ghi kết luận kiểm tra này."), code="inspect_forbidden")
    text = nfc(text).strip()
    if not text:
        raise ValidationError(_("Hãy ghi nội dung phát hiện."), code="finding_empty")
    if due_on and due_on < inspection.held_on:
        raise ValidationError(_("Hạn khắc phục phải sau ngày kiểm tra."), code="finding_due_before_inspection")
    return Finding.objects.create(inspection=inspection, text=text, follow_up=nfc(follow_up).strip(), due_on=due_on)


@transaction.atomic
def finding_close(*, finding: Finding, closed_on: dt.date, note: str, by: Any) -> Finding:
    """The inspected unit reports the finding fixed (or the inspector records it)."""
    unit = finding.inspection.unit
    if not (access.can(by, "plans.edit_report", unit) or access.can(by, "plans.inspect", unit)):
        raise ValidationError(_("Bạn không có quyền cập nhật việc khắc phục."), code="finding_forbidden")
    note = nfc(note).strip()
    if not note:
        raise ValidationError(_("Hãy ghi kết quả khắc phục."), code="finding_note_empty")
    finding.closed_on, finding.closing_note = closed_on, note
    finding.save(update_fields=["closed_on", "closing_note"])
    return finding
