"""Kiến nghị: an officer raises one to a named body with a deadline; the body (or the officer for it) answers."""

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from lantoa.core.text import clean_line
from lantoa.opinion.models import Recommendation
from lantoa.orgs import access
from lantoa.orgs.models import OrgUnit, User
from lantoa.voice.models import Report
from lantoa.voice.services.reports import text_clean

TEXT_MAX_CHARS = 3000


def recommendation_raise(
    *,
    user: User,
    unit: OrgUnit,
    text: str,
    due_on: dt.date,
    source: str,
    addressee_unit: OrgUnit | None = None,
    addressee_name: str = "",
    addressee_kind: str = "",
    report: Report | None = None,
    source_note: str = "",
    raised_on: dt.date | None = None,
    is_demo: bool = False,
) -> Recommendation:
    if not access.can(user, "opinion.raise_recommendation", unit):
        raise PermissionDenied
    if report is not None and not access.can(user, "voice.view_case", report):
        raise PermissionDenied
    if source not in Recommendation.Source.values:
        raise ValidationError(_("Hãy chọn nguồn của kiến nghị."), code="source_invalid")
    if source == Recommendation.Source.CASE and report is None:
        raise ValidationError(_("Kiến nghị từ phản ánh cần chỉ rõ phản ánh."), code="report_missing")
    addressee_name = clean_line(addressee_name or "")
    if addressee_unit is None and not addressee_name:
        raise ValidationError(_("Hãy ghi cơ quan nhận kiến nghị."), code="addressee_missing")
    if addressee_kind and addressee_kind not in OrgUnit.Kind.values:
        raise ValidationError(_("Loại cơ quan không hợp lệ."), code="addressee_kind_invalid")
    raised_on = raised_on or timezone.localdate()
    if due_on < raised_on:
        raise ValidationError(_("Hạn trả lời phải sau ngày kiến nghị."), code="due_before_raised")
    return Recommendation.objects.create(
        source=source,
        report=report,
        source_note=clean_line(source_note or "")[:200],
        text=text_clean(text, limit=TEXT_MAX_CHARS),
        unit=unit,
        addressee_unit=addressee_unit,
        addressee_name="" if addressee_unit else addressee_name,
        addressee_kind=addressee_unit.kind if addressee_unit else addressee_kind,
        raised_by=user if getattr(user, "is_authenticated", False) else None,
        raised_on=raised_on,
        due_on=due_on,
        is_demo=is_demo,
    )


def recommendation_answer(
    *, user: User, recommendation: Recommendation, answer: str, answered_on: dt.date | None = None
) -> Recommendation:
    """The addressee's answer, recorded by one of its officers or by the officer who raised it on its behalf."""
    if not access.can(user, "opinion.answer_recommendation", recommendation):
        raise PermissionDenied
    recommendation.answer = text_clean(answer, limit=TEXT_MAX_CHARS)
    recommendation.answered_on = answered_on or timezone.localdate()
    recommendation.answered_by = user if getattr(user, "is_authenticated", False) else None
    recommendation.save(update_fields=["answer", "answered_on", "answered_by"])
    return recommendation
