"""A small BM25 field index with precomputed per-posting impacts (numpy only)."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np


def _idf(n_docs: int, df: np.ndarray) -> np.ndarray:
    # math.log per distinct document frequency: few distinct values, and the same rounding as a scalar formula.
    values, inverse = np.unique(df, return_inverse=True)
    table = np.array([math.log(1.0 + (n_docs - v + 0.5) / (v + 0.5)) for v in values.tolist()], dtype=np.float64)
    return table[inverse.reshape(-1)]


@dataclass(slots=True)
class BM25Field:
    """Inverted index of one field: postings of term ``t`` are ``doc_ids[indptr[t]:indptr[t+1]]`` (doc-ordered)."""

    vocab: dict[str, int]
    indptr: np.ndarray
    doc_ids: np.ndarray
    impacts: np.ndarray
    idf: np.ndarray
    n_docs: int

    @classmethod
    def build(cls, docs: Sequence[Sequence[str]], *, k1: float = 1.2, b: float = 0.75) -> BM25Field:
        """From token lists, one per document."""
        ids: dict[str, int] = {}
        term_ids = np.fromiter((ids.setdefault(tok, len(ids)) for doc in docs for tok in doc), dtype=np.int64)
        lengths = np.fromiter((len(doc) for doc in docs), dtype=np.int64, count=len(docs))
        doc_ids = np.repeat(np.arange(len(docs), dtype=np.int64), lengths)
        return cls.from_occurrences(term_ids, doc_ids, terms=list(ids), n_docs=len(docs), k1=k1, b=b)

    @classmethod
    def from_occurrences(
        cls,
        term_ids: np.ndarray,
        doc_ids: np.ndarray,
        *,
        terms: Sequence[str],
        n_docs: int,
        k1: float = 1.2,
        b: float = 0.75,
    ) -> BM25Field:
        """From one (term id, doc id) pair per token occurrence; ``terms[i]`` names term id ``i``. Terms that never
        occur are dropped from the field's vocabulary."""
        lengths = np.bincount(doc_ids, minlength=n_docs).astype(np.float64)
        avgdl = float(lengths.mean()) if n_docs and lengths.mean() > 0 else 1.0
        pairs, tf = np.unique(term_ids.astype(np.int64) * max(n_docs, 1) + doc_ids, return_counts=True)
        post_terms, post_docs = np.divmod(pairs, max(n_docs, 1))
        used, post_terms = np.unique(post_terms, return_inverse=True)
        post_terms = post_terms.reshape(-1)
        df = np.bincount(post_terms, minlength=len(used))
        idf = _idf(n_docs, df)
        indptr = np.zeros(len(used) + 1, dtype=np.int64)
        np.cumsum(df, out=indptr[1:])
        tf = tf.astype(np.float64)
        norm = k1 * (1.0 - b + b * lengths[post_docs] / avgdl)
        impacts = idf[post_terms] * tf * (k1 + 1.0) / (tf + norm)
        return cls(
            vocab={terms[t]: i for i, t in enumerate(used.tolist())},
            indptr=indptr,
            doc_ids=post_docs.astype(np.int32),
            impacts=impacts.astype(np.float32),
            idf=idf.astype(np.float32),
            n_docs=n_docs,
        )

    def score(self, weighted_terms: Iterable[tuple[str, float]]) -> np.ndarray:
        docs: list[np.ndarray] = []
        weights: list[np.ndarray] = []
        for term, weight in weighted_terms:
            term_id = self.vocab.get(term)
            if term_id is None:
                continue
            start, end = self.indptr[term_id], self.indptr[term_id + 1]
            docs.append(self.doc_ids[start:end])
            weights.append(np.float32(weight) * self.impacts[start:end])
        if not docs:
            return np.zeros(self.n_docs, dtype=np.float32)
        # One pass in C over all the postings touched, instead of a gather/add/scatter per term.
        summed = np.bincount(np.concatenate(docs), weights=np.concatenate(weights), minlength=self.n_docs)
        return summed.astype(np.float32)

    def contains(self, term: str, doc: int) -> bool:
        """Whether document ``doc`` has ``term`` (binary search in the doc-ordered postings)."""
        term_id = self.vocab.get(term)
        if term_id is None:
            return False
        postings = self.doc_ids[self.indptr[term_id] : self.indptr[term_id + 1]]
        pos = int(np.searchsorted(postings, doc))
        return pos < len(postings) and int(postings[pos]) == doc

    def holds(self, term: str, docs: np.ndarray) -> np.ndarray:
        """``contains`` for several documents at once: one binary search of the postings for all of them."""
        term_id = self.vocab.get(term)
        if term_id is None or not len(docs):
            return np.zeros(len(docs), dtype=bool)
        postings = self.doc_ids[self.indptr[term_id] : self.indptr[term_id + 1]]
        pos = np.minimum(np.searchsorted(postings, docs), len(postings) - 1)
        return postings[pos] == docs

    def doc_frequency(self, term: str) -> int:
        term_id = self.vocab.get(term)
        return 0 if term_id is None else int(self.indptr[term_id + 1] - self.indptr[term_id])

    def term_idf(self, term: str) -> float:
        term_id = self.vocab.get(term)
        return 0.0 if term_id is None else float(self.idf[term_id])

    def to_arrays(self, prefix: str) -> dict[str, np.ndarray]:
        return {
            f"{prefix}.indptr": self.indptr,
            f"{prefix}.doc_ids": self.doc_ids,
            f"{prefix}.impacts": self.impacts,
            f"{prefix}.idf": self.idf,
        }

    @classmethod
    def from_arrays(cls, arrays: dict[str, np.ndarray], prefix: str, *, terms: list[str], n_docs: int) -> BM25Field:
        return cls(
            vocab={term: i for i, term in enumerate(terms)},
            indptr=arrays[f"{prefix}.indptr"],
            doc_ids=arrays[f"{prefix}.doc_ids"],
            impacts=arrays[f"{prefix}.impacts"],
            idf=arrays[f"{prefix}.idf"],
            n_docs=n_docs,
        )

    def terms(self) -> list[str]:
        return sorted(self.vocab, key=self.vocab.__getitem__)
