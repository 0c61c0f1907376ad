"""The propagandist force: roster, trainings and their certificates, rewards."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from lantoa.activities.models import Propagandist, Reward, Training, TrainingResult
from lantoa.core.text import clean_line
from lantoa.orgs import services as org_services
from lantoa.orgs.models import OrgUnit, Person


@transaction.atomic
def propagandist_add(
    *,
    unit: OrgUnit,
    kind: str,
    joined_on: dt.date,
    person: Person | None = None,
    full_name: str = "",
    phone: str = "",
    is_demo: bool = False,
) -> Propagandist:
    """Put a person on the roster of `unit` (creating the person when only a name is given).

    The caller checked `activities.manage_propagandists` on `unit`.
    """
    if person is None:
        person = org_services.person_save(full_name=full_name, phone=phone, is_demo=is_demo)
    member, created = Propagandist.objects.get_or_create(
        person=person, unit=unit, kind=kind, defaults={"joined_on": joined_on, "is_demo": is_demo}
    )
    if not created and member.left_on is None:
        raise ValidationError(_("Người này đã có trong danh sách lực lượng."), code="already_on_roster")
    if not created:
        member.left_on = None
        member.joined_on = joined_on
        member.save(update_fields=["left_on", "joined_on"])
    return member


def propagandist_leave(*, member: Propagandist, left_on: dt.date) -> Propagandist:
    if left_on < member.joined_on:
        raise ValidationError(_("Ngày thôi tham gia không được trước ngày tham gia."), code="left_before_joined")
    member.left_on = left_on
    member.save(update_fields=["left_on"])
    return member


def training_create(
    *,
    unit: OrgUnit,
    title: str,
    held_on: dt.date,
    hours: int = 4,
    is_digital_skills: bool = False,
    is_demo: bool = False,
) -> Training:
    title = clean_line(title)
    if not title:
        raise ValidationError(_("Hãy nhập tên lớp bồi dưỡng."), code="title_empty")
    return Training.objects.create(
        unit=unit, title=title, held_on=held_on, hours=hours, is_digital_skills=is_digital_skills, is_demo=is_demo
    )


def training_result_record(
    *, training: Training, member: Propagandist, passed: bool = True, certificate_number: str = ""
) -> TrainingResult:
    """A roster member attended a training; a unit trains the force of its own scope only."""
    if not member.unit.is_within(training.unit.scope_root):
        raise ValidationError(_("Người này không thuộc phạm vi của đơn vị tổ chức lớp."), code="outside_training_unit")
    try:
        with transaction.atomic():
            return TrainingResult.objects.create(
                training=training,
                propagandist=member,
                passed=passed,
                certificate_number=clean_line(certificate_number),
            )
    except IntegrityError as error:
        raise ValidationError(_("Người này đã có kết quả của lớp này."), code="already_recorded") from error


def reward_give(
    *,
    unit: OrgUnit,
    title: str,
    awarded_on: dt.date,
    recipient_name: str = "",
    member: Propagandist | None = None,
    decision_number: str = "",
    amount_vnd: int = 0,
    points: int = 0,
    is_demo: bool = False,
) -> Reward:
    recipient_name = clean_line(recipient_name) or (member.person.full_name if member else "")
    if not recipient_name or not clean_line(title):
        raise ValidationError(_("Hãy ghi người được khen và hình thức khen thưởng."), code="reward_incomplete")
    return Reward.objects.create(
        unit=unit,
        recipient_name=recipient_name,
        propagandist=member,
        title=clean_line(title),
        decision_number=clean_line(decision_number),
        awarded_on=awarded_on,
        amount_vnd=amount_vnd,
        points=points,
        is_demo=is_demo,
    )
