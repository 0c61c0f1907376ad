"""Reads for the law library, handbook and adviser screens."""

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from lantoa.legal.models import AdviserQuestion, Document, HandbookChapter, HandbookEntry, Provision, Relation
from lantoa.legal.services.questions import code_digest
from lantoa.orgs import access


@dataclass(frozen=True)
class Validity:
    """What a reader must know before trusting a provision on a given day."""

    in_force: bool
    effective_on: dt.date | None
    expiry_on: dt.date | None
    replaced_by: Document | None
    not_yet: bool = False


def validity_of(*, document: Document, provision: Provision | None = None, on: dt.date) -> Validity:
    expiry = provision.expiry_for(document) if provision else document.expiry_on
    replaced_by = None
    if document.expiry_on:
        relation = (
            Relation.objects.filter(target=document, kind=Relation.Kind.REPLACES).select_related("source").first()
        )
        replaced_by = relation.source if relation else None
    not_yet = bool(document.effective_on and on < document.effective_on)
    if expiry is None:
        in_force = not not_yet and document.status == Document.Status.CURRENT
    else:
        in_force = not not_yet and on < expiry
    return Validity(in_force, document.effective_on, expiry, replaced_by, not_yet)


def documents_list() -> QuerySet[Document]:
    return Document.objects.annotate(article_count=Count("provisions", filter=Q(provisions__kind="article"))).order_by(
        "status", "-effective_on"
    )


def documents_in_force(*, on: dt.date) -> QuerySet[Document]:
    """Documents that apply on `on` (the article level adds each provision's own expiry, see provisions_in_force)."""
    return Document.objects.filter(
        Q(effective_on__isnull=True) | Q(effective_on__lte=on), Q(expiry_on__isnull=True) | Q(expiry_on__gt=on)
    )


def provisions_in_force(*, on: dt.date) -> QuerySet[Provision]:
    """Articles in force on `on`: their document applies and the article was not repealed before."""
    return Provision.objects.filter(
        kind="article",
        document__in=documents_in_force(on=on),
    ).filter(Q(expiry_on__isnull=True) | Q(expiry_on__gt=on))


def document_get(*, slug: str) -> Document:
    return get_object_or_404(Document, slug=slug)


def document_toc(*, document: Document) -> list[Provision]:
    """Phần/Chương/Mục/Điều in reading order (khoản and điểm are left to the article page)."""
    return list(document.provisions.filter(kind__in=["part", "chapter", "section", "article"]).order_by("position"))


def article_get(*, document: Document, slug: str) -> tuple[Provision, list[Provision]]:
    article = get_object_or_404(
        Provision.objects.select_related("parent"), document=document, slug=slug, kind="article"
    )
    article.document = document
    parts = list(Provision.objects.filter(article=article).order_by("position"))
    return article, parts


def containers_of(*, article: Provision) -> list[Provision]:
    """Phần/Chương/Mục holding the article, outermost first (loaded with the article by `article_get`)."""
    chain = []
    node = article.parent
    while node is not None and len(chain) < 3:
        chain.append(node)
        node = node.parent
    return chain[::-1]


def article_neighbours(*, article: Provision) -> tuple[Provision | None, Provision | None]:
    siblings = Provision.objects.filter(document_id=article.document_id, kind="article")
    previous = siblings.filter(position__lt=article.position).order_by("-position").first()
    following = siblings.filter(position__gt=article.position).order_by("position").first()
    return previous, following


def entries_for_article(*, article: Provision) -> list[HandbookEntry]:
    return list(
        HandbookEntry.objects.filter(Q(citations__provision=article) | Q(citations__provision__article=article))
        .distinct()
        .order_by("chapter__position", "position")
    )


def handbook_chapters() -> list[HandbookChapter]:
    return list(HandbookChapter.objects.prefetch_related("entries").order_by("position"))


def handbook_entry_get(*, slug: str) -> HandbookEntry:
    entry = get_object_or_404(HandbookEntry.objects.select_related("chapter"), slug=slug)
    entry.cited = list(
        Provision.objects.filter(citations__entry=entry)
        .select_related("document", "article")
        .order_by("citations__position")
    )
    return entry


def document_by_title(*, title: str) -> Document | None:
    return Document.objects.filter(title=title, status=Document.Status.CURRENT).order_by("-effective_on").first()


def question_for_code(*, code: str) -> AdviserQuestion:
    question = AdviserQuestion.objects.select_related("entry").filter(code_hash=code_digest(code)).first()
    if question is None:
        raise Http404
    return question


def questions_list_for_user(*, user: Any, status: str = "") -> QuerySet[AdviserQuestion]:
    questions = AdviserQuestion.objects.select_related("unit", "answered_by").filter(
        access.scope_q(user, "legal.view_questions", path_fields=("unit__path",))
    )
    if status:
        questions = questions.filter(status=status)
    return questions.order_by("status", "due_at")


def question_get_for_user(*, user: Any, pk: int, action: str = "legal.view_questions") -> AdviserQuestion:
    question = get_object_or_404(AdviserQuestion.objects.select_related("unit", "entry"), pk=pk)
    if not access.can(user, action, question):
        raise Http404
    return question


def entries_needing_review() -> QuerySet[HandbookEntry]:
    return HandbookEntry.objects.filter(needs_review=True).select_related("chapter").order_by("chapter__position")


def entry_needing_review_get(*, pk: int) -> HandbookEntry:
    return get_object_or_404(HandbookEntry, pk=pk, needs_review=True)
