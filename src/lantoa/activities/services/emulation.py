"""Emulation "Lao động giỏi, lao động sáng tạo": nominations, initiatives, good models."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from lantoa.activities.models import GoodModel, Initiative, Nomination
from lantoa.core.text import clean_line, nfc, slugify_vi
from lantoa.orgs.models import Enterprise, OrgUnit


def _required(value: str, *, code: str, message: str) -> str:
    value = nfc(value).strip()
    if not value:
        raise ValidationError(message, code=code)
    return value


def nomination_propose(
    *,
    unit: OrgUnit,
    nominee_name: str,
    title: str,
    year: int,
    achievements: str,
    nominee_role: str = "",
    is_demo: bool = False,
) -> Nomination:
    return Nomination.objects.create(
        unit=unit,
        nominee_name=_required(clean_line(nominee_name), code="name_empty", message=_("Hãy nhập họ và tên.")),
        nominee_role=clean_line(nominee_role),
        title=title,
        year=year,
        achievements=_required(achievements, code="achievements_empty", message=_("Hãy ghi thành tích.")),
        is_demo=is_demo,
    )


def nomination_decide(*, nomination: Nomination, approved: bool, decided_on: dt.date | None = None) -> Nomination:
    if nomination.status != Nomination.Status.PROPOSED:
        raise ValidationError(_("Đề nghị này đã được xét."), code="already_decided")
    nomination.status = Nomination.Status.APPROVED if approved else Nomination.Status.REJECTED
    nomination.decided_on = decided_on or timezone.localdate()
    nomination.save(update_fields=["status", "decided_on"])
    return nomination


def initiative_submit(
    *,
    enterprise: Enterprise,
    title: str,
    authors: str,
    description: str,
    submitted_on: dt.date,
    benefit_vnd: int = 0,
    is_demo: bool = False,
) -> Initiative:
    return Initiative.objects.create(
        enterprise=enterprise,
        title=_required(clean_line(title), code="title_empty", message=_("Hãy nhập tên sáng kiến.")),
        authors=_required(clean_line(authors), code="authors_empty", message=_("Hãy ghi tác giả.")),
        description=_required(description, code="description_empty", message=_("Hãy mô tả sáng kiến.")),
        submitted_on=submitted_on,
        benefit_vnd=benefit_vnd,
        is_demo=is_demo,
    )


def initiative_evaluate(
    *,
    initiative: Initiative,
    accepted: bool,
    score: int,
    evaluation_note: str = "",
    evaluated_on: dt.date | None = None,
) -> Initiative:
    if not 0 <= score <= 100:
        raise ValidationError(_("Điểm đánh giá từ 0 đến 100."), code="score_range")
    if initiative.status != Initiative.Status.SUBMITTED:
        raise ValidationError(_("Sáng kiến này đã được đánh giá."), code="already_evaluated")
    initiative.status = Initiative.Status.ACCEPTED if accepted else Initiative.Status.REJECTED
    initiative.score = score
    initiative.evaluation_note = nfc(evaluation_note).strip()
    initiative.evaluated_on = evaluated_on or timezone.localdate()
    initiative.save(update_fields=["status", "score", "evaluation_note", "evaluated_on"])
    return initiative


def _unique_slug(title: str) -> str:
    base = slugify_vi(title)[:100] or "mo-hinh"
    slug, number = base, 2
    while GoodModel.objects.filter(slug=slug).exists():
        slug, number = f"{base}-{number}", number + 1
    return slug


def good_model_save(
    *,
    unit: OrgUnit,
    title: str,
    summary: str,
    story: str,
    how_to_replicate: str,
    publish: bool = False,
    is_demo: bool = False,
) -> GoodModel:
    """A good model told as a story; published ones appear on the public showcase page."""
    title = _required(clean_line(title), code="title_empty", message=_("Hãy nhập tên mô hình."))
    existing = GoodModel.objects.filter(unit=unit, title=title).first()
    model = existing or GoodModel(unit=unit, title=title, slug=_unique_slug(title))
    model.summary = _required(clean_line(summary), code="summary_empty", message=_("Hãy viết tóm tắt."))
    model.story = _required(story, code="story_empty", message=_("Hãy kể câu chuyện của mô hình."))
    model.how_to_replicate = _required(
        how_to_replicate, code="replicate_empty", message=_("Hãy ghi cách nhân rộng mô hình.")
    )
    model.is_demo = is_demo
    if publish and not model.is_published:
        model.is_published, model.published_on = True, timezone.localdate()
    model.save()
    return model


def good_model_publish(*, model: GoodModel, published_on: dt.date | None = None) -> GoodModel:
    model.is_published = True
    model.published_on = published_on or model.published_on or timezone.localdate()
    model.save(update_fields=["is_published", "published_on", "updated_at"])
    return model
