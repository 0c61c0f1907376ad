"""Writes for "Hỏi tư vấn viên": a question goes to the legal advisers with a deadline; answers become FAQ entries."""

import datetime as dt
import hashlib
import hmac
import secrets
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lantoa.core.text import clean_line, nfc, slugify_vi
from lantoa.legal import library_cache, tasks
from lantoa.legal.models import AdviserQuestion, Citation, HandbookChapter, HandbookEntry, Provision
from lantoa.orgs.models import OrgUnit, User

ANSWER_DAYS = 5  # working promise shown to the asker
QUESTION_MAX_CHARS = 2000
FAQ_CHAPTER = ("hoi-dap-tu-van-vien", "Hỏi đáp từ tư vấn viên")

# The follow-up code has the shape and strength of a voice receipt: 20 signs of a 32-sign alphabet without look-alikes
# (100 random bits), read aloud in five groups of four. Its shape also lets the log filter mask it in any record.
CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
CODE_GROUPS, GROUP_SIZE = 5, 4
_TRANSLATE = str.maketrans({"-": None, " ": None, ".": None})
HASH_SCHEME = "hmac$"


def _key() -> bytes:
    # The site's receipt salt keys every code a worker holds (voice receipts, rumour claims, adviser questions).
    salt = settings.VOICE_RECEIPT_SALT
    if len(salt) < 16:
        raise ImproperlyConfigured("Set VOICE_RECEIPT_SALT (32+ random characters) to accept adviser questions.")
    return salt.encode()


def code_new() -> str:
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_GROUPS * GROUP_SIZE))
    return "-".join(raw[i : i + GROUP_SIZE] for i in range(0, len(raw), GROUP_SIZE))


def digest_keyed(inner: str) -> str:
    """HMAC-SHA256 under the receipt salt of a code's plain SHA-256 (what questions kept before codes were keyed)."""
    return HASH_SCHEME + hmac.new(_key(), b"legal.question:" + inner.encode(), hashlib.sha256).hexdigest()


def code_digest(code: str) -> str:
    """The only trace of a code the database keeps: a keyed hash, so a leaked table cannot be matched to codes without
    the salt. Case, spaces and dashes are forgiven. Any text gets a digest (a malformed code simply finds nothing), so
    every lookup runs the same single indexed query; the stored values it is compared with are keyed hashes nobody can
    aim at, so a lookup's time tells nothing but whether the whole code was right. Codes of 8 signs from before the
    keyed hash still open their questions (migration 0008 re-keyed their digests)."""
    normal = (code or "").upper().translate(_TRANSLATE)
    return digest_keyed(hashlib.sha256(normal.encode()).hexdigest())


@dataclass(frozen=True)
class QuestionReceipt:
    question: AdviserQuestion
    code: str


@transaction.atomic
def question_ask(*, text: str, unit: OrgUnit | None = None) -> QuestionReceipt:
    """Queue a question for the advisers over `unit` (the worker's enterprise, else the province)."""
    text = nfc(text).strip()
    if len(clean_line(text)) < 10:
        raise ValidationError(_("Bạn hãy viết rõ câu hỏi hơn (ít nhất 10 ký tự)."), code="question_too_short")
    if len(text) > QUESTION_MAX_CHARS:
        raise ValidationError(
            _("Câu hỏi dài quá %(limit)s ký tự."), code="question_too_long", params={"limit": QUESTION_MAX_CHARS}
        )
    unit = unit or OrgUnit.objects.filter(parent__isnull=True).order_by("pk").first()
    if unit is None:
        raise ValidationError(_("Chưa có đơn vị nào nhận câu hỏi."), code="no_unit")
    code = code_new()
    question = AdviserQuestion.objects.create(
        unit=unit,
        question=text,
        code_hash=code_digest(code),
        due_at=timezone.now() + dt.timedelta(days=ANSWER_DAYS),
    )
    return QuestionReceipt(question=question, code=code)


@transaction.atomic
def question_answer(
    *, question: AdviserQuestion, answer: str, provisions: list[Provision], user: User
) -> AdviserQuestion:
    """The caller has checked `legal.answer_question` on the question."""
    answer = nfc(answer).strip()
    if len(answer) < 10:
        raise ValidationError(_("Câu trả lời quá ngắn."), code="answer_too_short")
    question.answer = answer
    question.answered_at = timezone.now()
    question.answered_by = user
    if question.status == AdviserQuestion.Status.OPEN:
        question.status = AdviserQuestion.Status.ANSWERED
    question.save()
    question.cited.set(provisions)
    return question


@transaction.atomic
def question_publish(*, question: AdviserQuestion, title: str = "") -> HandbookEntry:
    """Publish a reviewed answer as a public FAQ entry citing its provisions. The caller has checked permission."""
    if not question.answer:
        raise ValidationError(_("Câu hỏi chưa có câu trả lời."), code="not_answered")
    provisions = list(question.cited.all())
    if not provisions:
        raise ValidationError(_("Hãy trích dẫn ít nhất một điều luật trước khi đăng."), code="no_citation")
    chapter, _created = HandbookChapter.objects.get_or_create(
        slug=FAQ_CHAPTER[0], defaults={"title": FAQ_CHAPTER[1], "position": 1000}
    )
    text = clean_line(title) or question.question
    slug = f"hoi-dap-{question.pk}-{slugify_vi(text)[:60]}".strip("-")
    entry = question.entry or HandbookEntry(slug=slug, chapter=chapter, origin=HandbookEntry.Origin.ADVISER)
    entry.question = text
    entry.answer = question.answer
    entry.position = question.pk
    entry.needs_review = False
    entry.review_note = ""
    entry.save()
    entry.citations.all().delete()
    Citation.objects.bulk_create(
        Citation(entry=entry, provision=provision, position=index) for index, provision in enumerate(provisions)
    )
    library_cache.library_changed()  # `bulk_create` sends no signal
    question.entry = entry
    question.status = AdviserQuestion.Status.PUBLISHED
    question.save(update_fields=["entry", "status"])
    # The answer's wording now explains its articles to the search: the next question in these words finds them.
    tasks.index_build_later()
    return entry
