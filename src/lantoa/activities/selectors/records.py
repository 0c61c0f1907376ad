"""The records behind each indicator figure, as table rows for one unit and period.

The view has checked that the user may read `unit`, hence everything below it.
"""

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.db.models import Count
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from lantoa.activities.models import (
    CollectiveAgreement,
    Dialogue,
    Event,
    GoodModel,
    Initiative,
    Nomination,
    WelfareRecord,
)
from lantoa.activities.selectors.dialogues import enterprises_with_dialogue
from lantoa.activities.selectors.force import trained_propagandists
from lantoa.core import formats
from lantoa.core.registry import period_bounds
from lantoa.orgs.models import OrgUnit

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

RECORDS_LIMIT = 2000


@dataclass
class RecordTable:
    title: "StrOrPromise"
    headers: list["StrOrPromise"]
    rows: list[tuple[str, list[str]]] = field(default_factory=list)  # (link or "", cells)
    truncated: bool = False


def _events(unit: OrgUnit, start: dt.date, end: dt.date) -> RecordTable:
    since, until = period_bounds(start, end)
    events = (
        Event.objects.filter(
            unit__path__startswith=unit.path, status=Event.Status.HELD, starts_at__gte=since, starts_at__lt=until
        )
        .select_related("unit")
        .annotate(checkin_count=Count("checkins"))
        .order_by("starts_at", "pk")
    )
    table = RecordTable(
        _("Hoạt động tuyên truyền đã tổ chức"),
        [_("Ngày"), _("Hoạt động"), _("Đơn vị"), _("Quét mã QR"), _("Đếm tay"), _("Tuyên truyền trực quan")],
    )
    for event in events[:RECORDS_LIMIT]:
        table.rows.append(
            (
                reverse("activities:event-detail", args=[event.pk]),
                [formats.vn_date(event.starts_at), event.title, event.unit.name, formats.vn_number(event.checkin_count),
                 formats.vn_number(event.unscanned_attendance), formats.vn_number(event.material_count)],
            )
        )  # fmt: skip
    return table


def _dialogues(unit: OrgUnit, start: dt.date, end: dt.date) -> RecordTable:
    dialogues = Dialogue.objects.filter(
        enterprise__unit__path__startswith=unit.path, status=Dialogue.Status.HELD, held_on__gte=start, held_on__lte=end
    ).select_related("enterprise__unit")
    table = RecordTable(_("Cuộc đối thoại đã tổ chức"), [_("Ngày"), _("Doanh nghiệp"), _("Loại")])
    for dialogue in dialogues.order_by("held_on", "pk")[:RECORDS_LIMIT]:
        table.rows.append(
            (
                reverse("activities:dialogue-detail", args=[dialogue.pk]),
                [formats.vn_date(dialogue.held_on), dialogue.enterprise.unit.name, dialogue.get_kind_display()],
            )
        )
    return table


def _dialogue_enterprises(unit: OrgUnit, start: dt.date, end: dt.date) -> RecordTable:
    table = RecordTable(
        _("Doanh nghiệp có đối thoại trong 12 tháng tính đến cuối kỳ"), [_("Doanh nghiệp"), _("Xã, phường")]
    )
    for enterprise in enterprises_with_dialogue(unit=unit, end=end)[:RECORDS_LIMIT]:
        table.rows.append(("", [enterprise.unit.name, enterprise.commune.name]))
    return table


def _agreements(unit: OrgUnit, start: dt.date, end: dt.date) -> RecordTable:
    agreements = CollectiveAgreement.objects.filter(
        enterprise__unit__path__startswith=unit.path, effective_on__lte=end, expires_on__gte=end
    ).select_related("enterprise__unit")
    table = RecordTable(
        _("Thỏa ước lao động tập thể còn hiệu lực cuối kỳ"), [_("Doanh nghiệp"), _("Hiệu lực"), _("Hết hạn")]
    )
    for agreement in agreements.order_by("enterprise__unit__name")[:RECORDS_LIMIT]:
        table.rows.append(
            ("", [agreement.enterprise.unit.name, formats.vn_date(agreement.effective_on), formats.vn_date(agreement.expires_on)])
        )  # fmt: skip
    return table


def _trained(unit: OrgUnit, start: dt.date, end: dt.date, *, digital_only: bool = False) -> RecordTable:
    title = _("Được bồi dưỡng kỹ năng số") if digital_only else _("Thành viên lực lượng tuyên truyền được bồi dưỡng")
    table = RecordTable(title, [_("Họ và tên"), _("Lực lượng"), _("Đơn vị")])
    for member in trained_propagandists(unit=unit, start=start, end=end, digital_only=digital_only)[:RECORDS_LIMIT]:
        table.rows.append(
            (reverse("activities:force-detail", args=[member.pk]), [member.person.full_name, member.get_kind_display(), member.unit.name])
        )  # fmt: skip
    return table


def _trained_digital(unit: OrgUnit, start: dt.date, end: dt.date) -> RecordTable:
    return _trained(unit, start, end, digital_only=True)


def _nominations(unit: OrgUnit, start: dt.date, end: dt.date) -> RecordTable:
    rows = Nomination.objects.filter(
        unit__path__startswith=unit.path, status=Nomination.Status.APPROVED, decided_on__gte=start, decided_on__lte=end
    ).select_related("unit")
    table = RecordTable(_("Danh hiệu được công nhận"), [_("Họ và tên"), _("Danh hiệu"), _("Năm"), _("Đơn vị")])
    for row in rows.order_by("nominee_name")[:RECORDS_LIMIT]:
        table.rows.append(("", [row.nominee_name, row.get_title_display(), str(row.year), row.unit.name]))
    return table


def _initiatives(unit: OrgUnit, start: dt.date, end: dt.date) -> RecordTable:
    rows = Initiative.objects.filter(
        enterprise__unit__path__startswith=unit.path,
        status=Initiative.Status.ACCEPTED,
        evaluated_on__gte=start,
        evaluated_on__lte=end,
    ).select_related("enterprise__unit")
    table = RecordTable(_("Sáng kiến được công nhận"), [_("Sáng kiến"), _("Tác giả"), _("Doanh nghiệp"), _("Làm lợi")])
    for row in rows.order_by("evaluated_on", "pk")[:RECORDS_LIMIT]:
        table.rows.append(("", [row.title, row.authors, row.enterprise.unit.name, formats.vnd(row.benefit_vnd)]))
    return table


def _models(unit: OrgUnit, start: dt.date, end: dt.date) -> RecordTable:
    rows = GoodModel.objects.filter(
        unit__path__startswith=unit.path, is_published=True, published_on__gte=start, published_on__lte=end
    ).select_related("unit")
    table = RecordTable(_("Mô hình hay được giới thiệu"), [_("Mô hình"), _("Đơn vị"), _("Ngày công khai")])
    for row in rows.order_by("published_on", "pk")[:RECORDS_LIMIT]:
        table.rows.append(
            (reverse("activities:showcase-detail", args=[row.slug]), [row.title, row.unit.name, formats.vn_date(row.published_on)])
        )  # fmt: skip
    return table


def _welfare(unit: OrgUnit, start: dt.date, end: dt.date) -> RecordTable:
    rows = WelfareRecord.objects.filter(
        enterprise__unit__path__startswith=unit.path, period_end__gte=start, period_end__lte=end
    ).select_related("enterprise__unit")
    table = RecordTable(
        _("Phúc lợi doanh nghiệp ghi nhận trong kỳ"),
        [_("Doanh nghiệp"), _("Kỳ"), _("Tiền ăn mỗi suất"), _("Chỗ ở tập thể"), _("Hỗ trợ thuê nhà (người)"), _("Văn hóa, thể thao")],
    )  # fmt: skip
    for row in rows.order_by("enterprise__unit__name", "period_end")[:RECORDS_LIMIT]:
        period = f"{formats.vn_date(row.period_start)}–{formats.vn_date(row.period_end)}"
        table.rows.append(
            ("", [row.enterprise.unit.name, period, formats.vnd(row.meal_allowance_per_shift_vnd), formats.vn_number(row.dormitory_places),
                  formats.vn_number(row.rent_support_workers), formats.vnd(row.culture_sport_funding_vnd)])
        )  # fmt: skip
    return table


RECORD_KINDS = {
    "events": _events,
    "dialogues": _dialogues,
    "dialogue-enterprises": _dialogue_enterprises,
    "agreements": _agreements,
    "trained": _trained,
    "trained-digital": _trained_digital,
    "nominations": _nominations,
    "initiatives": _initiatives,
    "models": _models,
    "welfare": _welfare,
}


def records_table(*, kind: str, unit: OrgUnit, start: dt.date, end: dt.date) -> RecordTable:
    table = RECORD_KINDS[kind](unit, start, end)
    table.truncated = len(table.rows) >= RECORDS_LIMIT
    return table


__all__ = ["RECORD_KINDS", "RecordTable", "records_table"]
