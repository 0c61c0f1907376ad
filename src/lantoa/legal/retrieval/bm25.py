"""A small BM25 field index with precomputed per-posting impacts (numpy only)."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np


@dataclass(slots=True)
class BM25Field:
    """Inverted index of one field: postings of term ``t`` are ``doc_ids[indptr[t]:indptr[t+1]]``."""

    vocab: dict[str, int]
    indptr: np.ndarray
    doc_ids: np.ndarray
    impacts: np.ndarray
    idf: np.ndarray
    n_docs: int

    @classmethod
    def build(cls, docs: Sequence[Sequence[str]], *, k1: float = 1.2, b: float = 0.75) -> BM25Field:
        n_docs = len(docs)
        counts = [Counter(doc) for doc in docs]
        lengths = np.array([len(doc) for doc in docs], dtype=np.float64)
        avgdl = float(lengths.mean()) if n_docs and lengths.mean() > 0 else 1.0
        postings: dict[str, list[tuple[int, int]]] = {}
        for doc_id, counter in enumerate(counts):
            for term, tf in counter.items():
                postings.setdefault(term, []).append((doc_id, tf))
        vocab = {term: i for i, term in enumerate(sorted(postings))}
        indptr = np.zeros(len(vocab) + 1, dtype=np.int64)
        doc_ids: list[int] = []
        impacts: list[float] = []
        idf = np.zeros(len(vocab), dtype=np.float32)
        for term, term_id in vocab.items():
            plist = postings[term]
            df = len(plist)
            term_idf = math.log(1.0 + (n_docs - df + 0.5) / (df + 0.5))
            idf[term_id] = term_idf
            for doc_id, tf in plist:
                norm = k1 * (1.0 - b + b * lengths[doc_id] / avgdl)
                doc_ids.append(doc_id)
                impacts.append(term_idf * tf * (k1 + 1.0) / (tf + norm))
            indptr[term_id + 1] = len(doc_ids)
        return cls(
            vocab=vocab,
            indptr=indptr,
            doc_ids=np.asarray(doc_ids, dtype=np.int32),
            impacts=np.asarray(impacts, dtype=np.float32),
            idf=idf,
            n_docs=n_docs,
        )

    def score(self, weighted_terms: Iterable[tuple[str, float]]) -> np.ndarray:
        scores = np.zeros(self.n_docs, dtype=np.float32)
        for term, weight in weighted_terms:
            term_id = self.vocab.get(term)
            if term_id is None:
                continue
            start, end = self.indptr[term_id], self.indptr[term_id + 1]
            scores[self.doc_ids[start:end]] += weight * self.impacts[start:end]
        return scores

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
