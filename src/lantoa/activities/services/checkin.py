"""QR attendance: a code that changes every few minutes, one check-in per device and per account."""

import base64
import hashlib
import hmac
import secrets
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lantoa.activities.models import Event, EventCheckin
from lantoa.orgs.models import Enterprise, User

# A code stays valid for the current and the previous window, so a scan just before the change still works.
CHECKIN_OPENS_BEFORE_START = 2 * 3600
CHECKIN_CLOSES_AFTER_START = 24 * 3600


@dataclass(frozen=True)
class CheckinResult:
    checkin: EventCheckin
    created: bool


def rotate_seconds() -> int:
    return settings.ACTIVITIES_CHECKIN_ROTATE_SECONDS


def checkin_code(*, event: Event, window: int | None = None) -> str:
    """The event's code for a time window: HMAC of the event and window, 8 characters a phone camera reads easily."""
    if window is None:
        window = int(timezone.now().timestamp()) // rotate_seconds()
    key = f"{settings.SECRET_KEY}:{event.checkin_secret}".encode()
    digest = hmac.new(key, f"checkin:{event.pk}:{window}".encode(), hashlib.sha256).digest()
    return base64.b32encode(digest).decode()[:8]


def checkin_code_is_valid(*, event: Event, code: str) -> bool:
    window = int(timezone.now().timestamp()) // rotate_seconds()
    return any(hmac.compare_digest(code.upper(), checkin_code(event=event, window=w)) for w in (window, window - 1))


def device_token_new() -> str:
    return secrets.token_urlsafe(24)


def _device_hash(*, event: Event, device_token: str) -> str:
    return hashlib.sha256(f"{event.pk}:{device_token}".encode()).hexdigest()


def checkin_problem(*, event: Event, code: str | None = None) -> ValidationError | None:
    """Why no one can check in to this event now (or with this code), or None."""
    if event.status == Event.Status.CANCELLED:
        return ValidationError(_("Hoạt động này đã hủy."), code="event_cancelled")
    offset = (timezone.now() - event.starts_at).total_seconds()
    if offset < -CHECKIN_OPENS_BEFORE_START:
        return ValidationError(_("Chưa đến giờ điểm danh cho hoạt động này."), code="checkin_not_open")
    if offset > CHECKIN_CLOSES_AFTER_START:
        return ValidationError(_("Đã hết thời gian điểm danh cho hoạt động này."), code="checkin_closed")
    if code is not None and not checkin_code_is_valid(event=event, code=code):
        return ValidationError(
            _("Mã điểm danh đã đổi. Hãy quét lại mã QR đang hiện trên màn hình của ban tổ chức."), code="code_expired"
        )
    return None


def checkin_record(
    *,
    event: Event,
    code: str,
    device_token: str,
    user: User | AnonymousUser | None = None,
    enterprise: Enterprise | None = None,
) -> CheckinResult:
    """Count one person present. A second check-in from the same device or account returns the first one.

    `enterprise` is the worker's own (from their QR context); the event's enterprise is used when unknown.
    """
    problem = checkin_problem(event=event, code=code)
    if problem:
        raise problem
    if not device_token:
        raise ValidationError(_("Điện thoại chưa nhận cookie. Hãy bật cookie rồi quét lại mã."), code="device_unknown")
    account = user if isinstance(user, User) else None  # an anonymous visitor is counted by device only
    device_hash = _device_hash(event=event, device_token=device_token)
    existing = EventCheckin.objects.filter(event=event, device_hash=device_hash)
    if account is not None:
        existing = existing | EventCheckin.objects.filter(event=event, user=account)
    first = existing.first()
    if first is not None:
        return CheckinResult(checkin=first, created=False)
    enterprise = enterprise or event.enterprise
    try:
        with transaction.atomic():
            checkin = EventCheckin.objects.create(
                event=event,
                device_hash=device_hash,
                user=account,
                enterprise=enterprise,
                segments=enterprise.segments if enterprise else [],
            )
    except IntegrityError:
        # Two taps at once from the same phone: the other request won, count it once.
        found = (EventCheckin.objects.filter(event=event, device_hash=device_hash)).first()
        if found is None and account is not None:
            found = EventCheckin.objects.filter(event=event, user=account).first()
        if found is None:
            raise
        return CheckinResult(checkin=found, created=False)
    return CheckinResult(checkin=checkin, created=True)
