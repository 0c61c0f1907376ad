"""Reads for the law library, handbook and adviser screens."""

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from lantoa.core.text import fold
from lantoa.legal import bodies
from lantoa.legal.models import (
    AdviserQuestion,
    Amendment,
    Document,
    HandbookChapter,
    HandbookEntry,
    Provision,
    Relation,
)
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
    # The provision that repealed this one on its own, before (or without) its whole act being replaced.
    repealed_by: Provision | None = None


def repeal_of(*, provision: Provision) -> Amendment | None:
    """The repeal that gave `provision` its own expiry date (of itself or of its Chương/Mục)."""
    if provision.expiry_on is None:
        return None
    slugs = [provision.slug, *(container.slug for container in containers_of(article=provision))]
    return (
        Amendment.objects.filter(
            kind=Amendment.Kind.REPEAL,
            target_number=provision.document.number,
            target_slug__in=slugs,
            effective_on=provision.expiry_on,
        )
        .select_related("source__document", "source__article")
        .first()
    )


def validity_of(*, document: Document, provision: Provision | None = None, on: dt.date) -> Validity:
    expiry = provision.expiry_for(document) if provision else document.expiry_on
    replaced_by = None
    repeal = repeal_of(provision=provision) if provision is not None and provision.expiry_on else None
    repealed_first = (  # the provision's own repeal, when it came before its whole act ended
        repeal
        if repeal is not None
        and repeal.effective_on is not None
        and (document.expiry_on is None or repeal.effective_on < document.expiry_on)
        else None
    )
    if document.expiry_on and repealed_first is None:
        relation = (
            Relation.objects.filter(target=document, kind=Relation.Kind.REPLACES).select_related("source").first()
        )
        replaced_by = relation.source if relation else None
    not_yet = bool(document.effective_on and on < document.effective_on)
    if expiry is None:
        in_force = not not_yet and document.status == Document.Status.CURRENT
    else:
        in_force = not not_yet and on < expiry
    repealed_by = repealed_first.source if repealed_first is not None else None
    return Validity(in_force, document.effective_on, expiry, replaced_by, not_yet, repealed_by)


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


@dataclass(frozen=True)
class Change:
    """One amendment as a reader sees it: what, by which provision of which act, from when, and the wording."""

    amendment: Amendment
    in_force: bool
    previous_text: str


@dataclass
class Wording:
    """A provision as on a date: the text then, whether it still applied, and the changes that made it so."""

    provision: Provision
    text: str
    repealed: bool = False
    added: bool = False
    changes: list[Change] = field(default_factory=list)
    later: list[Amendment] = field(default_factory=list)  # changes after the date asked (shown as "từ … sẽ đổi")


NUMBER_PREFIX = {
    "clause": r"^\d+[a-z]?\.\s*",
    "point": r"^[a-zđ]\)\s*",
    "article": r"^Điều\s+\d+[a-z]?\.[^\n]*\n?",
}


def _wording_from(amendment: Amendment, kind: str) -> str:
    return re.sub(NUMBER_PREFIX[kind], "", amendment.text.strip(), count=1)


def is_stated_against(slug: str, *, article: Provision, containers: set[str]) -> bool:
    """Whether a change stated against the provision `slug` of the article's act reaches the article: the article
    itself, one of its khoản/điểm, or the Chương/Mục holding it (`containers`: their slugs, see `containers_of`)."""
    return slug in containers or slug == article.slug or slug.startswith(f"{article.slug}-")


def amendments_for_article(*, article: Provision) -> list[Amendment]:
    """Every change stated against the article, its khoản/điểm, or the Chương/Mục holding it, oldest first."""
    return amendments_for_articles(articles=[article])[article.pk]


def amendments_for_articles(*, articles: list[Provision]) -> dict[int, list[Amendment]]:
    """`amendments_for_article` of each article (by pk), in one query."""
    containers = {article.pk: {c.slug for c in containers_of(article=article)} for article in articles}
    lookup = Q(pk__in=[])
    for article in articles:
        slugs = containers[article.pk]
        lookup |= Q(target_number=article.document.number) & (
            Q(target_slug__in=slugs) | Q(target_slug=article.slug) | Q(target_slug__startswith=f"{article.slug}-")
        )
    rows = (
        list(
            Amendment.objects.filter(lookup)
            .select_related("source__document", "source__article")
            .order_by("effective_on", "pk")
        )
        if articles
        else []
    )
    return {
        article.pk: [
            row
            for row in rows
            if row.target_number == article.document.number
            and is_stated_against(row.target_slug, article=article, containers=containers[article.pk])
        ]
        for article in articles
    }


def touches(amendment: Amendment, *, slug: str, containers: set[str]) -> bool:
    """Whether the amendment changes the provision `slug` (a repeal of its article or Chương/Mục counts too)."""
    return amendment.target_slug == slug or (
        amendment.kind == Amendment.Kind.REPEAL
        and (amendment.target_slug in containers or slug.startswith(f"{amendment.target_slug}-"))
    )


def wording_on(*, provision: Provision, amendments: list[Amendment], on: dt.date) -> Wording:
    """The provision's wording on `on`: its original text with every change in force that day applied in order.

    `amendments` are those touching it (see `touches`); whole-article rewrites are handled by article_as_on.
    """
    wording = Wording(provision, provision.text)
    for amendment in amendments:
        if not amendment.is_in_force_on(on):
            wording.later.append(amendment)
            continue
        previous = wording.text
        if amendment.kind == Amendment.Kind.REPEAL:
            wording.repealed = True
        elif amendment.kind == Amendment.Kind.REPLACE_PHRASE:
            wording.text = wording.text.replace(amendment.old_phrase, amendment.new_phrase)
        else:
            wording.text = _wording_from(amendment, provision.kind)
        wording.changes.append(Change(amendment, True, previous))
    return wording


@dataclass
class ArticleOnDate:
    intro: Wording
    parts: list[Wording]
    replaced_whole: Amendment | None  # the article was rewritten as a whole: `intro.text` holds all of it
    amendments: list[Amendment]


def article_as_on(
    *, article: Provision, parts: list[Provision], on: dt.date, amendments: list[Amendment] | None = None
) -> ArticleOnDate:
    """The article as on `on`: each khoản/điểm with its wording then, khoản added later left out until then.
    `amendments` are the article's (`amendments_for_articles`) when the caller read them for several at once."""
    amendments = amendments_for_article(article=article) if amendments is None else amendments
    containers = {container.slug for container in containers_of(article=article)}

    def applies(amendment: Amendment, slug: str) -> bool:
        return touches(amendment, slug=slug, containers=containers)

    whole = [a for a in amendments if a.target_slug == article.slug and a.kind in {"amend", "replace"}]
    in_force_whole = [a for a in whole if a.is_in_force_on(on)]
    intro = wording_on(provision=article, amendments=[a for a in amendments if applies(a, article.slug)], on=on)
    rows = [
        wording_on(provision=part, amendments=[a for a in amendments if applies(a, part.slug)], on=on) for part in parts
    ]
    known = {part.slug for part in parts}
    for amendment in amendments:
        if amendment.kind == Amendment.Kind.ADD and amendment.target_slug not in known and amendment.is_in_force_on(on):
            kind = "point" if "-diem-" in amendment.target_slug else "clause"
            number = amendment.target_slug.rsplit("-", 1)[-1]
            added = Provision(document=article.document, kind=kind, number=number, slug=amendment.target_slug)
            rows.append(
                Wording(added, _wording_from(amendment, kind), added=True, changes=[Change(amendment, True, "")])
            )
    return ArticleOnDate(intro, rows, in_force_whole[-1] if in_force_whole else None, amendments)


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
    chain: list[Provision] = []
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
    """The chapters with their entry counts (`entry_count`): the handbook's first view lists no entry."""
    return list(HandbookChapter.objects.annotate(entry_count=Count("entries")).order_by("position"))


def handbook_chapter_get(*, slug: str) -> tuple[HandbookChapter, list[HandbookEntry]]:
    chapter = get_object_or_404(HandbookChapter, slug=slug)
    return chapter, list(chapter.entries.order_by("position"))


# Words too common in a worker's question to tell entries apart (folded, as typed without diacritics).
HANDBOOK_STOPWORDS = (
    "co",
    "la",
    "thi",
    "bi",
    "cua",
    "cho",
    "toi",
    "minh",
    "em",
    "ko",
    "khong",
    "gi",
    "nao",
    "va",
    "the",
)
_WORD = re.compile(r"[0-9a-z]+")


def handbook_words(text: str) -> list[str]:
    """Folded words of a text (no diacritics, đ → d), the same split the offline search makes on the phone."""
    return _WORD.findall(fold(text))


def handbook_search(*, query: str, limit: int = 20) -> list[HandbookEntry]:
    """Entries that answer a question typed with or without diacritics: question words count most, then keywords.

    An entry must match half the words, and score more than half the best entry (a lone common word is not enough).

    The phone's offline search (legal/handbook.js) scores the same way on `handbook_offline_data()`."""
    wanted = list(dict.fromkeys(w for w in handbook_words(query) if len(w) > 1 and w not in HANDBOOK_STOPWORDS))
    if not wanted:
        return []
    scored: list[tuple[int, int, HandbookEntry]] = []
    for entry in HandbookEntry.objects.select_related("chapter").order_by("chapter__position", "position"):
        fields = [
            set(handbook_words(entry.question)),
            set(handbook_words(entry.keywords)),
            set(handbook_words(entry.answer)),
        ]
        hits = [
            next((weight for weight, words in zip((3, 2, 1), fields, strict=True) if word in words), 0)
            for word in wanted
        ]
        matched = sum(1 for hit in hits if hit)
        if matched * 2 >= len(wanted):
            scored.append((-sum(hits), len(scored), entry))
    best = -min((score for score, _order, _entry in scored), default=0)
    return [entry for score, _order, entry in sorted(scored)[:limit] if -score * 2 > best]


def handbook_offline_data() -> dict[str, Any]:
    """The whole handbook as the phone keeps it for reading and searching offline."""
    entries = HandbookEntry.objects.select_related("chapter").order_by("chapter__position", "position")
    return {
        "stopwords": HANDBOOK_STOPWORDS,
        "entries": [
            {"u": e.get_absolute_url(), "c": e.chapter.title, "q": e.question, "k": e.keywords, "a": e.answer}
            for e in entries
        ],
    }


def handbook_entry_get(*, slug: str) -> tuple[HandbookEntry, list[Provision]]:
    """The entry and the provisions it cites, in its order."""
    entry = get_object_or_404(HandbookEntry.objects.select_related("chapter"), slug=slug)
    cited = list(
        Provision.objects.filter(citations__entry=entry)
        .select_related("document", "article")
        .order_by("citations__position")
    )
    return entry, cited


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


def article_body_notes(*, wording: ArticleOnDate, on: dt.date) -> list[bodies.BodyNote]:
    """Notes under an article whose wording on `on` names a body gone by then (UBND cấp huyện, Bộ LĐTBXH…)."""
    items = [wording.intro, *([] if wording.replaced_whole else wording.parts)]
    return bodies.notes_for(parts=[(item.provision, item.text) for item in items if not item.repealed], on=on)


def search_index_health() -> dict[str, str | None]:
    """For /healthz: the published search-index version, and the one this process answers with (None: no index,
    the search falls back to the database)."""
    from lantoa.legal import index_store, search  # search reads these selectors: imported when asked

    return {"version": index_store.current_version(), "loaded": search.loaded_version()}
