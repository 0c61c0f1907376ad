"""Writes for reach: record an anonymous event and increment its daily roll-up rows (no scans)."""

import datetime as dt
import hashlib
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from lantoa.reach.models import ALL_SEGMENTS, Kind, ReachDaily, ReachDevice, ReachEvent


def quarter_start(day: dt.date) -> dt.date:
    return dt.date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)


def _rollup_increment(*, day: dt.date, enterprise: Any, topic: str, kind: str) -> None:
    segments = [ALL_SEGMENTS, *(enterprise.segments if enterprise else [])]
    for segment in segments:
        keys = {"day": day, "enterprise": enterprise, "segment": segment, "topic": topic, "kind": kind}
        if ReachDaily.objects.filter(**keys).update(count=F("count") + 1):
            continue
        try:
            with transaction.atomic():
                ReachDaily.objects.create(
                    **keys,
                    unit_id=enterprise.unit_id if enterprise else None,
                    commune_id=enterprise.commune_id if enterprise else None,
                    count=1,
                )
        except IntegrityError:  # another request created the row first
            ReachDaily.objects.filter(**keys).update(count=F("count") + 1)


@transaction.atomic
def reach_record(
    *, kind: str, enterprise: Any = None, topic: str = "", page_id: int | None = None, at: dt.datetime | None = None
) -> ReachEvent:
    """Record one anonymous event and count it in the roll-up of its day (site time zone)."""
    at = at or timezone.now()
    event = ReachEvent.objects.create(
        kind=kind, occurred_at=at, enterprise=enterprise or None, topic=topic, page_id=page_id
    )
    _rollup_increment(day=timezone.localdate(at), enterprise=enterprise or None, topic=topic, kind=kind)
    return event


def device_hash(*, device_id: str, quarter: dt.date) -> str:
    return hashlib.sha256(f"{settings.SECRET_KEY}:{quarter.isoformat()}:{device_id}".encode()).hexdigest()


@transaction.atomic
def device_reach_record(*, device_id: str, enterprise: Any, topic: str = "", at: dt.datetime | None = None) -> bool:
    """Count a device once a quarter per enterprise as a worker reached; returns whether it was new."""
    if not enterprise or not device_id:
        return False
    at = at or timezone.now()
    quarter = quarter_start(timezone.localdate(at))
    digest = device_hash(device_id=device_id, quarter=quarter)
    _device, created = ReachDevice.objects.get_or_create(
        quarter_start=quarter, enterprise=enterprise, device_hash=digest
    )
    if created:
        reach_record(kind=Kind.REACHED, enterprise=enterprise, topic=topic, at=at)
    return created
