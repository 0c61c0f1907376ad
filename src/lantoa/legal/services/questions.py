"""Writes for "Hỏi tư vấn viên": a question goes to the legal advisers with a deadline; answers become FAQ entries."""

import datetime as dt
import hashlib
import secrets
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lantoa.core.text import clean_line, nfc, slugify_vi
from lantoa.legal import library_cache, tasks
from lantoa.legal.models import AdviserQuestion, Citation, HandbookChapter, HandbookEntry, Provision
from lantoa.orgs.models import OrgUnit, User

ANSWER_DAYS = 5  # working promise shown to the asker
QUESTION_MAX_CHARS = 2000
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I/L: read aloud or copied from a phone
FAQ_CHAPTER = ("hoi-dap-tu-van-vien", "Hỏi đáp từ tư vấn viên")


def code_digest(code: str) -> str:
    return hashlib.sha256(code.strip().upper().replace("-", "").encode()).hexdigest()


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
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(8))
    code = f"{raw[:4]}-{raw[4:]}"
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
