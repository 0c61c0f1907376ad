"""Thought-situation notes: what workers at an enterprise talk about, and how they feel, with no one named."""

import datetime as dt
import re
from collections.abc import Sequence

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from lantoa.core.text import nfc, slugify_vi
from lantoa.opinion.models import ThoughtNote, Topic
from lantoa.orgs import access
from lantoa.orgs.models import Enterprise, User

QUOTES_MAX_CHARS = 2000
MAX_PERIOD_DAYS = 31
SEED_TOPICS = (
    "Tiền lương và thưởng Tết",
    "Làm thêm giờ",
    "Mất việc và đơn hàng",
    "Rút BHXH một lần",
    "Nhà ở và giá cả",
    "An toàn lao động",
    "Tin đồn",
    "Bữa ăn ca",
    "Quan hệ với quản lý",
)
# Vietnamese phone numbers (0, 84, +84 or "(+84)" then 8–10 digits) and ID numbers (CCCD 12 digits, CMND 9), as
# people write them: in groups split by a space, dot or hyphen. A match takes a whole run of digits, never a part
# of a longer one (so a grouped CCCD is not half taken for a phone number); a 9-digit run counts as an ID only when
# not dotted, since "150.000.000" is a sum of money.
_SEP = r"[\s.\-]"
_WHOLE_START = rf"(?<!\d)(?<!\d{_SEP})"
_WHOLE_END = rf"(?!{_SEP}?\d)"
_PHONE = re.compile(rf"{_WHOLE_START}(?:\(?\+?84\)?|0)(?:{_SEP}?\d){{8,10}}{_WHOLE_END}")
_ID_NUMBER = re.compile(rf"{_WHOLE_START}(?:\d(?:{_SEP}?\d){{11}}|\d(?:[\s\-]?\d){{8}}){_WHOLE_END}")


def topics_ensure(**_kwargs: object) -> None:
    """Add the starting topics that are missing; edited or retired ones stay as officials left them."""
    for position, name in enumerate(SEED_TOPICS):
        Topic.objects.get_or_create(slug=slugify_vi(name), defaults={"name": name, "position": position})


def quotes_clean(text: str) -> str:
    text = nfc(text or "").strip()
    if len(text) > QUOTES_MAX_CHARS:
        raise ValidationError(_("Ý kiến tiêu biểu dài quá 2000 ký tự."), code="quotes_too_long")
    return _ID_NUMBER.sub("[đã xoá số giấy tờ]", _PHONE.sub("[đã xoá số điện thoại]", text))


@transaction.atomic
def note_record(
    *,
    user: User,
    enterprise: Enterprise,
    period_start: dt.date,
    period_end: dt.date,
    topics: Sequence[Topic],
    mood: int,
    concerned: int,
    quotes: str = "",
    is_demo: bool = False,
) -> ThoughtNote:
    if not access.can(user, "opinion.record_notes", enterprise.unit):
        raise PermissionDenied
    if period_end < period_start or (period_end - period_start).days >= MAX_PERIOD_DAYS:
        raise ValidationError(_("Kỳ ghi nhận là một tuần hoặc một tháng."), code="period_invalid")
    if mood not in ThoughtNote.Mood.values:
        raise ValidationError(_("Hãy chọn tâm trạng chung."), code="mood_invalid")
    if not topics:
        raise ValidationError(_("Hãy chọn ít nhất một chủ đề."), code="topics_missing")
    if concerned < 0:
        raise ValidationError(_("Số người quan tâm không được âm."), code="concerned_invalid")
    note = ThoughtNote.objects.create(
        enterprise=enterprise,
        period_start=period_start,
        period_end=period_end,
        mood=mood,
        concerned=concerned,
        quotes=quotes_clean(quotes),
        reporter=user if getattr(user, "is_authenticated", False) else None,
        is_demo=is_demo,
    )
    note.topics.set(topics)
    return note
