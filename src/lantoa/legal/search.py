"""Search in everyday words over the provisions: one published index for every app server, loaded per process.

The retrieval method lives in `lantoa.legal.retrieval` (pure Python); this module feeds it the articles from the
database as worded today, builds and publishes the index (`index_store`, only from the task `legal.tasks.index_build`
or a management command), and turns hits into answer cards (`answers`: short answer, khoản, validity). Without a
readable index the search falls back to a slower database match and says so in the log, never failing the page.
"""

import datetime as dt
import logging
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db.models import Q, QuerySet
from django.utils import timezone

from lantoa.core import registry
from lantoa.legal import answers, index_store, library_cache, retrieval, selectors
from lantoa.legal.answers import Lead  # by name: inside SearchOutcome, `answers` is a field
from lantoa.legal.models import Amendment, HandbookEntry, Provision
from lantoa.legal.retrieval.text import content_mask, fold, syllables

logger = logging.getLogger(__name__)
FALLBACK_CANDIDATES = 200


class _Loaded:
    """What this process holds of the published index; read and written under `_lock`."""

    def __init__(self) -> None:
        self.clear()

    def clear(self) -> None:
        """Nothing loaded: the next search looks for the published version."""
        self.checked_at: float | None = None
        self.index: retrieval.SearchIndex | None = None
        self.version: str | None = None
        self.failed: str | None = None  # a version that cannot be read, not tried again
        # article keys per (index version, library version, day)
        self.in_force: dict[tuple[str | None, tuple[int, int], dt.date], set[str]] = {}
        self.explanations: dict[str, retrieval.QueryWords] = {}  # short answer text → its words as the index weighs


_lock = threading.Lock()
_cache = _Loaded()


def article_key(provision: Provision) -> str:
    return retrieval.make_key(provision.document.number, f"Điều {provision.number}")


def _amended_targets() -> dict[str, set[str]]:
    targets: dict[str, set[str]] = {}
    for number, slug in Amendment.objects.values_list("target_number", "target_slug"):
        targets.setdefault(number, set()).add(slug)
    return targets


def _is_amended(article: Provision, targets: set[str]) -> bool:
    containers = {container.slug for container in selectors.containers_of(article=article)}
    return any(selectors.is_stated_against(slug, article=article, containers=containers) for slug in targets)


def _article_texts(*, on: dt.date) -> list[tuple[Provision, str]]:
    """Each article as worded on `on`: amended khoản in their new wording, repealed ones left out, added ones in
    (the published text's layout: "Điều N. title", then "1. …" and "a) …" lines, as the retrieval package reads)."""
    articles = list(
        Provision.objects.filter(kind="article")
        .select_related("document", "parent__parent__parent")
        .order_by("document", "position")
    )
    parts = _parts_by_article(Provision.objects.filter(article__isnull=False))
    targets = _amended_targets()
    texts = []
    for article in articles:
        rows = parts.get(article.pk, [])
        lines = [f"Điều {article.number}. {article.title}"]
        if _is_amended(article, targets.get(article.document.number, set())):
            wording = selectors.article_as_on(article=article, parts=rows, on=on)
            lines += [wording.intro.text] if wording.intro.text and not wording.intro.repealed else []
            if wording.replaced_whole is None:
                lines += [_line(w.provision, w.text) for w in wording.parts if not w.repealed]
        else:
            lines += ([article.text] if article.text else []) + [_line(part, part.text) for part in rows]
        texts.append((article, "\n".join(line for line in lines if line.strip())))
    return texts


def _parts_by_article(parts: QuerySet[Provision]) -> dict[int, list[Provision]]:
    """The khoản and điểm among `parts`, in order, under their article's id."""
    found: dict[int, list[Provision]] = {}
    for part in parts.order_by("position"):
        if part.article_id is not None:
            found.setdefault(part.article_id, []).append(part)
    return found


def _line(provision: Provision, text: str) -> str:
    return f"{provision.number}. {text}" if provision.kind == "clause" else f"{provision.number}) {text}"


def _explanations() -> dict[int, list[str]]:
    """Article id -> the question, keywords and answer of each handbook or FAQ entry citing it (or its parts)."""
    texts: dict[int, list[str]] = {}
    rows = HandbookEntry.objects.values_list(
        "question", "keywords", "answer", "citations__provision_id", "citations__provision__article_id"
    ).order_by("pk", "citations__position")
    for question, keywords, answer, provision_id, article_id in rows:
        if provision_id is None:
            continue
        bucket = texts.setdefault(article_id or provision_id, [])
        text = retrieval.explanation_text(question, keywords, answer)
        if text not in bucket:
            bucket.append(text)
    return texts


def passages(*, on: dt.date | None = None) -> list[retrieval.Passage]:
    explanations = _explanations()
    return [
        retrieval.Passage(
            key=article_key(article),
            doc_number=article.document.number,
            article=f"Điều {article.number}",
            title=article.title,
            text=text,
            law_title=article.document.title,
            explained_by=tuple(explanations.get(article.pk, ())),
        )
        for article, text in _article_texts(on=on or timezone.localdate())
    ]


def synonyms_path() -> Path | None:
    configured = getattr(settings, "LEGAL_SYNONYMS_PATH", "")
    return Path(configured) if configured else None  # None: the dictionary shipped with the retrieval package


def index_build() -> tuple[int, str]:
    """Build the index from the database (wording in force today) and publish it for every app server; returns
    the number of articles and the version. Runs in the task worker or a management command, never in a request.
    """
    items = passages()
    path = synonyms_path()
    synonyms = retrieval.load_synonyms(path) if path else None  # None: the shipped dictionary
    version = index_store.publish(retrieval.SearchIndex.build(items, synonyms=synonyms))
    with _lock:
        _cache.clear()
    library_cache.library_changed()  # what was kept beside the index (keys in force) is read again with it
    return len(items), version


def index_get() -> "retrieval.SearchIndex | None":
    """The published index, loaded once per process and again when a newer version is published (checked at most
    every LEGAL_INDEX_CHECK_SECONDS). None when none is published or it cannot be read: a warning is logged and the
    search falls back to the database. A damaged new version leaves the process on the version it had."""
    now = time.monotonic()
    with _lock:
        if _cache.checked_at is not None and now - _cache.checked_at < settings.LEGAL_INDEX_CHECK_SECONDS:
            return _cache.index
        _cache.checked_at = now
        version = index_store.current_version()
        if version is None:
            logger.warning("no search index published in %s: run `manage.py legal_index`", index_store.index_dir())
        elif version not in (_cache.version, _cache.failed):
            try:
                _cache.index = index_store.load(version)
            except ValueError as error:
                _cache.failed = version
                logger.warning("search index %s cannot be read (%s): run `manage.py legal_index`", version, error)
            else:
                _cache.version = version
                _cache.in_force = {}
                _cache.explanations = {}
        return _cache.index


def loaded_version() -> str | None:
    """The index version this process answers with (None: it searches the database)."""
    with _lock:
        return _cache.version


def keys_in_force(*, on: dt.date) -> set[str]:
    articles = selectors.provisions_in_force(on=on).values_list("document__number", "number")
    return {retrieval.make_key(doc, f"Điều {number}") for doc, number in articles}


def _keys_in_force_cached(*, on: dt.date) -> set[str]:
    """Keys in force on a day, kept with the loaded index version and the library generation (an import moves an
    expiry date before the index build it queues is published)."""
    library = library_cache.library_version()
    with _lock:
        cached = _cache.in_force
        key = (_cache.version, library, on)
        if key not in cached:
            if len(cached) > 32:
                cached.clear()
            cached[key] = keys_in_force(on=on)
        return cached[key]


def _explanation_terms(index: "retrieval.SearchIndex", text: str) -> "retrieval.QueryWords":
    """The words of a short answer as `index` weighs them, kept with the loaded index: the same handbook entries lead
    the answers to many questions."""
    with _lock:
        kept = _cache.explanations if index is _cache.index else None
        if kept is not None and text in kept:
            return kept[text]
    terms = index.query_terms(text)
    with _lock:
        if kept is not None and index is _cache.index:
            if len(kept) > 4096:
                kept.clear()
            kept[text] = terms
    return terms


@dataclass
class Answer:
    provision: Provision
    score: float
    passage: answers.Passage
    in_force: bool
    entries: list[HandbookEntry] = field(default_factory=list)
    lessons: list[tuple[str, str]] = field(default_factory=list)  # (title, url) of lessons explaining it
    expiry_on: dt.date | None = None  # a later end of validity, shown when searching the law of a past day
    url: str = ""  # the article's page
    entry_links: list[tuple[str, str]] = field(default_factory=list)  # (question, url) of the first entries shown


@dataclass
class SearchOutcome:
    query: str
    on: dt.date
    answers: list[Answer]
    is_confident: bool
    index_ready: bool = True  # False: answered by the slower database match
    lead: Lead | None = None  # the short plain answer explaining the top article


# (doc, article number, score), words, sure, and the index's analysis of the question (None: the database's ranking)
Ranking = tuple[list[tuple[str, str, float]], retrieval.QueryWords, bool, "retrieval.Analysis | None"]


def _index_ranking(index: "retrieval.SearchIndex", *, query: str, on: dt.date, k: int) -> Ranking | None:
    """The index's ranking; the question is analysed once, for the ranking, the marks and the short answer."""
    try:
        analysis = index.analyse(query)
        hits = index.search(query, k=k, allowed=_keys_in_force_cached(on=on), analysis=analysis)
        terms = index.query_terms(query, analysis)
    except (ValueError, IndexError, KeyError) as error:  # values damaged inside a file of the right size
        logger.warning("search index %s failed (%r)", loaded_version(), error)
        return None
    ranked = [(hit.doc_number, hit.article.removeprefix("Điều ").strip(), hit.score) for hit in hits]
    return ranked, terms, bool(hits) and hits[0].confident, analysis


def _database_ranking(*, query: str, on: dt.date, k: int) -> Ranking:
    """(document number, article number, score) by the number of the question's words an article in force (its
    title, text or khoản) contains, as typed, case-insensitively. Slower and cruder than the index: only used
    while no index can be read."""
    tokens = syllables(query)
    words = list(dict.fromkeys(t for t, kept in zip(tokens, content_mask(tokens), strict=True) if kept))[:12]
    in_force = selectors.provisions_in_force(on=on)
    counts: dict[int, float] = {}
    for word in words:
        own = in_force.filter(Q(title__icontains=word) | Q(text__icontains=word)).values_list("pk", flat=True)
        parts = Provision.objects.filter(article__in=in_force, text__icontains=word).values_list(
            "article_id", flat=True
        )
        for article_id in set(own[:FALLBACK_CANDIDATES]) | set(parts[:FALLBACK_CANDIDATES]):
            counts[article_id] = counts.get(article_id, 0.0) + 1.0
    best = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:k]
    rows = Provision.objects.filter(pk__in=[pk for pk, _ in best]).values_list("pk", "document__number", "number")
    numbers = {pk: (doc, number) for pk, doc, number in rows}
    terms = retrieval.QueryWords(words=dict.fromkeys(map(fold, words), 1.0), pairs={}, **retrieval.marks_of(query))
    return [(*numbers[pk], score) for pk, score in best if pk in numbers], terms, False, None


def search(*, query: str, on: dt.date, k: int = 5) -> SearchOutcome:
    """Top articles for a question as asked; only provisions in force on `on` are answers."""
    if not query.strip():
        return SearchOutcome(query, on, [], is_confident=False)
    index = index_get()
    ranking = _index_ranking(index, query=query, on=on, k=k) if index is not None else None
    if ranking is None:
        index = None
        logger.warning("legal search answered from the database: no readable search index")
        ranking = _database_ranking(query=query, on=on, k=k)
    ranked, terms, confident, analysis = ranking
    library = _library_reads(keys=[(doc_number, number) for doc_number, number, _score in ranked], on=on)
    articles, wordings, entries, links = library.articles, library.wordings, library.entries, library.links
    candidates = library.candidates
    lessons = registry.provision_explainers([_citation_key(a) for a in articles.values()])
    found: list[Answer] = []
    lead = None
    for doc_number, number, score in ranked:
        article = articles.get((doc_number, number))
        if article is None:
            continue
        cited_by = entries.get(article.pk, [])
        explained = None
        if not found:  # the top article leads with its plain explanation
            scores = None
            if index is not None:
                texts = [retrieval.explanation_text(e.question, e.keywords, e.answer) for e in cited_by]
                scores = index.explanation_scores(query, texts, analysis)
            lead = answers.lead_pick(entries=cited_by, terms=terms, scores=scores)
            explained = _explanation_terms(index, lead.text) if lead and index is not None else None
        found.append(
            Answer(
                provision=article,
                score=score,
                passage=answers.passage_pick(
                    article=article,
                    wording=wordings[article.pk],
                    terms=terms,
                    explained=explained,
                    candidates=candidates[article.pk],
                ),
                in_force=article.document.is_in_force_on(on) and not (article.expiry_on and article.expiry_on <= on),
                entries=cited_by,
                lessons=lessons.get(_citation_key(article), []),
                expiry_on=article.expiry_for(article.document),
                url=links[article.pk][0],
                entry_links=links[article.pk][1],
            )
        )
    lead = lead if confident else None  # a doubtful match is not stated as the answer
    return SearchOutcome(query, on, found, is_confident=confident, index_ready=index is not None, lead=lead)


@dataclass
class _LibraryReads:
    articles: dict[tuple[str, str], Provision]  # (document number, article number) → the article
    wordings: dict[int, "selectors.ArticleOnDate"]  # article id → its wording on the day asked
    entries: dict[int, list[HandbookEntry]]  # article id → the handbook/FAQ entries citing it or its parts
    links: dict[int, tuple[str, list[tuple[str, str]]]]  # article id → its url, (question, url) of its first entries
    candidates: dict[int, list["answers.Candidate"]]  # article id → the passages to pick from, worded on the day


def _library_reads(*, keys: list[tuple[str, str]], on: dt.date) -> _LibraryReads:
    """The ranked articles with their wording on `on` and the entries citing them, as kept in this process until
    the law library changes (`library_cache`): a question about articles asked before costs no query."""
    version = library_cache.library_version()
    found = library_cache.kept("article", keys, _articles_read, version=version)
    articles = {key: article for key, article in found.items() if article is not None}
    by_id = {article.pk: article for article in articles.values()}
    parts = library_cache.kept("parts", by_id, _parts_read, version=version)
    amendments = library_cache.kept(
        "amendments",
        by_id,
        lambda ids: selectors.amendments_for_articles(articles=[by_id[pk] for pk in ids]),
        version=version,
    )
    wordings = library_cache.kept(
        "wording",
        [(pk, on) for pk in by_id],
        lambda wanted: {
            (pk, day): selectors.article_as_on(article=by_id[pk], parts=parts[pk], on=day, amendments=amendments[pk])
            for pk, day in wanted
        },
        version=version,
    )
    entries = library_cache.kept("entries", by_id, _entries_read, version=version)
    links = library_cache.kept(
        "links",
        by_id,
        lambda ids: {pk: (by_id[pk].get_absolute_url(), _entry_links(entries[pk])) for pk in ids},
        version=version,
    )
    candidates = library_cache.kept(
        "candidates",
        [(pk, on) for pk in by_id],
        lambda wanted: {(pk, day): answers.passage_candidates(by_id[pk], wordings[(pk, day)]) for pk, day in wanted},
        version=version,
    )
    return _LibraryReads(
        articles,
        {pk: wordings[(pk, on)] for pk in by_id},
        entries,
        links,
        {pk: candidates[(pk, on)] for pk in by_id},
    )


ENTRIES_LINKED = 3  # entries linked under an answer


def _entry_links(entries: list[HandbookEntry]) -> list[tuple[str, str]]:
    return [(entry.question, entry.get_absolute_url()) for entry in entries[:ENTRIES_LINKED]]


def _articles_read(keys: list[tuple[str, str]]) -> dict[tuple[str, str], Provision | None]:
    lookup = Q(pk__in=[])
    for doc_number, number in keys:
        lookup |= Q(document__number=doc_number, number=number)
    rows = Provision.objects.filter(lookup, kind="article").select_related("document", "parent__parent__parent")
    found: dict[tuple[str, str], Provision | None] = dict.fromkeys(keys)
    found.update({(p.document.number, p.number): p for p in rows})
    return found


def _parts_read(ids: list[int]) -> dict[int, list[Provision]]:
    parts = _parts_by_article(Provision.objects.filter(article_id__in=ids))
    return {pk: parts.get(pk, []) for pk in ids}


def _entries_read(ids: list[int]) -> dict[int, list[HandbookEntry]]:
    entries = _entries_citing(ids)
    return {pk: entries.get(pk, []) for pk in ids}


def _citation_key(article: Provision) -> tuple[str, str]:
    return (article.document.number, f"Điều {article.number}")


def _entries_citing(article_ids: list[int]) -> dict[int, list[HandbookEntry]]:
    found: dict[int, list[HandbookEntry]] = {}
    rows = (
        HandbookEntry.objects.filter(
            Q(citations__provision_id__in=article_ids) | Q(citations__provision__article_id__in=article_ids)
        )
        .values_list("pk", "citations__provision_id", "citations__provision__article_id")
        .distinct()
    )
    entry_ids = {row[0] for row in rows}
    entries = {e.pk: e for e in HandbookEntry.objects.filter(pk__in=entry_ids)}
    for entry_id, provision_id, article_id in rows:
        owner = provision_id if provision_id in article_ids else article_id
        if owner is None:
            continue
        bucket = found.setdefault(owner, [])
        if entries[entry_id] not in bucket:
            bucket.append(entries[entry_id])
    return found
