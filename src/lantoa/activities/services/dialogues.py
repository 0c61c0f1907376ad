"""Workplace dialogues, their follow-up commitments, and collective labour agreements."""

import datetime as dt
import re

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lantoa.activities.models import CollectiveAgreement, Commitment, Dialogue
from lantoa.core.text import clean_line, nfc
from lantoa.orgs.models import Enterprise, User

CASE_REF_SPLIT = re.compile(r"[\s,;]+")
CASE_REF_MAX = 10


def case_refs_clean(value: str) -> str:
    """Worker-voice case numbers as typed ("pa-12, PA-13"): upper-cased, deduplicated, comma-separated."""
    refs = [ref.upper() for ref in CASE_REF_SPLIT.split(clean_line(value)) if ref]
    refs = list(dict.fromkeys(refs))
    if len(refs) > CASE_REF_MAX:
        raise ValidationError(
            _("Chỉ liên kết tối đa %(count)s vụ việc."), code="too_many_cases", params={"count": CASE_REF_MAX}
        )
    return ", ".join(refs)


@transaction.atomic
def dialogue_record(
    *,
    enterprise: Enterprise,
    kind: str,
    held_on: dt.date,
    agenda: str,
    status: str = Dialogue.Status.HELD,
    employer_participants: str = "",
    worker_participants: str = "",
    worker_representative_count: int = 0,
    issues_raised: str = "",
    agreements: str = "",
    voice_case_refs: str = "",
    created_by: User | None = None,
    is_demo: bool = False,
) -> Dialogue:
    """Plan or record a dialogue. The caller checked `activities.manage_dialogue` on the enterprise."""
    agenda = nfc(agenda).strip()
    if not agenda:
        raise ValidationError(_("Hãy ghi nội dung đối thoại."), code="agenda_empty")
    if status == Dialogue.Status.HELD and held_on > timezone.localdate():
        raise ValidationError(_("Cuộc đối thoại chưa diễn ra thì chưa thể ghi nhận."), code="dialogue_in_future")
    return Dialogue.objects.create(
        enterprise=enterprise,
        kind=kind,
        status=status,
        held_on=held_on,
        agenda=agenda,
        employer_participants=nfc(employer_participants).strip(),
        worker_participants=nfc(worker_participants).strip(),
        worker_representative_count=worker_representative_count,
        issues_raised=nfc(issues_raised).strip(),
        agreements=nfc(agreements).strip(),
        voice_case_refs=case_refs_clean(voice_case_refs),
        created_by=created_by,
        is_demo=is_demo,
    )


def dialogue_mark_held(*, dialogue: Dialogue, issues_raised: str, agreements: str) -> Dialogue:
    if dialogue.held_on > timezone.localdate():
        raise ValidationError(_("Cuộc đối thoại chưa diễn ra thì chưa thể ghi nhận."), code="dialogue_in_future")
    dialogue.status = Dialogue.Status.HELD
    dialogue.issues_raised = nfc(issues_raised).strip()
    dialogue.agreements = nfc(agreements).strip()
    dialogue.save(update_fields=["status", "issues_raised", "agreements"])
    return dialogue


def commitment_add(
    *, dialogue: Dialogue, description: str, owner_side: str, owner_name: str, due_on: dt.date
) -> Commitment:
    description, owner_name = nfc(description).strip(), clean_line(owner_name)
    if not description or not owner_name:
        raise ValidationError(_("Cam kết cần ghi rõ việc làm và người chịu trách nhiệm."), code="commitment_incomplete")
    if due_on < dialogue.held_on:
        raise ValidationError(_("Hạn hoàn thành không được trước ngày đối thoại."), code="due_before_dialogue")
    return Commitment.objects.create(
        dialogue=dialogue, description=description, owner_side=owner_side, owner_name=owner_name, due_on=due_on
    )


def commitment_close(*, commitment: Commitment, closing_note: str, closed_on: dt.date | None = None) -> Commitment:
    """Close a commitment with what was done: a commitment is closed only with its result."""
    if commitment.closed_on is not None:
        raise ValidationError(_("Cam kết này đã hoàn thành."), code="already_closed")
    closing_note = nfc(closing_note).strip()
    if not closing_note:
        raise ValidationError(_("Hãy ghi kết quả thực hiện cam kết."), code="closing_note_empty")
    commitment.closed_on = closed_on or timezone.localdate()
    commitment.closing_note = closing_note
    commitment.save(update_fields=["closed_on", "closing_note"])
    return commitment


def _add_years(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def agreement_record(
    *,
    enterprise: Enterprise,
    signed_on: dt.date,
    effective_on: dt.date,
    expires_on: dt.date,
    summary: str = "",
    is_demo: bool = False,
) -> CollectiveAgreement:
    """Record an enterprise's collective labour agreement.

    Bộ luật Lao động 2019 Điều 78 khoản 1 and 3: in force from the agreed date (not before signing) for 1 to 3 years.
    """
    if effective_on < signed_on:
        raise ValidationError(_("Ngày có hiệu lực không được trước ngày ký."), code="agreement_dates")
    if not (_add_years(effective_on, 1) <= expires_on + dt.timedelta(days=1) <= _add_years(effective_on, 3)):
        raise ValidationError(
            _("Thỏa ước lao động tập thể có thời hạn từ 01 năm đến 03 năm (Điều 78 Bộ luật Lao động 2019)."),
            code="agreement_term",
        )
    return CollectiveAgreement.objects.create(
        enterprise=enterprise,
        signed_on=signed_on,
        effective_on=effective_on,
        expires_on=expires_on,
        summary=nfc(summary).strip(),
        is_demo=is_demo,
    )
