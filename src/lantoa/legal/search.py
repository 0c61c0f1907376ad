"""Search in everyday words over the provisions: one persisted index per site, loaded once per process.

The retrieval method lives in `lantoa.legal.retrieval` (pure Python); this module feeds it the articles from the
database, keeps the built index under VAR_DIR, and turns hits into answer cards (provision, passage, validity).
"""

import datetime as dt
import logging
import re
import threading
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db.models import Q

from lantoa.core import registry
from lantoa.core.text import fold
from lantoa.legal import retrieval, selectors
from lantoa.legal.models import HandbookEntry, Provision
from lantoa.legal.retrieval.text import bigrams

logger = logging.getLogger(__name__)
_lock = threading.Lock()
_cache: dict[str, object] = {}
WORD = re.compile(r"\w+")


def index_path() -> Path:
    return Path(settings.VAR_DIR) / "legal" / "search-index.npz"


def article_key(provision: Provision) -> str:
    return retrieval.make_key(provision.document.number, f"Điều {provision.number}")


def _article_texts() -> list[tuple[Provision, str]]:
    articles = list(
        Provision.objects.filter(kind="article").select_related("document").order_by("document", "position")
    )
    parts: dict[int, list[str]] = {
        a.pk: [f"Điều {a.number}. {a.title}"] + ([a.text] if a.text else []) for a in articles
    }
    rows = Provision.objects.filter(article__isnull=False).order_by("position")
    for article_id, kind, number, text in rows.values_list("article_id", "kind", "number", "text"):
        # The retrieval package reads khoản as lines "1. …", as in the published text.
        parts.setdefault(article_id, []).append(f"{number}. {text}" if kind == "clause" else f"{number}) {text}")
    return [(a, "\n".join(parts[a.pk])) for a in articles]


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


def passages() -> list[retrieval.Passage]:
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
        for article, text in _article_texts()
    ]


def synonyms_path() -> Path | None:
    configured = getattr(settings, "LEGAL_SYNONYMS_PATH", "")
    return Path(configured) if configured else None  # None: the dictionary shipped with the retrieval package


def index_build() -> int:
    """Build the index from the database and persist it; returns the number of passages."""
    items = passages()
    path = synonyms_path()
    synonyms = retrieval.load_synonyms(path) if path else None  # None: the shipped dictionary
    index = retrieval.SearchIndex.build(items, synonyms=synonyms)
    target = index_path()
    target.parent.mkdir(parents=True, exist_ok=True)
    index.save(target)
    with _lock:
        _cache.clear()
    return len(items)


def index_get() -> "retrieval.SearchIndex | None":
    """The persisted index, loaded once per process (again only when a rebuild replaced the file); None when it
    is missing or was written by an older version (`manage.py legal_index` rebuilds it)."""
    target = index_path()
    try:
        stamp = target.stat().st_mtime_ns
    except FileNotFoundError:
        return None
    with _lock:
        if _cache.get("stamp") != stamp:
            try:
                _cache["index"] = retrieval.SearchIndex.load(target)
            except ValueError:
                logger.exception("search index %s cannot be read: run `manage.py legal_index`", target)
                return None
            _cache["stamp"] = stamp
        return _cache["index"]  # type: ignore[return-value]


def keys_in_force(*, on: dt.date) -> set[str]:
    articles = selectors.provisions_in_force(on=on).values_list("document__number", "number")
    return {retrieval.make_key(doc, f"Điều {number}") for doc, number in articles}


def _keys_in_force_cached(*, on: dt.date) -> set[str]:
    """Keys in force on a day, kept with the loaded index: every import rebuilds the index, so they stay in step."""
    with _lock:
        cached = _cache.setdefault("in_force", {})
        key = (_cache.get("stamp"), on)
        if key not in cached:
            if len(cached) > 32:
                cached.clear()
            cached[key] = keys_in_force(on=on)
        return cached[key]


@dataclass
class Passage:
    """The khoản (or article text) that best matches the question, with the matched words marked."""

    slug: str
    label: str
    pieces: list[tuple[str, bool]]  # (text, is_match)


@dataclass
class Answer:
    provision: Provision
    score: float
    passage: Passage
    in_force: bool
    entries: list[HandbookEntry] = field(default_factory=list)
    lessons: list[tuple[str, str]] = field(default_factory=list)  # (title, url) of lessons explaining it
    expiry_on: dt.date | None = None  # a later end of validity, shown when searching the law of a past day


@dataclass
class SearchOutcome:
    query: str
    on: dt.date
    answers: list[Answer]
    is_confident: bool
    index_ready: bool = True


def _marked(text: str, words: set[str]) -> list[tuple[str, bool]]:
    pieces: list[tuple[str, bool]] = []
    position = 0
    for match in WORD.finditer(text):
        if fold(match.group()) in words:
            if match.start() > position:
                pieces.append((text[position : match.start()], False))
            pieces.append((match.group(), True))
            position = match.end()
    pieces.append((text[position:], False))
    return [piece for piece in pieces if piece[0]]


def passage_pick(
    *, article: Provision, wording: "selectors.ArticleOnDate", words: dict[str, float], pairs: dict[str, float]
) -> Passage:
    """The part of the article, worded as on the day asked, sharing most with the question, each shared word pair
    and word weighted by its IDF ("mang thai" says more than "người" or "lao động"); the shared words are marked.
    A repealed khoản is never the passage."""
    candidates = [(article.slug, article.label, wording.intro.text)] if wording.intro.text else []
    if wording.replaced_whole is None:
        candidates += [(w.provision.slug, w.provision.label, w.text) for w in wording.parts if not w.repealed]
    if not candidates:
        return Passage(article.slug, article.label, [(article.title, False)])

    def overlap(candidate: tuple[str, str, str]) -> float:
        folded = [fold(word) for word in WORD.findall(candidate[2])]
        shared = [pairs[p] for p in set(bigrams(folded)) if p in pairs] + [words[w] for w in set(folded) if w in words]
        return sum(shared)

    slug, label, text = max(candidates, key=overlap)
    return Passage(slug, label, _marked(text, set(words)))


def search(*, query: str, on: dt.date, k: int = 5) -> SearchOutcome:
    """Top articles for a question as asked; only provisions in force on `on` are answers."""
    index = index_get()
    if index is None or not query.strip():
        return SearchOutcome(query, on, [], is_confident=False, index_ready=index is not None)
    hits = index.search(query, k=k, allowed=_keys_in_force_cached(on=on))
    words, pairs = index.query_terms(query)
    lookup = Q(pk__in=[])
    for hit in hits:
        lookup |= Q(document__number=hit.doc_number, number=hit.article.removeprefix("Điều ").strip())
    articles = {
        article_key(p): p
        for p in Provision.objects.filter(lookup, kind="article")
        .select_related("document", "parent__parent__parent")
        .prefetch_related("handbook_entries")
    }
    parts: dict[int, list[Provision]] = {}
    for part in Provision.objects.filter(article__in=list(articles.values())).order_by("position"):
        parts.setdefault(part.article_id, []).append(part)
    entries = _entries_citing([a.pk for a in articles.values()])
    lessons = registry.provision_explainers([_citation_key(a) for a in articles.values()])
    answers = []
    for hit in hits:
        article = articles.get(hit.key)
        if article is None:
            continue
        answers.append(
            Answer(
                provision=article,
                score=hit.score,
                passage=passage_pick(
                    article=article,
                    wording=selectors.article_as_on(article=article, parts=parts.get(article.pk, []), on=on),
                    words=words,
                    pairs=pairs,
                ),
                in_force=article.document.is_in_force_on(on) and not (article.expiry_on and article.expiry_on <= on),
                entries=entries.get(article.pk, []),
                lessons=lessons.get(_citation_key(article), []),
                expiry_on=article.expiry_for(article.document),
            )
        )
    return SearchOutcome(query, on, answers, is_confident=bool(hits) and hits[0].confident)


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
        bucket = found.setdefault(owner, [])
        if entries[entry_id] not in bucket:
            bucket.append(entries[entry_id])
    return found
