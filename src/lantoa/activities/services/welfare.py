"""Welfare figures an enterprise reports for a period (meal allowance, housing, culture and sport)."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from lantoa.activities.models import WelfareRecord
from lantoa.core.text import nfc
from lantoa.orgs.models import Enterprise


def welfare_record(
    *,
    enterprise: Enterprise,
    period_start: dt.date,
    period_end: dt.date,
    meal_allowance_per_shift_vnd: int = 0,
    dormitory_places: int = 0,
    rent_support_workers: int = 0,
    rent_support_per_month_vnd: int = 0,
    culture_sport_funding_vnd: int = 0,
    note: str = "",
    is_demo: bool = False,
) -> WelfareRecord:
    """Create or replace the figures of one enterprise for one period. The caller checked `activities.manage_welfare`."""
    if period_end < period_start:
        raise ValidationError(_("Ngày cuối kỳ không được trước ngày đầu kỳ."), code="period_invalid")
    if rent_support_workers > enterprise.worker_count:
        raise ValidationError(
            _("Số lao động được hỗ trợ tiền thuê nhà không được lớn hơn tổng số lao động."),
            code="rent_workers_too_many",
        )
    if rent_support_workers and not rent_support_per_month_vnd:
        raise ValidationError(_("Hãy ghi mức hỗ trợ tiền thuê nhà mỗi tháng."), code="rent_amount_missing")
    record, _created = WelfareRecord.objects.update_or_create(
        enterprise=enterprise,
        period_start=period_start,
        period_end=period_end,
        defaults={
            "meal_allowance_per_shift_vnd": meal_allowance_per_shift_vnd,
            "dormitory_places": dormitory_places,
            "rent_support_workers": rent_support_workers,
            "rent_support_per_month_vnd": rent_support_per_month_vnd,
            "culture_sport_funding_vnd": culture_sport_funding_vnd,
            "note": nfc(note).strip(),
            "is_demo": is_demo,
        },
    )
    return record
