"""Numbers the plans app can use as indicators (see core.registry.IndicatorSource).

Each value is additive: {lowest org unit id: count} over a period, the unit being the enterprise's unit for
enterprise records, else the unit that holds the record. Each source names a view listing the records behind it.
"""

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any

from django.db.models import Count, F, Q, QuerySet, Sum
from django.utils.translation import gettext_lazy as _

from lantoa.activities.models import (
    CollectiveAgreement,
    Dialogue,
    Event,
    EventCheckin,
    GoodModel,
    Initiative,
    Nomination,
    TrainingResult,
    WelfareRecord,
)
from lantoa.activities.selectors.dialogues import DIALOGUE_INTERVAL_DAYS
from lantoa.core.registry import IndicatorSource, period_bounds


def _held_events(start: dt.date, end: dt.date) -> QuerySet[Event]:
    since, until = period_bounds(start, end)
    return Event.objects.filter(status=Event.Status.HELD, starts_at__gte=since, starts_at__lt=until)


def _grouped(rows: Iterable[Mapping[str, Any]], key: str, value: str = "n") -> dict[int, int]:
    return {row[key]: int(row[value] or 0) for row in rows if row[value]}


def events_held(*, start: dt.date, end: dt.date) -> dict[int, int]:
    return _grouped(_held_events(start, end).values("unit_id").annotate(n=Count("pk")), "unit_id")


def _attendance(events: QuerySet[Event]) -> dict[int, int]:
    """People present at these events: QR check-ins plus those counted by hand (never both for one person)."""
    totals: Counter[int] = Counter(
        _grouped(events.values("unit_id").annotate(n=Sum("unscanned_attendance")), "unit_id")
    )
    scanned = EventCheckin.objects.filter(event__in=events).values("event__unit_id").annotate(n=Count("pk"))
    totals.update(_grouped(scanned, "event__unit_id"))
    return dict(totals)


def event_attendance(*, start: dt.date, end: dt.date) -> dict[int, int]:
    return _attendance(_held_events(start, end))


# Phổ biến (a talk) and quán triệt (a conference, political study): the kinds of event the plan's
# dissemination figures count.
DISSEMINATION_KINDS = (Event.Kind.TALK, Event.Kind.CONFERENCE)


def dissemination_sessions(*, start: dt.date, end: dt.date) -> dict[int, int]:
    events = _held_events(start, end).filter(kind__in=DISSEMINATION_KINDS)
    return _grouped(events.values("unit_id").annotate(n=Count("pk")), "unit_id")


def dissemination_attendance(*, start: dt.date, end: dt.date) -> dict[int, int]:
    return _attendance(_held_events(start, end).filter(kind__in=DISSEMINATION_KINDS))


def qr_checkins(*, start: dt.date, end: dt.date) -> dict[int, int]:
    scanned = EventCheckin.objects.filter(event__in=_held_events(start, end))
    return _grouped(scanned.values("event__unit_id").annotate(n=Count("pk")), "event__unit_id")


def visual_materials(*, start: dt.date, end: dt.date) -> dict[int, int]:
    total = F("banner_count") + F("poster_count") + F("loudspeaker_count") + F("leaflet_count")
    return _grouped(_held_events(start, end).values("unit_id").annotate(n=Sum(total)), "unit_id")


def dialogues_held(*, start: dt.date, end: dt.date) -> dict[int, int]:
    dialogues = Dialogue.objects.filter(status=Dialogue.Status.HELD, held_on__gte=start, held_on__lte=end)
    return _grouped(dialogues.values("enterprise__unit_id").annotate(n=Count("pk")), "enterprise__unit_id")


def enterprises_with_dialogue_12m(*, start: dt.date, end: dt.date) -> dict[int, int]:
    """1 for each enterprise that held a dialogue in the 12 months ending on `end` (the plan: ≥ 1 a year)."""
    recent = Dialogue.objects.filter(
        status=Dialogue.Status.HELD, held_on__gt=end - dt.timedelta(days=DIALOGUE_INTERVAL_DAYS), held_on__lte=end
    )
    return dict.fromkeys(recent.values_list("enterprise__unit_id", flat=True).distinct(), 1)


def agreements_in_force(*, start: dt.date, end: dt.date) -> dict[int, int]:
    in_force = CollectiveAgreement.objects.filter(effective_on__lte=end, expires_on__gte=end)
    return dict.fromkeys(in_force.values_list("enterprise__unit_id", flat=True).distinct(), 1)


def _trained(start: dt.date, end: dt.date, *, digital_only: bool) -> dict[int, int]:
    results = TrainingResult.objects.filter(passed=True, training__held_on__gte=start, training__held_on__lte=end)
    if digital_only:
        results = results.filter(training__is_digital_skills=True)
    rows = results.values("propagandist__unit_id").annotate(n=Count("propagandist", distinct=True))
    return _grouped(rows, "propagandist__unit_id")


def propagandists_trained(*, start: dt.date, end: dt.date) -> dict[int, int]:
    return _trained(start, end, digital_only=False)


def digital_skills_trained(*, start: dt.date, end: dt.date) -> dict[int, int]:
    return _trained(start, end, digital_only=True)


def initiatives_accepted(*, start: dt.date, end: dt.date) -> dict[int, int]:
    accepted = Initiative.objects.filter(
        status=Initiative.Status.ACCEPTED, evaluated_on__gte=start, evaluated_on__lte=end
    )
    return _grouped(accepted.values("enterprise__unit_id").annotate(n=Count("pk")), "enterprise__unit_id")


def nominations_approved(*, start: dt.date, end: dt.date) -> dict[int, int]:
    approved = Nomination.objects.filter(status=Nomination.Status.APPROVED, decided_on__gte=start, decided_on__lte=end)
    return _grouped(approved.values("unit_id").annotate(n=Count("pk")), "unit_id")


def good_models_published(*, start: dt.date, end: dt.date) -> dict[int, int]:
    published = GoodModel.objects.filter(is_published=True, published_on__gte=start, published_on__lte=end)
    return _grouped(published.values("unit_id").annotate(n=Count("pk")), "unit_id")


def _welfare(start: dt.date, end: dt.date) -> QuerySet[WelfareRecord]:
    return WelfareRecord.objects.filter(period_end__gte=start, period_end__lte=end)


def enterprises_meal_allowance(*, start: dt.date, end: dt.date) -> dict[int, int]:
    rows = _welfare(start, end).filter(meal_allowance_per_shift_vnd__gt=0)
    return dict.fromkeys(rows.values_list("enterprise__unit_id", flat=True).distinct(), 1)


def enterprises_housing_support(*, start: dt.date, end: dt.date) -> dict[int, int]:
    rows = _welfare(start, end).filter(Q(dormitory_places__gt=0) | Q(rent_support_workers__gt=0))
    return dict.fromkeys(rows.values_list("enterprise__unit_id", flat=True).distinct(), 1)


def culture_sport_funding_vnd(*, start: dt.date, end: dt.date) -> dict[int, int]:
    rows = _welfare(start, end).values("enterprise__unit_id").annotate(n=Sum("culture_sport_funding_vnd"))
    return _grouped(rows, "enterprise__unit_id")


def sources() -> list[IndicatorSource]:
    return [
        IndicatorSource("activities.events_held", _("Hoạt động tuyên truyền đã tổ chức"), _("hoạt động"), events_held, "activities:records-events"),
        IndicatorSource("activities.event_attendance", _("Lượt người dự hoạt động tuyên truyền"), _("lượt người"), event_attendance, "activities:records-events"),
        IndicatorSource("activities.dissemination_sessions", _("Buổi phổ biến, quán triệt (nói chuyện chuyên đề, hội nghị) đã tổ chức"), _("buổi"), dissemination_sessions, "activities:records-events"),
        IndicatorSource("activities.dissemination_attendance", _("Lượt người dự phổ biến, quán triệt (nói chuyện chuyên đề, hội nghị)"), _("lượt người"), dissemination_attendance, "activities:records-events"),
        IndicatorSource("activities.qr_checkins", _("Lượt điểm danh bằng mã QR"), _("lượt người"), qr_checkins, "activities:records-events"),
        IndicatorSource("activities.visual_materials", _("Sản phẩm tuyên truyền trực quan (pano, áp phích, loa, tờ rơi)"), _("sản phẩm, lượt"), visual_materials, "activities:records-events"),
        IndicatorSource("activities.dialogues_held", _("Cuộc đối thoại tại nơi làm việc đã tổ chức"), _("cuộc"), dialogues_held, "activities:records-dialogues"),
        IndicatorSource("activities.enterprises_with_dialogue_12m", _("Doanh nghiệp có đối thoại trong 12 tháng tính đến cuối kỳ"), _("doanh nghiệp"), enterprises_with_dialogue_12m, "activities:records-dialogue-enterprises"),
        IndicatorSource("activities.agreements_in_force", _("Doanh nghiệp có thỏa ước lao động tập thể còn hiệu lực cuối kỳ"), _("doanh nghiệp"), agreements_in_force, "activities:records-agreements"),
        IndicatorSource("activities.propagandists_trained", _("Thành viên lực lượng tuyên truyền được bồi dưỡng"), _("người"), propagandists_trained, "activities:records-trained"),
        IndicatorSource("activities.digital_skills_trained", _("Thành viên lực lượng tuyên truyền được bồi dưỡng kỹ năng số"), _("người"), digital_skills_trained, "activities:records-trained-digital"),
        IndicatorSource("activities.nominations_approved", _("Danh hiệu Lao động giỏi, Lao động sáng tạo được công nhận"), _("người"), nominations_approved, "activities:records-nominations"),
        IndicatorSource("activities.initiatives_accepted", _("Sáng kiến được công nhận"), _("sáng kiến"), initiatives_accepted, "activities:records-initiatives"),
        IndicatorSource("activities.good_models_published", _("Mô hình hay, cách làm hiệu quả được giới thiệu nhân rộng"), _("mô hình"), good_models_published, "activities:records-models"),
        IndicatorSource("activities.enterprises_meal_allowance", _("Doanh nghiệp hỗ trợ tiền ăn giữa ca"), _("doanh nghiệp"), enterprises_meal_allowance, "activities:records-welfare"),
        IndicatorSource("activities.enterprises_housing_support", _("Doanh nghiệp bố trí nhà ở tập thể hoặc hỗ trợ tiền thuê nhà"), _("doanh nghiệp"), enterprises_housing_support, "activities:records-welfare"),
        IndicatorSource("activities.culture_sport_funding_vnd", _("Kinh phí doanh nghiệp chi cho văn hóa, thể thao của công nhân"), _("đồng"), culture_sport_funding_vnd, "activities:records-welfare"),
    ]  # fmt: skip
