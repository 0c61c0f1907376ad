"""Writes of the rumour desk: a claim comes in anonymously; an officer publishes the clarification of its group."""

import hashlib
import hmac
import re
from collections.abc import Sequence
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import URLValidator
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from lantoa.core.text import clean_line, fold, slugify_vi
from lantoa.legal.models import Provision
from lantoa.legal.services.handbook import provision_resolve
from lantoa.opinion.models import Citation, Claim, ClaimGroup, Clarification, Share, Topic
from lantoa.orgs import access
from lantoa.orgs.models import Enterprise, OrgUnit, User
from lantoa.voice import crypto, idempotency
from lantoa.voice.photos import CleanPhoto
from lantoa.voice.services.reports import text_clean

CLAIM_MAX_CHARS = 1000
LINK_MAX_CHARS = 500
TRUTH_MAX_CHARS = 1500
# Two claims say the same thing when their folded words overlap this much (Jaccard): word order, tone marks and
# a few extra words ("nghe nói", "hả") do not split a group, a different subject does.
SAME_CLAIM_THRESHOLD = 0.6
_WORDS = re.compile(r"[a-z0-9]+")
# Folded words of hearsay and talk that say nothing of the claim ("nghe nói", "có người nói", "vẫn … như cũ", "hả"):
# left out of the comparison, so a long wording and a short one of the same rumour still meet.
FILLER_WORDS = frozenset(
    {"nghe", "noi", "co", "nguoi", "la", "thi", "van", "nhu", "cu", "roi", "ha", "a", "nhe", "nha"}
)


@dataclass(frozen=True)
class SubmittedClaim:
    claim: Claim
    receipt: crypto.Receipt
    is_repeat: bool = False  # the same idempotency key was sent before: nothing new was stored


def folded_words(text: str) -> list[str]:
    """The words of `text` in order, lower-case without tone marks."""
    return _WORDS.findall(fold(text))


def words_of(text: str) -> frozenset[str]:
    return frozenset(folded_words(text)) - FILLER_WORDS


def similarity(first: str, second: str) -> float:
    a, b = words_of(first), words_of(second)
    return len(a & b) / len(a | b) if a and b else 0.0


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def word_marks(text: str) -> frozenset[str]:
    """A keyed, one-way mark of each compared word: groups are matched on these, so their words stay encrypted.
    Keyed with the receipt salt (never rotated, as receipts depend on it): without it a mark cannot be tried
    against a dictionary of words."""
    key = settings.VOICE_RECEIPT_SALT.encode()
    return frozenset(
        hmac.new(key, b"claim-word:" + word.encode(), hashlib.sha256).hexdigest()[:16] for word in words_of(text)
    )


def _marks_stored(marks: frozenset[str]) -> str:
    return " ".join(sorted(marks))


def _groups_mark() -> None:
    """Mark the groups made before marks were kept: each is decrypted once, then never again."""
    for group in ClaimGroup.objects.filter(word_marks__isnull=True).only("pk", "text_enc"):
        marks = _marks_stored(word_marks(crypto.decrypt_text(group.text_enc)))
        ClaimGroup.objects.filter(pk=group.pk).update(word_marks=marks)


def group_matching(text: str) -> ClaimGroup | None:
    """The group whose first claim (or published wording) says the same as `text`, the closest if several.

    Compared on word marks and on the published wording (public text): no group's words are decrypted, however
    many groups there are."""
    _groups_mark()
    marks = word_marks(text)
    best, best_score = None, SAME_CLAIM_THRESHOLD
    for pk, stored, published in ClaimGroup.objects.values_list("pk", "word_marks", "clarification__claim"):
        score = _jaccard(marks, frozenset((stored or "").split()))
        if published:
            score = max(score, _jaccard(marks, word_marks(published)))
        if score >= best_score:
            best, best_score = pk, score
    return ClaimGroup.objects.get(pk=best) if best is not None else None


def _link_clean(link: str) -> str:
    link = (link or "").strip()
    if not link:
        return ""
    if len(link) > LINK_MAX_CHARS:
        raise ValidationError(_("Đường dẫn dài quá 500 ký tự."), code="link_too_long")
    try:
        URLValidator(schemes=["http", "https"])(link)
    except ValidationError as error:
        raise ValidationError(_("Đường dẫn phải bắt đầu bằng http:// hoặc https://."), code="link_invalid") from error
    return link


def _repeat(key: idempotency.Keyed) -> SubmittedClaim | None:
    conflict = _(
        "Mã gửi lại này đã được dùng cho một câu hỏi có nội dung khác. "
        "Hãy mở lại trang Hỏi tin thật hay giả để gửi câu hỏi mới."
    )
    existing = idempotency.stored_under(Claim.objects.all(), key, conflict=conflict)
    return SubmittedClaim(claim=existing, receipt=key.receipt, is_repeat=True) if existing else None


def claim_submit(
    *,
    text: str,
    link: str = "",
    enterprise: Enterprise | None = None,
    source: str = Claim.Source.WORKER,
    photo: CleanPhoto | None = None,
    idempotency_key: str = "",
    is_demo: bool = False,
) -> SubmittedClaim:
    """Store a claim encrypted, in the group saying the same thing (or a new one). The receipt is returned once.

    A picture comes already cleaned by `voice.photos` (size checked before decoding, EXIF gone). With an
    `idempotency_key` (a phone's outbox sending again) the same payload returns the first claim and its receipt and
    stores nothing new; the same key with another payload raises `voice.idempotency.IdempotencyConflict`."""
    body = text_clean(text, limit=CLAIM_MAX_CHARS)
    link = _link_clean(link)
    picture = hashlib.sha256(photo.data).hexdigest() if photo else ""
    key = idempotency.keyed(
        idempotency_key, payload=[body, link, str(enterprise.pk if enterprise else ""), source, picture]
    )
    if key and (repeat := _repeat(key)):
        return repeat
    for _attempt in range(3):
        receipt = key.receipt if key else crypto.receipt_new()
        now = timezone.now()
        try:
            with transaction.atomic():
                group = group_matching(body)
                if group is None:
                    group = ClaimGroup.objects.create(
                        text_enc=crypto.encrypt_text(body),
                        word_marks=_marks_stored(word_marks(body)),
                        first_claim_at=now,
                        is_demo=is_demo,
                    )
                ClaimGroup.objects.filter(pk=group.pk).update(claim_count=F("claim_count") + 1)
                claim = Claim.objects.create(
                    group=group,
                    source=source,
                    receipt_lookup=crypto.receipt_lookup(receipt),
                    receipt_hash=crypto.receipt_hash(receipt),
                    idempotency_hash=key.digest if key else None,
                    text_enc=crypto.encrypt_text(body),
                    link_enc=crypto.encrypt_text(link) if link else None,
                    photo_enc=crypto.encrypt(photo.data) if photo else None,
                    enterprise=enterprise,
                    created_at=now,
                    is_demo=is_demo,
                )
        except IntegrityError:
            # Either the same key raced in from a second request, or a random receipt collided: look, then retry.
            if key and (repeat := _repeat(key)):
                return repeat
            continue
        return SubmittedClaim(claim=claim, receipt=receipt)
    raise ValidationError(_("Không tạo được mã biên nhận, hãy gửi lại."), code="receipt_collision")


def claim_get_by_receipt(*, code: str) -> Claim | None:
    """The claim a receipt opens, or None (a wrong code and an unknown code look the same)."""
    receipt = crypto.receipt_parse(code)
    if receipt is None:
        return None
    claim = (
        Claim.objects.select_related("group__clarification")
        .filter(receipt_lookup=crypto.receipt_lookup(receipt))
        .first()
    )
    # The same scrypt run whether or not the lookup id exists (constant-time lookups, see voice.crypto).
    return claim if crypto.receipt_matches(receipt, claim.receipt_hash if claim else None) else None


def answering_unit() -> OrgUnit:
    """Clarifications speak for the province: the unit a publisher's permission is checked against."""
    province = OrgUnit.objects.filter(kind=OrgUnit.Kind.PROVINCE).order_by("path").first()
    if province is None:
        raise ValidationError(_("Hệ thống chưa có đơn vị cấp tỉnh."), code="no_province")
    return province


def _slug_for(claim: str, group: ClaimGroup) -> str:
    return f"{slugify_vi(claim)[:100].strip('-')}-{group.pk}"


@transaction.atomic
def clarification_publish(
    *,
    user: User,
    group: ClaimGroup,
    claim: str,
    verdict: str,
    truth: str,
    provisions: Sequence[Provision],
    topics: Sequence[Topic] = (),
    is_demo: bool = False,
) -> Clarification:
    """Publish (or correct) the official answer to a group of claims, citing the provisions that settle it."""
    unit = answering_unit()
    if not access.can(user, "opinion.publish_clarification", unit):
        raise PermissionDenied
    claim = clean_line(claim or "")
    if not claim:
        raise ValidationError(_("Hãy ghi lại tin được hỏi."), code="claim_empty")
    if len(claim) > 300:
        raise ValidationError(_("Tin được hỏi dài quá 300 ký tự."), code="claim_too_long")
    if verdict not in Clarification.Verdict.values:
        raise ValidationError(_("Hãy chọn một kết luận trong danh sách."), code="verdict_invalid")
    truth = text_clean(truth, limit=TRUTH_MAX_CHARS)
    if not provisions:
        raise ValidationError(_("Hãy dẫn ít nhất một điều luật làm căn cứ."), code="citation_missing")
    fields = {"slug": _slug_for(claim, group), "claim": claim, "verdict": verdict, "truth": truth, "unit": unit}
    # A correction keeps the first publication time: time to clarification is measured to the first answer.
    first = {
        "published_by": user if getattr(user, "is_authenticated", False) else None,
        "published_at": timezone.now(),
        "is_demo": is_demo,
    }
    clarification, _created = Clarification.objects.update_or_create(
        group=group, defaults=fields, create_defaults={**fields, **first}
    )
    clarification.topics.set(topics)
    clarification.citations.all().delete()
    Citation.objects.bulk_create(
        Citation(clarification=clarification, provision=provision, position=index)
        for index, provision in enumerate(dict.fromkeys(provisions))
    )
    return clarification


_CITATION = re.compile(
    r"^(?P<number>\S+)\s+(?P<article>(?:điều|dieu)\s+\w+)"
    r"(?:\s*,?\s*(?P<clause>(?:khoản|khoan)\s+\w+))?(?:\s*,?\s*(?P<point>(?:điểm|diem)\s+\w+))?$",
    re.IGNORECASE,
)


def provisions_from_lines(text: str) -> list[Provision]:
    """Provisions named one a line as `<số hiệu> Điều <n> [khoản <k>] [điểm <đ>]` (`41/2024/QH15 Điều 70`)."""
    found = []
    for line in filter(None, (clean_line(raw) for raw in (text or "").splitlines())):
        match = _CITATION.match(line)
        if match is None:
            raise ValidationError(
                _("Không hiểu căn cứ “%(line)s”. Ghi theo mẫu: 41/2024/QH15 Điều 70."),
                code="citation_unreadable",
                params={"line": line},
            )
        try:
            found.append(
                provision_resolve(
                    doc_number=match["number"].upper(),
                    article=match["article"],
                    clause=match["clause"] or "",
                    point=match["point"] or "",
                )
            )
        except ValidationError as error:
            raise ValidationError(error.messages[0], code="citation_unknown") from error
    return found


def share_record(*, user: User, clarification: Clarification, enterprise: Enterprise) -> bool:
    """Count that `user` passed the clarification on at `enterprise`; once per person and enterprise (True if new)."""
    if not access.can(user, "opinion.record_notes", enterprise.unit):
        raise PermissionDenied
    _share, created = Share.objects.get_or_create(clarification=clarification, enterprise=enterprise, shared_by=user)
    return created
