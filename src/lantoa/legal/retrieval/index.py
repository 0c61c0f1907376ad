"""The fused multi-field BM25 search index over law articles."""

from __future__ import annotations

import json
import re
from collections.abc import Collection, Iterable, Mapping
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np

from .bm25 import BM25Field
from .synonyms import SynonymExpander, load_synonyms
from .text import bigrams, content_mask, fold, has_diacritics, syllables, token_spans

FORMAT_VERSION = 1

# Below this confidence the UI should say it found no confident answer and offer an adviser.
CONFIDENCE_THRESHOLD = 0.15


@dataclass(frozen=True, slots=True)
class Passage:
    """One retrievable unit (an article). ``key`` is unique, e.g. ``"45/2019/QH14#Điều 113"``."""

    key: str
    doc_number: str
    article: str
    title: str
    text: str
    law_title: str = ""


@dataclass(frozen=True, slots=True)
class Hit:
    """A ranked result; ``highlights`` are (start, end) character spans in the passage text.

    ``confidence`` (same for every hit of a query) is the share of the question's word pairs that the law corpus
    uses at all: questions about other matters (cooking, traffic fines) score near 0. ``coverage`` is the share
    of the question's own words, IDF-weighted, that this article contains.
    """

    key: str
    doc_number: str
    article: str
    score: float
    confidence: float
    coverage: float = 0.0
    matched_terms: tuple[str, ...] = ()
    highlights: tuple[tuple[int, int], ...] = ()

    @property
    def confident(self) -> bool:
        return self.confidence >= CONFIDENCE_THRESHOLD


@dataclass(frozen=True, slots=True)
class SearchConfig:
    """Field weights and fusion settings; stored with the index so a saved index ranks the same."""

    k1: float = 1.2
    b: float = 0.75
    w_accented: float = 0.5
    w_folded: float = 1.0
    w_bigram: float = 1.0
    w_title: float = 1.0
    w_law: float = 0.3
    w_synonym: float = 1.0
    synonym_length_damping: float = 0.5
    w_clause: float = 1.0
    sublaw_factor: float = 0.85


@dataclass(slots=True)
class _QueryTerms:
    accented: list[tuple[str, float]] = field(default_factory=list)
    folded: list[tuple[str, float]] = field(default_factory=list)
    bigram: list[tuple[str, float]] = field(default_factory=list)
    core: list[str] = field(default_factory=list)
    core_bigrams: list[str] = field(default_factory=list)
    core_accented: list[str] = field(default_factory=list)
    has_diacritics: bool = True


_SUBLAW_RE = re.compile(r"/(?:NĐ|ND|TT|QĐ|QD)(?:-|$)", re.IGNORECASE)


def is_sublaw(doc_number: str) -> bool:
    """Decrees, circulars and decisions (…/NĐ-CP, …/TT-…, …/QĐ-…) detail a law rather than state it."""
    return bool(_SUBLAW_RE.search(doc_number))


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


def _analyse(query: str, expander: SynonymExpander, config: SearchConfig) -> _QueryTerms:
    tokens = syllables(query)
    folded = [fold(t) for t in tokens]
    keep = content_mask(tokens)
    terms = _QueryTerms(has_diacritics=has_diacritics(query))
    acc = [(tok, 1.0) for tok, kept in zip(tokens, keep, strict=True) if kept]
    fol = [(ftok, 1.0) for ftok, kept in zip(folded, keep, strict=True) if kept]
    big = [(bg, 1.0) for bg in _content_bigrams(folded, keep)]
    terms.core = [ftok for ftok, _ in fol]
    terms.core_bigrams = [bg for bg, _ in big]
    terms.core_accented = [tok for tok, _ in acc]
    for matched, expansion in expander.expand(tokens):
        fexp = [fold(t) for t in expansion]
        ekeep = content_mask(expansion)
        # A long legal phrase standing for a short everyday one should not outweigh the rest of the question.
        weight = config.w_synonym * min(1.0, (matched / max(1, sum(ekeep))) ** config.synonym_length_damping)
        acc.extend((t, weight) for t, kept in zip(expansion, ekeep, strict=True) if kept)
        fol.extend((f, weight) for f, kept in zip(fexp, ekeep, strict=True) if kept)
        big.extend((bg, weight) for bg in _content_bigrams(fexp, ekeep))
    terms.accented, terms.folded, terms.bigram = _max_weights(acc), _max_weights(fol), _max_weights(big)
    return terms


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


def _body_fields(text: str) -> dict[str, list[str]]:
    body = syllables(text)
    body_folded = [fold(t) for t in body]
    return {"accented": body, "folded": body_folded, "bigram": bigrams(body_folded)}


def _doc_fields(passage: Passage) -> dict[str, list[str]]:
    title_folded = [fold(t) for t in syllables(passage.title)]
    law_folded = [fold(t) for t in syllables(passage.law_title)]
    return {
        **_body_fields(passage.text),
        "title": title_folded + bigrams(title_folded),
        "law": law_folded + bigrams(law_folded),
    }


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
    ) -> None:
        self.passages = passages
        self.fields = fields
        self.clause_doc = clause_doc
        self.synonyms = dict(synonyms)
        self.config = config
        self._expander = SynonymExpander(self.synonyms)
        self._position = {p.key: i for i, p in enumerate(passages)}
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
        per_doc = [_doc_fields(p) for p in plist]
        fields = {
            name: BM25Field.build([doc[name] for doc in per_doc], k1=config.k1, b=config.b)
            for name in ("accented", "folded", "bigram", "title", "law")
        }
        clause_doc: list[int] = []
        per_clause: list[dict[str, list[str]]] = []
        for doc_id, passage in enumerate(plist):
            for clause in split_clauses(passage.text):
                clause_doc.append(doc_id)
                per_clause.append(_body_fields(clause))
        for name in _BODY_FIELDS:
            fields[f"clause.{name}"] = BM25Field.build([c[name] for c in per_clause], k1=config.k1, b=config.b)
        return cls(
            passages=plist,
            fields=fields,
            clause_doc=np.asarray(clause_doc, dtype=np.int32),
            synonyms=load_synonyms() if synonyms is None else synonyms,
            config=config,
        )

    def __len__(self) -> int:
        return len(self.passages)

    def passage(self, key: str) -> Passage:
        return self.passages[self._position[key]]

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

    def _scores(self, terms: _QueryTerms) -> np.ndarray:
        total = np.zeros(len(self.passages), dtype=np.float32)
        clause_total = np.zeros(len(self.clause_doc), dtype=np.float32)
        for name, (weight, wterms) in self._field_weights(terms).items():
            if weight <= 0 or not wterms:
                continue
            total += weight * self.fields[name].score(wterms)
            if name in _BODY_FIELDS and self.config.w_clause > 0:
                clause_total += weight * self.fields[f"clause.{name}"].score(wterms)
        if self.config.w_clause > 0:
            best_clause = np.zeros(len(self.passages), dtype=np.float32)
            np.maximum.at(best_clause, self.clause_doc, clause_total)
            total += self.config.w_clause * best_clause
        return total * self._prior

    def _coverage(self, field_name: str, query_terms: list[str], doc: int) -> float:
        """Share of the query's own IDF mass (synonym expansions excluded) that the article contains."""
        fld = self.fields[field_name]
        # Words absent from the corpus count fully against the coverage.
        max_idf = float(fld.idf.max()) if len(fld.idf) else 1.0
        mass = matched = 0.0
        for term in dict.fromkeys(query_terms):
            idf = fld.term_idf(term) or max_idf
            mass += idf
            term_id = fld.vocab.get(term)
            if term_id is not None:
                start, end = fld.indptr[term_id], fld.indptr[term_id + 1]
                if np.any(fld.doc_ids[start:end] == doc):
                    matched += idf
        return matched / mass if mass else 0.0

    def _article_coverage(self, terms: _QueryTerms, doc: int) -> float:
        words = (
            self._coverage("accented", terms.core_accented, doc)
            if terms.has_diacritics
            else self._coverage("folded", terms.core, doc)
        )
        return 0.5 * (words + self._coverage("bigram", terms.core_bigrams, doc))

    def _confidence(self, terms: _QueryTerms) -> float:
        """Share of the question's content word pairs found anywhere in the corpus. Single syllables are no
        evidence (folded "pho", "vang" match unrelated words); pairs are, and the share hardly depends on how
        colloquially an on-topic question is phrased."""
        pairs, vocab = terms.core_bigrams, self.fields["bigram"].vocab
        if not pairs:
            pairs, vocab = terms.core, self.fields["folded"].vocab
        return sum(term in vocab for term in pairs) / len(pairs) if pairs else 0.0

    def _highlight(self, terms: _QueryTerms, doc: int) -> tuple[tuple[str, ...], tuple[tuple[int, int], ...]]:
        wanted = {t for t, _ in terms.folded}
        spans: list[tuple[int, int]] = []
        matched: dict[str, None] = {}
        for start, end, ftok in token_spans(self.passages[doc].text):
            if ftok in wanted:
                spans.append((start, end))
                matched[ftok] = None
        return tuple(matched), tuple(spans)

    def search(self, query: str, k: int = 10, allowed: Collection[str] | None = None) -> list[Hit]:
        """Top ``k`` hits; ``allowed`` restricts results to these passage keys (e.g. provisions in force)."""
        terms = _analyse(query, self._expander, self.config)
        scores = self._scores(terms)
        if allowed is not None:
            mask = np.zeros(len(self.passages), dtype=bool)
            mask[[self._position[key] for key in allowed if key in self._position]] = True
            scores = np.where(mask, scores, 0.0)
        k = min(k, len(self.passages))
        if k <= 0:
            return []
        top = np.argpartition(-scores, k - 1)[:k]
        top = top[np.argsort(-scores[top], kind="stable")]
        confidence = self._confidence(terms)
        hits: list[Hit] = []
        for doc in top:
            if scores[doc] <= 0:
                break
            matched, spans = self._highlight(terms, int(doc))
            passage = self.passages[int(doc)]
            hits.append(
                Hit(
                    key=passage.key,
                    doc_number=passage.doc_number,
                    article=passage.article,
                    score=float(scores[doc]),
                    confidence=confidence,
                    coverage=self._article_coverage(terms, int(doc)),
                    matched_terms=matched,
                    highlights=spans,
                )
            )
        return hits

    def save(self, path: Path | str) -> None:
        """Write one ``.npz`` file (no pickles): postings arrays plus a JSON header."""
        arrays: dict[str, np.ndarray] = {}
        for name, fld in self.fields.items():
            arrays.update(fld.to_arrays(name))
        arrays["clause_doc"] = self.clause_doc
        header = {
            "format": FORMAT_VERSION,
            "config": asdict(self.config),
            "synonyms": self.synonyms,
            "passages": [[p.key, p.doc_number, p.article, p.title, p.text, p.law_title] for p in self.passages],
            "vocab": {name: fld.terms() for name, fld in self.fields.items()},
        }
        arrays["header"] = np.frombuffer(json.dumps(header, ensure_ascii=False).encode("utf-8"), dtype=np.uint8)
        with Path(path).open("wb") as fh:
            np.savez(fh, **arrays)

    @classmethod
    def load(cls, path: Path | str) -> SearchIndex:
        with np.load(Path(path), allow_pickle=False) as npz:
            arrays = {name: npz[name] for name in npz.files}
        header = json.loads(arrays.pop("header").tobytes().decode("utf-8"))
        if header.get("format") != FORMAT_VERSION:
            raise ValueError(f"unsupported index format {header.get('format')!r}; rebuild the index")
        passages = [Passage(*row) for row in header["passages"]]
        fields = {
            name: BM25Field.from_arrays(
                arrays,
                name,
                terms=terms,
                n_docs=len(arrays["clause_doc"]) if name.startswith("clause.") else len(passages),
            )
            for name, terms in header["vocab"].items()
        }
        return cls(
            passages=passages,
            fields=fields,
            clause_doc=arrays["clause_doc"],
            synonyms=header["synonyms"],
            config=SearchConfig(**header["config"]),
        )
