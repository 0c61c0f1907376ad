"""Writes a worker makes with no account: submit a report, read and answer through the receipt."""

import datetime as dt
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lantoa.core.text import clean_line, nfc
from lantoa.orgs.models import Enterprise, OrgUnit
from lantoa.orgs.selectors import province_labour_federation
from lantoa.orgs.services import province_code
from lantoa.voice import crypto, idempotency
from lantoa.voice.models import Category, Report, ReportMessage, ReportPhoto
from lantoa.voice.photos import CleanPhoto, photo_count_check

REPORT_MAX_CHARS = 5000
CONTACT_MAX_CHARS = 200


@dataclass(frozen=True)
class Submitted:
    report: Report
    receipt: crypto.Receipt
    ack: str
    is_repeat: bool  # the same idempotency key was sent before: nothing new was stored


def responsible_unit(*, enterprise: Enterprise | None) -> OrgUnit:
    """The enterprise's grassroots union; else the provincial Labour Federation; else the commune."""
    if enterprise is not None:
        union = (
            OrgUnit.objects.filter(parent=enterprise.unit, kind=OrgUnit.Kind.GRASSROOTS_UNION).order_by("pk").first()
        )
        if union is not None:
            return union
    federation = province_labour_federation()
    if federation is not None:
        return federation
    if enterprise is not None:
        return enterprise.commune
    province = OrgUnit.objects.filter(code=str(province_code())).first()
    if province is None:
        raise ValidationError(_("Hệ thống chưa có đơn vị tiếp nhận phản ánh."), code="no_responsible_unit")
    return province


def text_clean(text: str, *, limit: int = REPORT_MAX_CHARS) -> str:
    text = nfc(text or "").strip()
    if not text:
        raise ValidationError(_("Nội dung không được để trống."), code="body_empty")
    if len(text) > limit:
        raise ValidationError(_("Nội dung dài quá %(limit)s ký tự."), code="body_too_long", params={"limit": limit})
    return text


def ack_for(report: Report) -> str:
    received = timezone.localtime(report.created_at).date()
    return crypto.ack_sign(
        {"d": received.isoformat(), "c": report.category.name, "b": report.unit.name, "s": "Lan Tỏa"}
    )


def _category(slug: str) -> Category:
    category = Category.objects.filter(slug=slug).first()
    if category is None:
        raise ValidationError(_("Hãy chọn một loại phản ánh trong danh sách."), code="category_invalid")
    return category


def _payload(
    *,
    category: str,
    body: str,
    enterprise: Enterprise | None,
    contact: str,
    is_shareable: bool,
    photos: Sequence[CleanPhoto],
) -> list[str]:
    """What a retry must repeat exactly to get the first report's receipt back."""
    parts = [category, body, str(enterprise.pk if enterprise else ""), contact, "1" if is_shareable else "0"]
    return parts + [hashlib.sha256(photo.data).hexdigest() for photo in photos]


def _repeat(key: idempotency.Keyed) -> Submitted | None:
    conflict = _(
        "Mã gửi lại này đã được dùng cho một phản ánh có nội dung khác. "
        "Hãy mở lại trang Gửi phản ánh để gửi nội dung mới."
    )
    existing = idempotency.stored_under(Report.objects.select_related("category", "unit"), key, conflict=conflict)
    if existing is None:
        return None
    return Submitted(report=existing, receipt=key.receipt, ack=ack_for(existing), is_repeat=True)


def report_submit(
    *,
    category: str,
    text: str,
    enterprise: Enterprise | None = None,
    contact: str = "",
    is_shareable: bool = False,
    photos: Sequence[CleanPhoto] = (),
    idempotency_key: str = "",
    is_demo: bool = False,
) -> Submitted:
    """Store a report encrypted and open its case. The caller keeps no request metadata (see voice.privacy).

    With an `idempotency_key` a retry of the same payload returns the first report and the same receipt and stores
    nothing new; the same key with another payload raises IdempotencyConflict. Only keyed hashes of the key are kept.
    """
    photo_count_check(count=len(photos))
    category_row = _category(category)
    body = text_clean(text)
    contact = clean_line(contact or "")
    if len(contact) > CONTACT_MAX_CHARS:
        raise ValidationError(_("Cách liên lạc dài quá 200 ký tự."), code="contact_too_long")
    key = idempotency.keyed(
        idempotency_key,
        payload=_payload(
            category=category_row.slug,
            body=body,
            enterprise=enterprise,
            contact=contact,
            is_shareable=is_shareable,
            photos=photos,
        ),
    )
    if key and (repeat := _repeat(key)):
        return repeat
    unit = responsible_unit(enterprise=enterprise)
    for _attempt in range(3):
        receipt = key.receipt if key else crypto.receipt_new()
        now = timezone.now().replace(microsecond=0)  # nothing finer than the second is kept
        try:
            with transaction.atomic():
                report = Report.objects.create(
                    receipt_lookup=crypto.receipt_lookup(receipt),
                    receipt_hash=crypto.receipt_hash(receipt),
                    idempotency_hash=key.digest if key else None,
                    enterprise=enterprise,
                    unit=unit,
                    category=category_row,
                    body_enc=crypto.encrypt_text(body),
                    contact_enc=crypto.encrypt_text(contact) if contact else None,
                    is_shareable=is_shareable,
                    created_at=now,
                    first_reply_due_at=now + dt.timedelta(days=category_row.first_reply_days),
                    resolve_due_at=now + dt.timedelta(days=category_row.resolution_days),
                    is_demo=is_demo,
                )
                ReportPhoto.objects.bulk_create(
                    ReportPhoto(
                        report=report,
                        data_enc=crypto.encrypt(photo.data),
                        width=photo.width,
                        height=photo.height,
                        byte_count=len(photo.data),
                    )
                    for photo in photos
                )
        except IntegrityError:
            # Either the same key raced in from a second request, or a random receipt collided: look, then retry.
            if key and (repeat := _repeat(key)):
                return repeat
            continue
        return Submitted(report=report, receipt=receipt, ack=ack_for(report), is_repeat=False)
    raise ValidationError(_("Không tạo được mã biên nhận, hãy gửi lại."), code="receipt_collision")


def report_get_by_receipt(*, code: str) -> Report | None:
    """The report a receipt opens, or None. A wrong code and an unknown code look the same and cost the same: one
    query and one scrypt run either way (`receipt_matches` hashes against a dummy when no row has the lookup id)."""
    receipt = crypto.receipt_parse(code)
    if receipt is None:
        return None
    report = (
        Report.objects.select_related("category", "unit", "enterprise__unit", "merged_into")
        .filter(receipt_lookup=crypto.receipt_lookup(receipt))
        .first()
    )
    matches = crypto.receipt_matches(receipt, report.receipt_hash if report else None)
    return report if matches else None


@transaction.atomic
def worker_message_add(*, report: Report, text: str) -> ReportMessage:
    """The worker writes back; the caller opened `report` with its receipt."""
    target = report.merged_into if report.status == Report.Status.MERGED and report.merged_into is not None else report
    if target.status == Report.Status.CLOSED:
        raise ValidationError(_("Phản ánh đã đóng. Nếu vẫn còn vấn đề, hãy gửi một phản ánh mới."), code="case_closed")
    message = ReportMessage.objects.create(
        report=report, kind=ReportMessage.Kind.WORKER, body_enc=crypto.encrypt_text(text_clean(text))
    )
    if report.status == Report.Status.ANSWERED:
        report.status = Report.Status.IN_PROGRESS
        report.save(update_fields=["status"])
    return message
