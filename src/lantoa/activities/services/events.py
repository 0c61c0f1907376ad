"""Events: planned, held (with photos and attendance) or cancelled."""

import datetime as dt
import io
import secrets
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

from lantoa.activities.models import Event, EventPhoto, Propagandist
from lantoa.core.text import clean_line, nfc
from lantoa.orgs.models import Enterprise, OrgUnit, User

PHOTO_MAX_UPLOAD_BYTES = 8 * 1024 * 1024
PHOTO_MAX_SIDE = 1600  # enough for a report page; keeps a 12 MP phone photo to ~300 KB
PHOTO_MAX_PER_EVENT = 12
PHOTO_MAX_PIXELS = 40_000_000  # a header claiming more is refused before any pixel is decoded
MATERIAL_FIELDS = ("banner_count", "poster_count", "loudspeaker_count", "leaflet_count")


def _clean_text(*, title: str, topic: str, venue: str) -> tuple[str, str, str]:
    title = clean_line(title)
    if not title:
        raise ValidationError(_("Hãy nhập tên hoạt động."), code="title_empty")
    return title, nfc(topic).strip(), clean_line(venue)


@transaction.atomic
def event_create(
    *,
    unit: OrgUnit,
    enterprise: Enterprise | None,
    kind: str,
    title: str,
    starts_at: dt.datetime,
    shift: str = Event.Shift.BETWEEN,
    topic: str = "",
    venue: str = "",
    planned_attendance: int = 0,
    presenters: Iterable[Propagandist] = (),
    held: bool = False,
    unscanned_attendance: int = 0,
    result_note: str = "",
    materials: dict[str, int] | None = None,
    created_by: User | None = None,
    is_demo: bool = False,
) -> Event:
    """Plan an event, or log one already held (`held=True`). The caller checked `activities.log_event` on `unit`."""
    title, topic, venue = _clean_text(title=title, topic=topic, venue=venue)
    if enterprise is not None:
        unit = enterprise.unit
    if held and starts_at > timezone.now():
        raise ValidationError(_("Hoạt động chưa diễn ra thì chưa thể ghi nhận đã tổ chức."), code="event_in_future")
    event = Event.objects.create(
        unit=unit,
        enterprise=enterprise,
        kind=kind,
        title=title,
        topic=topic,
        venue=venue,
        starts_at=starts_at,
        shift=shift,
        planned_attendance=planned_attendance,
        status=Event.Status.HELD if held else Event.Status.PLANNED,
        held_at=timezone.now() if held else None,
        unscanned_attendance=unscanned_attendance if held else 0,
        result_note=nfc(result_note).strip(),
        checkin_secret=secrets.token_hex(16),
        created_by=created_by,
        is_demo=is_demo,
        **{field: (materials or {}).get(field, 0) for field in MATERIAL_FIELDS},
    )
    event.presenters.set(presenters)
    return event


@transaction.atomic
def event_mark_held(
    *, event: Event, unscanned_attendance: int, result_note: str = "", materials: dict[str, int] | None = None
) -> Event:
    """Record that a planned event took place, with the people counted by hand and the materials used."""
    if event.status == Event.Status.CANCELLED:
        raise ValidationError(_("Hoạt động đã hủy, không thể ghi nhận đã tổ chức."), code="event_cancelled")
    if event.starts_at > timezone.now():
        raise ValidationError(_("Hoạt động chưa diễn ra thì chưa thể ghi nhận đã tổ chức."), code="event_in_future")
    event.status = Event.Status.HELD
    event.held_at = event.held_at or timezone.now()
    event.unscanned_attendance = unscanned_attendance
    event.result_note = nfc(result_note).strip()
    for field in MATERIAL_FIELDS:
        setattr(event, field, (materials or {}).get(field, getattr(event, field)))
    event.save()
    return event


def event_cancel(*, event: Event) -> Event:
    if event.status == Event.Status.HELD:
        raise ValidationError(_("Hoạt động đã tổ chức thì không hủy được."), code="event_already_held")
    event.status = Event.Status.CANCELLED
    event.save(update_fields=["status"])
    return event


def photo_shrink(data: bytes) -> tuple[bytes, int, int]:
    """Re-encode an uploaded photo as a JPEG at most PHOTO_MAX_SIDE wide, without EXIF (no GPS, no device)."""
    try:
        with Image.open(io.BytesIO(data)) as probe:
            if probe.width * probe.height > PHOTO_MAX_PIXELS:
                raise ValidationError(_("Ảnh có kích thước quá lớn."), code="photo_too_large")
            probe.verify()
        with Image.open(io.BytesIO(data)) as opened:
            image = ImageOps.exif_transpose(opened).convert("RGB")
            image.thumbnail((PHOTO_MAX_SIDE, PHOTO_MAX_SIDE))
            out = io.BytesIO()
            image.save(out, format="JPEG", quality=80, optimize=True)
            size = image.size
    except (UnidentifiedImageError, OSError, SyntaxError, Image.DecompressionBombError) as error:
        raise ValidationError(_("Tệp này không phải ảnh hợp lệ."), code="photo_invalid") from error
    return out.getvalue(), *size


@transaction.atomic
def event_photo_add(*, event: Event, upload: UploadedFile, caption: str = "") -> EventPhoto:
    if (upload.size or 0) > PHOTO_MAX_UPLOAD_BYTES:
        raise ValidationError(
            _("Ảnh lớn quá %(mb)s MB."), code="photo_too_big", params={"mb": PHOTO_MAX_UPLOAD_BYTES // 2**20}
        )
    if Event.objects.select_for_update().get(pk=event.pk).photos.count() >= PHOTO_MAX_PER_EVENT:
        raise ValidationError(
            _("Mỗi hoạt động lưu tối đa %(count)s ảnh."), code="too_many_photos", params={"count": PHOTO_MAX_PER_EVENT}
        )
    data, width, height = photo_shrink(upload.read())
    photo = EventPhoto(event=event, caption=clean_line(caption), width=width, height=height)
    photo.image.save(f"{secrets.token_hex(8)}.jpg", ContentFile(data), save=False)
    photo.save()
    return photo
