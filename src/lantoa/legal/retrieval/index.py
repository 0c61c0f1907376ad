"""The fused multi-field BM25 search index over law articles."""

from __future__ import annotations

import functools
import json
import re
from array import array
from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

import numpy as np

from .bm25 import BM25Field
from .rerank import FEATURES, RANKED_PARTS, Reranker, shipped_weights
from .spelling import repair, split_units
from .synonyms import SynonymExpander, homographs, load_synonyms
from .text import QUERY_STOPWORDS, bigrams, content_mask, fold, has_diacritics, normalize, syllables, token_spans

FORMAT_VERSION = 4  # 4: a folder of .npy arrays (memory-mapped, the article texts too) and header.json
HEADER_NAME = "header.json"

CONCEPT_POOL = 30  # best-scored articles checked for the question's concepts

# Below this confidence the UI should say it found no confident answer and offer an adviser.
CONFIDENCE_THRESHOLD = 0.25


@dataclass(frozen=True, slots=True)
class Passage:
    """One retrievable unit (an article). ``key`` is unique, e.g. ``"45/2019/QH14#Điều 113"``.

    ``explained_by`` holds worker-language texts about the article, one per handbook or FAQ entry citing it.
    """

    key: str
    doc_number: str
    article: str
    title: str
    text: str
    law_title: str = ""
    explained_by: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Hit:
    """A ranked result; ``highlights`` are (start, end) character spans in the passage text.

    ``confidence`` (same for every hit of a query) is the share of the question's word pairs that the law corpus
    uses at all, with its worker-vocabulary dictionary phrases counted as found: questions about other matters
    (cooking, football, gold prices) score low. ``coverage`` is the share
    of the question's own words, IDF-weighted, that this article contains. ``grounded``: the article (or an entry
    explaining it) shares enough of the question's own word pairs; a confident hit needs both.
    """

    key: str
    doc_number: str
    article: str
    score: float
    confidence: float
    coverage: float = 0.0
    matched_terms: tuple[str, ...] = ()
    highlights: tuple[tuple[int, int], ...] = ()
    grounded: bool = True

    @property
    def confident(self) -> bool:
        return self.confidence >= CONFIDENCE_THRESHOLD and self.grounded


@dataclass(frozen=True, slots=True)
class SearchConfig:
    """Field weights and fusion settings; stored with the index so a saved index ranks the same."""

    k1: float = 1.2
    b: float = 0.75
    w_accented: float = 1.0
    w_folded: float = 1.0
    w_bigram: float = 1.0
    w_title: float = 1.0
    w_law: float = 0.3
    w_explained: float = 1.5
    w_synonym: float = 1.0
    synonym_length_damping: float = 0.5
    w_clause: float = 0.5
    sublaw_factor: float = 0.85
    w_concepts: float = 0.3  # share of the score lost by an article stating none of a short question's concepts
    concepts_max: int = 4  # questions with more concepts (stories, several questions) are not reranked
    # The learned reranker (rerank.py): feature weights ({}: none) and how many of the best articles it orders.
    rerank: dict[str, float] = field(default_factory=shipped_weights)
    rerank_pool: int = 30


@dataclass(slots=True)
class _QueryTerms:
    accented: list[tuple[str, float]] = field(default_factory=list)
    folded: list[tuple[str, float]] = field(default_factory=list)
    bigram: list[tuple[str, float]] = field(default_factory=list)
    core: list[str] = field(default_factory=list)
    core_bigrams: list[str] = field(default_factory=list)
    core_accented: list[str] = field(default_factory=list)
    evidence_pairs: list[str] = field(default_factory=list)
    phrase_terms: list[frozenset[str]] = field(default_factory=list)  # folded legal wording of each dictionary phrase
    has_diacritics: bool = True
    dictionary_hits: int = 0
    # Each thing the question asks about, as alternative spellings (each a tuple of folded terms, all required):
    # the words as typed or, for a dictionary phrase, the law's wording of it.
    concepts: list[tuple[tuple[str, ...], ...]] = field(default_factory=list)


@dataclass(slots=True)
class Analysis:
    """One question as the index analysed it, for the calls that follow a search (``query_terms``,
    ``explanation_scores``) to reuse instead of analysing it again. Made by ``SearchIndex.analyse``; holds nothing of
    another question, so it lives as long as the one request."""

    query: str
    terms: _QueryTerms
    explained_scores: np.ndarray | None = None  # each explanation text's score, filled by the ranking


_SUBLAW_RE = re.compile(r"/(?:NĐ|ND|TT|QĐ|QD)(?:-|$)", re.IGNORECASE)


def is_sublaw(doc_number: str) -> bool:
    """Decrees, circulars and decisions (…/NĐ-CP, …/TT-…, …/QĐ-…) detail a law rather than state it."""
    return bool(_SUBLAW_RE.search(doc_number))


def _article_number(article: str) -> int:
    match = re.search(r"\d+", article)
    return int(match.group()) if match else -1000


def make_key(doc_number: str, article: str) -> str:
    return f"{doc_number}#{article}"


def _max_weights(pairs: Iterable[tuple[str, float]]) -> list[tuple[str, float]]:
    best: dict[str, float] = {}
    for term, weight in pairs:
        if weight > best.get(term, 0.0):
            best[term] = weight
    return list(best.items())


def _content_bigrams(tokens: list[str], keep: list[bool]) -> list[str]:
    return [bg for bg, a, b in zip(bigrams(tokens), keep, keep[1:], strict=False) if a or b]


def _analyse(query: str, expander: SynonymExpander, config: SearchConfig, known: Collection[str]) -> _QueryTerms:
    tokens = repair(split_units(syllables(query)), known)
    folded = [fold(t) for t in tokens]
    terms = _QueryTerms(has_diacritics=has_diacritics(query))
    keep = content_mask(tokens, typed_unaccented=not terms.has_diacritics)
    acc = [(tok, 1.0) for tok, kept in zip(tokens, keep, strict=True) if kept]
    fol = [(ftok, 1.0) for ftok, kept in zip(folded, keep, strict=True) if kept]
    big = [(bg, 1.0) for bg in _content_bigrams(folded, keep)]
    terms.core = [ftok for ftok, _ in fol]
    terms.core_bigrams = [bg for bg, _ in big]
    terms.core_accented = [tok for tok, _ in acc]
    in_phrase = [False] * len(tokens)
    in_concept = [False] * len(tokens)
    for start, matched, expansion in expander.expand(tokens):
        fexp = [fold(t) for t in expansion]
        ekeep = content_mask(expansion)
        if any(ekeep):  # "ko" -> "không" is no evidence of a legal question
            terms.dictionary_hits += 1
            in_phrase[start + 1 : start + matched] = [True] * (matched - 1)
            terms.phrase_terms.append(frozenset(_content_bigrams(fexp, ekeep) or fexp))
            typed = tuple(bigrams(folded[start : start + matched])) or (folded[start],)
            law = tuple(_content_bigrams(fexp, ekeep)) or tuple(f for f, kept in zip(fexp, ekeep, strict=True) if kept)
            terms.concepts.append((typed, law))  # "chủ nhật" is stated as typed or as "nghỉ hằng tuần"
            in_concept[start : start + matched] = [True] * matched
        # A long legal phrase standing for a short everyday one should not outweigh the rest of the question.
        weight = config.w_synonym * min(1.0, (matched / max(1, sum(ekeep))) ** config.synonym_length_damping)
        acc.extend((t, weight) for t, kept in zip(expansion, ekeep, strict=True) if kept)
        fol.extend((f, weight) for f, kept in zip(fexp, ekeep, strict=True) if kept)
        big.extend((bg, weight) for bg in _content_bigrams(fexp, ekeep))
    # A pair inside one dictionary phrase ("nghỉ phép") is already counted as that phrase.
    terms.evidence_pairs = [
        pair for i, pair in enumerate(bigrams(folded)) if (keep[i] or keep[i + 1]) and not in_phrase[i + 1]
    ]
    terms.concepts += _plain_concepts(
        folded, [kept and not taken for kept, taken in zip(keep, in_concept, strict=True)]
    )
    terms.accented, terms.folded, terms.bigram = _max_weights(acc), _max_weights(fol), _max_weights(big)
    return terms


def _plain_concepts(folded: list[str], free: list[bool]) -> list[tuple[tuple[str, ...], ...]]:
    """The question's content words outside dictionary phrases: each word pair of a run of them, or a lone word."""
    concepts: list[tuple[tuple[str, ...], ...]] = []
    run: list[str] = []
    for word, is_free in [*zip(folded, free, strict=True), ("", False)]:
        if is_free:
            run.append(word)
            continue
        if len(run) == 1:
            concepts.append(((run[0],),))
        concepts.extend(((pair,),) for pair in bigrams(run))
        run = []
    return concepts


@dataclass(frozen=True, slots=True)
class QueryWords:
    """What a question is matched with in a passage. ``marks``: its content words as typed (and the dictionary's
    wording of its everyday phrases), marked where they appear as written. A word typed without diacritics may stand
    for an accented one: ``marks_folded`` holds those the law never writes as typed ("luong", "nghi"…: any accented
    spelling is meant), ``unaccented`` all of them with ``pairs_folded`` (the question's folded word pairs): a word
    the law does write unaccented ("thai") marks another spelling only beside a word it was typed with ("sa thai"
    marks "sa thải", "nghi thai san" never marks the "thải" of "sa thải")."""

    words: dict[str, float]
    pairs: dict[str, float]
    marks: frozenset[str] = frozenset()
    marks_folded: frozenset[str] = frozenset()
    unaccented: frozenset[str] = frozenset()
    pairs_folded: frozenset[str] = frozenset()

    def marks_word(self, word: str, before: str = "", after: str = "") -> bool:
        """Whether a word of a passage (between the words ``before`` and ``after``) is one of the question's
        meaningful words: never a filler ("đã", "được") and never a different word that only folds alike ("đã" for
        a typed "đa", "thải" for a typed "thai" unless the question's pair confirms it)."""
        lowered = normalize(word)
        return self.marks_folded_word(
            lowered, fold(lowered), before and fold(normalize(before)), after and fold(normalize(after))
        )

    def marks_folded_word(self, lowered: str, folded: str, before: str = "", after: str = "") -> bool:
        """``marks_word`` for a word already normalised (``lowered``) and folded, beside its neighbours folded: for
        a passage whose words are folded once and marked for many questions."""
        if lowered in QUERY_STOPWORDS:
            return False
        if lowered in self.marks:
            return True
        if folded in self.marks_folded:
            return True
        return folded in self.unaccented and (
            f"{before}_{folded}" in self.pairs_folded or f"{folded}_{after}" in self.pairs_folded
        )


def marks_of(
    query: str, terms: _QueryTerms | None = None, written: Collection[str] | None = None
) -> dict[str, frozenset[str]]:
    """The marks of a question (see QueryWords); dictionary wording counts when analysed. ``written``: the words
    the law writes (accented, as spelled); None takes every unaccented word for a possibly accented one."""
    tokens = syllables(query)
    keep = content_mask(tokens)
    own = [tok for tok, kept in zip(tokens, keep, strict=True) if kept and tok not in QUERY_STOPWORDS]
    marks = set(own) | ({t for t, _ in terms.accented} - QUERY_STOPWORDS if terms else set())
    unaccented = {tok for tok in own if fold(tok) == tok}
    return {
        "marks": frozenset(marks),
        "marks_folded": frozenset(tok for tok in unaccented if written is None or tok not in written),
        "unaccented": frozenset(unaccented),
        "pairs_folded": frozenset(bigrams([fold(t) for t in tokens])),
    }


_KHOAN_RE = re.compile(r"^\s*\d+[.)]\s")
_BODY_FIELDS = ("accented", "folded", "bigram")


def split_clauses(text: str) -> list[str]:
    """Split an article into its khoản (numbered clauses, each with its điểm); the heading line is dropped."""
    lines = [line for line in text.splitlines() if line.strip()]
    if lines and re.match(r"^\s*Điều\s+\d+", lines[0]):
        lines = lines[1:]
    chunks: list[list[str]] = []
    for line in lines:
        if not chunks or _KHOAN_RE.match(line):
            chunks.append([line])
        else:
            chunks[-1].append(line)
    return ["\n".join(chunk) for chunk in chunks] or [text]


def _phrase_terms(text: str) -> list[str]:
    folded = [fold(t) for t in syllables(text)]
    return folded + bigrams(folded)


def _phrase_fields(passages: list[Passage]) -> dict[str, list[list[str]]]:
    cache: dict[str, list[str]] = {}

    def terms(text: str) -> list[str]:
        if text not in cache:
            cache[text] = _phrase_terms(text)
        return cache[text]

    return {"title": [terms(p.title) for p in passages], "law": [terms(p.law_title) for p in passages]}


def _explanations(passages: list[Passage]) -> tuple[list[str], np.ndarray]:
    """Each distinct explanation text once, and the (text, article) pairs: row 0 text ids, row 1 article ids."""
    texts: dict[str, int] = {}
    pairs = [(texts.setdefault(text, len(texts)), doc) for doc, p in enumerate(passages) for text in p.explained_by]
    return list(texts), np.array(pairs, dtype=np.int32).reshape(-1, 2).T


def _segment_positions(starts: np.ndarray, ends: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Token positions covered by the [start, end) segments, and the segment of each position."""
    lengths = ends - starts
    segment = np.repeat(np.arange(len(starts), dtype=np.int32), lengths)
    positions = np.arange(int(lengths.sum()), dtype=np.int32)
    positions += np.repeat((starts - (np.cumsum(lengths) - lengths)).astype(np.int32), lengths)
    return positions, segment


class _Tokens:
    """Every article tokenised once into one stream of syllable ids, with article and khoản boundaries.

    The article fields and the clause fields are both read off this stream: a khoản is a run of the article's
    lines, so its tokens are a slice of the article's tokens (and pairs are only taken inside a slice)."""

    def __init__(self, passages: list[Passage]) -> None:
        ids: defaultdict[str, int] = defaultdict()
        ids.default_factory = ids.__len__  # a new syllable gets the next id, looked up at C speed by map()
        stream = array("l")  # compact machine ints, not a list of int objects
        doc_bounds: list[int] = [0]
        clause_starts: list[int] = []
        clause_ends: list[int] = []
        clause_doc: list[int] = []
        for doc_id, passage in enumerate(passages):
            lines = [line for line in passage.text.splitlines() if line.strip()]
            line_bounds = [len(stream)]
            for line in lines:
                stream.extend(map(ids.__getitem__, syllables(line)))
                line_bounds.append(len(stream))
            for first, last in _clause_line_ranges(lines):
                clause_starts.append(line_bounds[first])
                clause_ends.append(line_bounds[last])
                clause_doc.append(doc_id)
            doc_bounds.append(len(stream))
        self.accented_terms = list(ids)
        folded_ids: dict[str, int] = {}
        fold_map = np.array([folded_ids.setdefault(fold(t), len(folded_ids)) for t in ids], dtype=np.int32)
        self.folded_terms = list(folded_ids)
        self.accented = np.frombuffer(stream, dtype=np.int_).astype(np.int32)
        del stream
        self.folded = fold_map[self.accented] if len(self.accented) else self.accented
        bounds = np.array(doc_bounds, dtype=np.int64)
        self.doc_positions, self.doc_of = _segment_positions(bounds[:-1], bounds[1:])
        self.clause_positions, self.clause_of = _segment_positions(
            np.array(clause_starts, dtype=np.int64), np.array(clause_ends, dtype=np.int64)
        )
        self.clause_doc = np.array(clause_doc, dtype=np.int32)

    def bigram_keys(self, positions: np.ndarray, segment: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Folded pair keys (first * vocabulary + second) of adjacent positions inside one segment."""
        same = (segment[:-1] == segment[1:]) & (positions[1:] == positions[:-1] + 1)
        first = positions[:-1][same]
        keys = self.folded[first].astype(np.int64) * len(self.folded_terms) + self.folded[first + 1]
        return keys, segment[:-1][same]


def _clause_line_ranges(lines: list[str]) -> list[tuple[int, int]]:
    """Line ranges of the khoản, as ``split_clauses`` cuts them; an article without any is one clause."""
    begin = 1 if lines and re.match(r"^\s*Điều\s+\d+", lines[0]) else 0
    ranges: list[tuple[int, int]] = []
    for i in range(begin, len(lines)):
        if not ranges or _KHOAN_RE.match(lines[i]):
            ranges.append((i, i + 1))
        else:
            ranges[-1] = (ranges[-1][0], i + 1)
    return ranges or [(0, len(lines))]


def _body_field_set(
    tokens: _Tokens, positions: np.ndarray, segment: np.ndarray, n_docs: int, config: SearchConfig
) -> dict[str, BM25Field]:
    keys, key_segment = tokens.bigram_keys(positions, segment)
    pair_keys, pair_ids = np.unique(keys, return_inverse=True)
    first, second = np.divmod(pair_keys, max(len(tokens.folded_terms), 1))
    folded_terms = tokens.folded_terms
    pair_terms = [f"{folded_terms[a]}_{folded_terms[b]}" for a, b in zip(first.tolist(), second.tolist(), strict=True)]
    build = functools.partial(BM25Field.from_occurrences, n_docs=n_docs, k1=config.k1, b=config.b)
    return {
        "accented": build(tokens.accented[positions], segment, terms=tokens.accented_terms),
        "folded": build(tokens.folded[positions], segment, terms=folded_terms),
        "bigram": build(pair_ids.reshape(-1), key_segment, terms=pair_terms),
    }


class _TextStore:
    """Strings kept as one UTF-8 byte array and their offsets (both memory-mapped when loaded)."""

    def __init__(self, data: np.ndarray, offsets: np.ndarray) -> None:
        self.data, self.offsets = data, offsets

    @staticmethod
    def arrays(texts: list[str]) -> dict[str, np.ndarray]:
        encoded = [text.encode("utf-8") for text in texts]
        offsets = np.zeros(len(encoded) + 1, dtype=np.int64)
        np.cumsum([len(b) for b in encoded], out=offsets[1:])
        return {"texts.bytes": np.frombuffer(b"".join(encoded), dtype=np.uint8), "texts.offsets": offsets}

    def __getitem__(self, i: int) -> str:
        return self.data[int(self.offsets[i]) : int(self.offsets[i + 1])].tobytes().decode("utf-8", errors="replace")

    def check(self, n: int) -> None:
        if len(self.offsets) != n + 1 or int(self.offsets[-1]) != len(self.data):
            raise ValueError("article texts truncated")


class SearchIndex:
    """Multi-field BM25 with query-side synonym expansion, fused by a weighted score sum.

    Fields: accented syllables, diacritic-folded syllables and folded syllable pairs, over the whole article and
    over each khoản (an article scores its best khoản, so one matching clause of a long article counts), plus
    the article title and the law title.
    """

    def __init__(
        self,
        *,
        passages: list[Passage],
        fields: dict[str, BM25Field],
        clause_doc: np.ndarray,
        synonyms: Mapping[str, str],
        config: SearchConfig,
        explained_pairs: np.ndarray,
        texts: _TextStore | None = None,
    ) -> None:
        self.passages = passages
        # A loaded index keeps the article texts (most of its size) in a memory-mapped blob, not as Python strings:
        # they are only read to mark a hit's words.
        self._texts = texts
        self.fields = fields
        self.clause_doc = clause_doc
        self.explained_pairs = explained_pairs
        self._explained_texts: defaultdict[int, list[int]] = defaultdict(list)  # article -> its explanation ids
        for text_id, doc in explained_pairs.T.tolist():
            self._explained_texts[doc].append(text_id)
        self._explanation_ids: dict[str, int] = {}  # text -> its id in the "explained" field, as _explanations numbers
        for p in passages:
            for text in p.explained_by:
                self._explanation_ids.setdefault(text, len(self._explanation_ids))
        self.synonyms = dict(synonyms)
        self.config = config
        accented = fields["accented"]
        counts = np.diff(accented.indptr).tolist()
        frequency = {term: counts[term_id] for term, term_id in accented.vocab.items()}
        self._expander = SynonymExpander(self.synonyms, homographs(self.synonyms, frequency))
        # Words a question may use as typed: the law's own, the dictionary's and the fillers; others are repaired.
        self._known = set(fields["folded"].vocab) | {fold(w) for lhs in self.synonyms for w in syllables(lhs)}
        self._known |= {fold(w) for w in QUERY_STOPWORDS}
        self._position = {p.key: i for i, p in enumerate(passages)}
        self._clause_starts = np.searchsorted(clause_doc, np.arange(len(passages)))
        acts: dict[str, int] = {}
        self._act_of = np.array([acts.setdefault(p.doc_number, len(acts)) for p in passages], dtype=np.int32)
        self._number_of = np.array([_article_number(p.article) for p in passages], dtype=np.int32)
        self._lengths = (
            np.diff(texts.offsets).astype(np.float64)
            if texts is not None
            else np.array([len(p.text.encode("utf-8")) for p in passages], dtype=np.float64)
        )
        self.reranker = Reranker.from_config(config)
        # Workers ask what the law says; a decree article detailing the same point should rank just below it.
        self._prior = np.array(
            [config.sublaw_factor if is_sublaw(p.doc_number) else 1.0 for p in passages], dtype=np.float32
        )

    @classmethod
    def build(
        cls,
        passages: Iterable[Passage],
        synonyms: Mapping[str, str] | None = None,
        *,
        config: SearchConfig | None = None,
    ) -> SearchIndex:
        """Build from passages; ``synonyms=None`` loads the shipped dictionary (pass ``{}`` for none)."""
        config = config or SearchConfig()
        plist = list(passages)
        if len({p.key for p in plist}) != len(plist):
            raise ValueError("passage keys must be unique")
        tokens = _Tokens(plist)
        fields = _body_field_set(tokens, tokens.doc_positions, tokens.doc_of, len(plist), config)
        clause_fields = _body_field_set(
            tokens, tokens.clause_positions, tokens.clause_of, len(tokens.clause_doc), config
        )
        fields.update({f"clause.{name}": fld for name, fld in clause_fields.items()})
        for name, docs in _phrase_fields(plist).items():
            fields[name] = BM25Field.build(docs, k1=config.k1, b=config.b)
        texts, explained_pairs = _explanations(plist)
        fields["explained"] = BM25Field.build([_phrase_terms(t) for t in texts], k1=config.k1, b=config.b)
        return cls(
            passages=plist,
            fields=fields,
            clause_doc=tokens.clause_doc,
            synonyms=load_synonyms() if synonyms is None else synonyms,
            config=config,
            explained_pairs=explained_pairs,
        )

    def __len__(self) -> int:
        return len(self.passages)

    def passage(self, key: str) -> Passage:
        doc = self._position[key]
        passage = self.passages[doc]
        return passage if self._texts is None else replace(passage, text=self._text(doc))

    def _text(self, doc: int) -> str:
        return self.passages[doc].text if self._texts is None else self._texts[doc]

    def _field_weights(self, terms: _QueryTerms) -> dict[str, tuple[float, list[tuple[str, float]]]]:
        cfg = self.config
        title_terms = _max_weights([*terms.folded, *terms.bigram])
        return {
            # Unaccented queries would only hit homographs in the accented field, so it is switched off.
            "accented": (cfg.w_accented if terms.has_diacritics else 0.0, terms.accented),
            "folded": (cfg.w_folded, terms.folded),
            "bigram": (cfg.w_bigram, terms.bigram),
            "title": (cfg.w_title, title_terms),
            "law": (cfg.w_law, title_terms),
        }

    def _scores(self, terms: _QueryTerms, analysis: Analysis | None = None) -> np.ndarray:
        return self._components(terms, analysis)[0]

    def _components(
        self, terms: _QueryTerms, analysis: Analysis | None = None
    ) -> tuple[np.ndarray, dict[str, np.ndarray]]:
        """The fused score of every article and each field's weighted part of it (the reranker's features)."""
        parts: dict[str, np.ndarray] = {}
        clause_total = np.zeros(len(self.clause_doc), dtype=np.float32)
        for name, (weight, wterms) in self._field_weights(terms).items():
            if weight <= 0 or not wterms:
                continue
            parts[name] = weight * self.fields[name].score(wterms)
            if name in _BODY_FIELDS and self.config.w_clause > 0:
                clause_total += weight * self.fields[f"clause.{name}"].score(wterms)
        if self.config.w_clause > 0 and len(clause_total):
            # Every article has at least one clause, in article order: a segmented maximum.
            parts["clause"] = self.config.w_clause * np.maximum.reduceat(clause_total, self._clause_starts)
        if self.config.w_explained > 0 and self.explained_pairs.size:
            # An article scores its best-matching explanation: one entry asked in the worker's words counts fully,
            # however many other entries cite the article.
            text_scores = self._explained_scores(terms)
            if analysis is not None:
                analysis.explained_scores = text_scores
            best_explained = np.zeros(len(self.passages), dtype=np.float32)
            np.maximum.at(best_explained, self.explained_pairs[1], text_scores[self.explained_pairs[0]])
            parts["explained"] = self.config.w_explained * best_explained
        total = np.zeros(len(self.passages), dtype=np.float32)
        for values in parts.values():
            total += values
        return total * self._prior, parts

    def pool_features(
        self, terms: _QueryTerms, scores: np.ndarray, parts: Mapping[str, np.ndarray], docs: np.ndarray
    ) -> np.ndarray:
        """One row of ``rerank.FEATURES`` per candidate article (``docs``, best first by ``scores``): its fused score
        and each field's part, scaled to the pool's best, its coverage, concept share and grounding, how much of the
        question its title holds, and how its neighbours in the same act (two articles either side) scored."""
        rows = np.zeros((len(docs), len(FEATURES)), dtype=np.float64)
        if not len(docs):
            return rows
        column = {name: i for i, name in enumerate(FEATURES)}
        relative = scores[docs] / max(float(scores[docs].max()), 1e-9)
        rows[:, column["score"]] = relative
        rows[:, column["reciprocal_rank"]] = 1.0 / np.arange(1, len(docs) + 1)
        for name, values in parts.items():
            pooled = values[docs]
            rows[:, column[name]] = pooled / max(float(pooled.max()), 1e-9)
            if name in RANKED_PARTS:
                rows[np.argsort(-pooled, kind="stable"), column[f"rank_{name}"]] = 1.0 / np.arange(1, len(docs) + 1)
        title = self.fields["title"]
        title_terms = [t for t in dict.fromkeys([*terms.core, *terms.core_bigrams]) if title.term_idf(t) > 0]
        title_mass = sum(title.term_idf(t) for t in title_terms)
        act, number = self._act_of[docs], self._number_of[docs]
        rows[:, column["coverage"]] = self._article_coverages(terms, docs)
        rows[:, column["concepts"]] = self._concept_shares(terms, docs)
        rows[:, column["grounded"]] = self._grounded(terms, docs)
        if title_mass:
            found = np.zeros(len(docs))
            for term in title_terms:
                found[title.holds(term, docs)] += title.term_idf(term)
            rows[:, column["title_share"]] = found / title_mass
        for row in range(len(docs)):
            near = (act == act[row]) & (np.abs(number - number[row]) <= 2)
            near[row] = False
            rows[row, column["neighbour"]] = float(relative[near].max()) if near.any() else 0.0
        rows[:, column["sublaw"]] = self._prior[docs] < 1.0
        rows[:, column["explained_any"]] = [bool(self._explained_texts.get(doc)) for doc in docs.tolist()]
        rows[:, column["length"]] = np.log1p(self._lengths[docs]) / 10.0
        return rows

    def _explained_scores(self, terms: _QueryTerms) -> np.ndarray:
        return self.fields["explained"].score(_max_weights([*terms.folded, *terms.bigram]))

    def _field_of(self, term: str) -> BM25Field:
        return self.fields["bigram" if "_" in term else "folded"]

    def _concept_shares(self, terms: _QueryTerms, docs: np.ndarray) -> np.ndarray:
        """IDF-weighted share of the question's concepts that each article's own text states in some spelling."""
        mass, found = 0.0, np.zeros(len(docs))
        for concept in terms.concepts:
            weight = max((self._field_of(t).term_idf(t) for spelling in concept for t in spelling), default=0.0)
            if weight <= 0:
                continue  # no article has it: says nothing about this one
            mass += weight
            stated = np.zeros(len(docs), dtype=bool)
            for spelling in concept:
                stated |= functools.reduce(np.logical_and, (self._field_of(t).holds(t, docs) for t in spelling))
            found[stated] += weight
        return found / mass if mass else np.ones(len(docs))

    def _coverages(self, field_name: str, query_terms: list[str], docs: np.ndarray) -> np.ndarray:
        """Share of the query's own IDF mass (synonym expansions excluded) that each article contains."""
        fld = self.fields[field_name]
        # Words absent from the corpus count fully against the coverage.
        max_idf = float(fld.idf.max()) if len(fld.idf) else 1.0
        mass, matched = 0.0, np.zeros(len(docs))
        for term in dict.fromkeys(query_terms):
            idf = fld.term_idf(term) or max_idf
            mass += idf
            matched[fld.holds(term, docs)] += idf
        return matched / mass if mass else np.zeros(len(docs))

    def _article_coverages(self, terms: _QueryTerms, docs: np.ndarray) -> np.ndarray:
        words = (
            self._coverages("accented", terms.core_accented, docs)
            if terms.has_diacritics
            else self._coverages("folded", terms.core, docs)
        )
        return 0.5 * (words + self._coverages("bigram", terms.core_bigrams, docs))

    def _confidence(self, terms: _QueryTerms) -> float:
        """Share of the question's evidence units that belong to the law's language: its content word pairs found
        anywhere in the corpus, plus its worker-vocabulary phrases found in the synonym dictionary (BHXH, tăng ca,
        sếp…), each counting as one unit found. Single syllables are no evidence (folded "pho", "vang" match
        unrelated words); pairs are, and the share hardly depends on how colloquially an on-topic question is
        phrased. Questions about other matters (cooking, football, gold prices) score low."""
        pairs, vocab = terms.evidence_pairs, self.fields["bigram"].vocab
        if not pairs:
            pairs, vocab = terms.core, self.fields["folded"].vocab
        total = len(pairs) + terms.dictionary_hits
        return (sum(term in vocab for term in pairs) + terms.dictionary_hits) / total if total else 0.0

    def _grounded(self, terms: _QueryTerms, docs: np.ndarray) -> np.ndarray:
        """Does each article (its text or its explanations) share enough of the question's own word pairs and
        dictionary phrases? A question about something else can use the law's common words (công ty, tiền, được
        không) and still name nothing this article deals with: two shared units are asked of a question with three
        or more word pairs, one of a shorter one."""
        explained = self.fields["explained"]
        texts_of, articles_of = self.explained_pairs if self.explained_pairs.size else (np.zeros(0), np.zeros(0))

        @functools.cache
        def found(term: str) -> np.ndarray:
            field = self.fields["bigram" if "_" in term else "folded"]
            if field.doc_frequency(term) > max(1, field.n_docs // 10):
                return np.zeros(len(docs), dtype=bool)  # in one article of ten or more: says nothing about this one
            stated = field.holds(term, docs)
            term_id = explained.vocab.get(term)
            if term_id is None:
                return stated
            in_texts = explained.doc_ids[explained.indptr[term_id] : explained.indptr[term_id + 1]]
            return stated | np.isin(docs, articles_of[np.isin(texts_of, in_texts)])

        pairs = set(terms.core_bigrams)
        support = np.zeros(len(docs), dtype=np.int64)
        for pair in pairs:
            support += found(pair)
        for phrase in terms.phrase_terms:
            support += functools.reduce(np.logical_or, map(found, phrase), np.zeros(len(docs), dtype=bool))
        return support >= (2 if len(pairs) >= 3 else 1)

    def _highlight(self, terms: _QueryTerms, doc: int) -> tuple[tuple[str, ...], tuple[tuple[int, int], ...]]:
        wanted = {t for t, _ in terms.folded}
        spans: list[tuple[int, int]] = []
        matched: dict[str, None] = {}
        for start, end, ftok in token_spans(self._text(doc)):
            if ftok in wanted:
                spans.append((start, end))
                matched[ftok] = None
        return tuple(matched), tuple(spans)

    def analyse(self, query: str) -> Analysis:
        """The question analysed once, to pass to ``search``, ``query_terms`` and ``explanation_scores``."""
        return Analysis(query, _analyse(query, self._expander, self.config, self._known))

    def _analysed(self, query: str, analysis: Analysis | None) -> Analysis:
        if analysis is None:
            return self.analyse(query)
        if analysis.query != query:
            raise ValueError("the analysis passed is of another question")
        return analysis

    def query_terms(self, query: str, analysis: Analysis | None = None) -> QueryWords:
        """The folded words and word pairs the question is searched with (its own and its dictionary wording), each
        with its IDF in the articles (how much sharing it says about a passage), and the words worth marking."""
        terms = self._analysed(query, analysis).terms
        words, pairs = self.fields["folded"], self.fields["bigram"]
        return QueryWords(
            words={t: words.term_idf(t) for t, _ in terms.folded},
            pairs={t: pairs.term_idf(t) for t, _ in terms.bigram},
            **marks_of(query, terms, self.fields["accented"].vocab),
        )

    def explanation_scores(self, query: str, texts: list[str], analysis: Analysis | None = None) -> list[float]:
        """How well each explanation text (as passed in ``Passage.explained_by``) answers the question, scored as
        the ranking scores it; 0 for a text the index does not hold. With the ``analysis`` a search filled, the
        ranking's scores are read, not computed again."""
        analysed = self._analysed(query, analysis)
        if not self.explained_pairs.size:
            return [0.0] * len(texts)
        scores = analysed.explained_scores
        if scores is None:
            scores = analysed.explained_scores = self._explained_scores(analysed.terms)
        ids = [self._explanation_ids.get(text) for text in texts]
        return [0.0 if i is None else float(scores[i]) for i in ids]

    def is_short(self, terms: _QueryTerms) -> bool:
        """At most ``concepts_max`` concepts: ordered by the concepts it states; longer questions by the reranker
        (the labelled sets hold too few short questions to fit it on them)."""
        return len(terms.concepts) <= self.config.concepts_max

    def fused_scores(
        self, analysis: Analysis, allowed: Collection[str] | None = None, k: int = 10
    ) -> tuple[np.ndarray, dict[str, np.ndarray]]:
        """Every article's score before the reranker (0 outside ``allowed``), and each field's part of it."""
        terms = analysis.terms
        scores, parts = self._components(terms, analysis)
        if allowed is not None:
            mask = np.zeros(len(self.passages), dtype=bool)
            mask[[self._position[key] for key in allowed if key in self._position]] = True
            scores = np.where(mask, scores, 0.0)
        if self.config.w_concepts > 0 and self.is_short(terms):
            # A short question asks about each of its few things: among the best candidates, an article whose
            # text states only some of them ("chủ nhật" but not "làm thêm") yields to one that states them all.
            size = min(len(self.passages), max(k, CONCEPT_POOL))
            pool = np.argpartition(-scores, size - 1)[:size]
            factors = 1.0 - self.config.w_concepts * (1.0 - self._concept_shares(terms, pool))
            scores[pool] *= factors.astype(scores.dtype)
        return scores, parts

    def search(
        self, query: str, k: int = 10, allowed: Collection[str] | None = None, analysis: Analysis | None = None
    ) -> list[Hit]:
        """Top ``k`` hits; ``allowed`` restricts results to these passage keys (e.g. provisions in force);
        ``analysis``: the question as ``analyse`` made it, kept for the calls after the search."""
        analysed = self._analysed(query, analysis)
        terms = analysed.terms
        k = min(k, len(self.passages))
        if k <= 0:
            return []
        scores, parts = self.fused_scores(analysed, allowed, k)
        if self.reranker is not None and not self.is_short(terms):
            scores = self._reranked(self.reranker, terms, scores, parts)
        top = np.argpartition(-scores, k - 1)[:k]
        top = top[np.argsort(-scores[top], kind="stable")]
        top = top[: int(np.count_nonzero(scores[top] > 0))]
        confidence = self._confidence(terms)
        coverages, grounded = self._article_coverages(terms, top), self._grounded(terms, top)
        hits: list[Hit] = []
        for position, doc in enumerate(top):
            matched, spans = self._highlight(terms, int(doc))
            passage = self.passages[int(doc)]
            hits.append(
                Hit(
                    key=passage.key,
                    doc_number=passage.doc_number,
                    article=passage.article,
                    score=float(scores[doc]),
                    confidence=confidence,
                    coverage=float(coverages[position]),
                    grounded=bool(grounded[position]),
                    matched_terms=matched,
                    highlights=spans,
                )
            )
        return hits

    def candidates(self, scores: np.ndarray, size: int) -> np.ndarray:
        """The ``size`` best-scored articles with a score above 0, best first (ties: lower position first)."""
        size = min(size, len(scores))
        if size <= 0:
            return np.zeros(0, dtype=np.int64)
        pool = np.argpartition(-scores, size - 1)[:size]
        pool = pool[np.argsort(-scores[pool], kind="stable")]
        return pool[scores[pool] > 0]

    def _reranked(
        self, reranker: Reranker, terms: _QueryTerms, scores: np.ndarray, parts: Mapping[str, np.ndarray]
    ) -> np.ndarray:
        """The pool ordered by the reranker, its scores kept (the best fused score stays first's) and every other
        article scaled below the pool's last."""
        pool = self.candidates(scores, reranker.pool)
        if len(pool) < 2:
            return scores
        order = reranker.order(self.pool_features(terms, scores, parts, pool))
        ranked = np.sort(scores[pool])[::-1]  # the pool's scores, handed out in the new order
        result = scores * (ranked[-1] / ranked[0])
        result[pool[order]] = ranked
        return result

    def save(self, path: Path | str) -> None:
        """Write a folder (no pickles): one ``.npy`` file per postings array and a JSON header. The arrays are
        read back memory-mapped, so processes loading the same folder share their pages."""
        folder = Path(path)
        folder.mkdir(parents=True, exist_ok=True)
        arrays: dict[str, np.ndarray] = {}
        for name, fld in self.fields.items():
            arrays.update(fld.to_arrays(name))
        arrays["clause_doc"] = self.clause_doc
        arrays["explained_pairs"] = self.explained_pairs
        arrays.update(_TextStore.arrays([self._text(doc) for doc in range(len(self.passages))]))
        for name, values in arrays.items():
            np.save(folder / f"{name}.npy", np.ascontiguousarray(values), allow_pickle=False)
        header = {
            "format": FORMAT_VERSION,
            "arrays": sorted(arrays),
            "config": asdict(self.config),
            "synonyms": self.synonyms,
            "passages": [
                [p.key, p.doc_number, p.article, p.title, "", p.law_title, p.explained_by] for p in self.passages
            ],
            "vocab": {name: fld.terms() for name, fld in self.fields.items()},
            "n_docs": {name: fld.n_docs for name, fld in self.fields.items()},
        }
        (folder / HEADER_NAME).write_text(json.dumps(header, ensure_ascii=False), encoding="utf-8")

    @classmethod
    def load(cls, path: Path | str, *, mmap: bool = True) -> SearchIndex:
        """Read a folder written by ``save``; ``ValueError`` when it is incomplete, damaged or of another format."""
        folder = Path(path)
        try:
            header = json.loads((folder / HEADER_NAME).read_text(encoding="utf-8"))
            if not isinstance(header, dict) or header.get("format") != FORMAT_VERSION:
                raise ValueError(f"unsupported index format in {folder}; rebuild the index")
            arrays = {
                name: np.load(folder / f"{name}.npy", mmap_mode="r" if mmap else None, allow_pickle=False)
                for name in header["arrays"]
            }
            passages = [
                Passage(row[0], row[1], row[2], row[3], row[4], row[5], explained_by=tuple(row[6]))
                for row in header["passages"]
            ]
            seen: dict[str, str] = {}  # one string per term, however many fields hold it (clause.* repeat the body's)
            fields = {
                name: BM25Field.from_arrays(
                    arrays, name, terms=[seen.setdefault(t, t) for t in terms], n_docs=header["n_docs"][name]
                )
                for name, terms in header["vocab"].items()
            }
            del seen
            index = cls(
                passages=passages,
                fields=fields,
                clause_doc=arrays["clause_doc"],
                synonyms=header["synonyms"],
                config=SearchConfig(**{**header["config"], "rerank": dict(header["config"].get("rerank", {}))}),
                explained_pairs=arrays["explained_pairs"],
                texts=_TextStore(arrays["texts.bytes"], arrays["texts.offsets"]),
            )
        except (OSError, KeyError, TypeError, IndexError, UnicodeDecodeError) as error:
            raise ValueError(f"search index {folder} cannot be read: {error!r}") from error
        index.check()
        return index

    def check(self) -> None:
        """Cheap consistency checks on a loaded index (shapes only: reading every posting would load it all into
        memory): arrays that disagree with the header (a truncated or foreign file) raise ``ValueError`` here.
        Damaged values of the right size surface as errors of ``search``, which the caller must catch."""
        n = len(self.passages)
        for name, fld in self.fields.items():
            if len(fld.indptr) != len(fld.vocab) + 1 or len(fld.idf) != len(fld.vocab):
                raise ValueError(f"field {name}: vocabulary and postings disagree")
            if len(fld.doc_ids) != len(fld.impacts) or (len(fld.indptr) and int(fld.indptr[-1]) != len(fld.doc_ids)):
                raise ValueError(f"field {name}: postings truncated")
        if len(self.clause_doc) and int(self.clause_doc[-1]) >= n:
            raise ValueError("clauses beyond the articles")
        if self._texts is not None:
            self._texts.check(n)
