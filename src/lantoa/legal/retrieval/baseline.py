"""Plain single-field BM25 over accented syllables: the benchmark baseline."""

from __future__ import annotations

from collections.abc import Collection, Iterable

import numpy as np

from .bm25 import BM25Field
from .index import Hit, Passage
from .text import syllables


class PlainBM25:
    """BM25 over the article text split into syllables; no folding, synonyms, pairs or field weights."""

    def __init__(self, passages: Iterable[Passage], *, k1: float = 1.2, b: float = 0.75) -> None:
        self.passages = list(passages)
        self._field = BM25Field.build([syllables(p.text) for p in self.passages], k1=k1, b=b)
        self._position = {p.key: i for i, p in enumerate(self.passages)}

    def search(self, query: str, k: int = 10, allowed: Collection[str] | None = None) -> list[Hit]:
        scores = self._field.score((tok, 1.0) for tok in syllables(query))
        if allowed is not None:
            mask = np.zeros(len(self.passages), dtype=bool)
            mask[[self._position[key] for key in allowed if key in self._position]] = True
            scores = np.where(mask, scores, 0.0)
        order = np.argsort(-scores, kind="stable")[:k]
        return [
            Hit(key=p.key, doc_number=p.doc_number, article=p.article, score=float(scores[i]), confidence=0.0)
            for i in order
            if scores[i] > 0 and (p := self.passages[int(i)])
        ]


def plain_bm25_baseline(passages: Iterable[Passage]) -> PlainBM25:
    return PlainBM25(passages)
