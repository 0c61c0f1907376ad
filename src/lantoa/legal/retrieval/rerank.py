"""A learned linear reranker over the best-scored articles of a question.

The index scores every article by its fused fields; the ``pool`` best are then ordered by a weighted sum of
features the index computes for each (``SearchIndex.pool_features``). The weights are fitted offline on labelled
worker questions (``fit``: a listwise softmax loss, the right article's share of the pool), shipped in
``data/rerank.json`` and stored with a saved index in its ``SearchConfig``.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    from .index import SearchConfig, SearchIndex

FEATURES = (
    "score",  # fused score, scaled to the pool's best
    "reciprocal_rank",  # 1 / rank by the fused score
    "accented",
    "folded",
    "bigram",
    "title",
    "law",
    "clause",
    "explained",  # each field's part of the fused score, scaled to the pool's best
    "coverage",
    "concepts",
    "grounded",
    "title_share",  # IDF share of the question's words and pairs found in the article's title
    "neighbour",  # best scaled score of an article of the same act at most two articles away
    "sublaw",
    "explained_any",  # some handbook/FAQ entry explains the article
    "length",  # log of the article's length
    "rank_bigram",
    "rank_title",
    "rank_clause",
    "rank_explained",  # 1 / rank in the pool by that field's part alone
)
RANKED_PARTS = ("bigram", "title", "clause", "explained")

DEFAULT_RERANK_PATH = Path(__file__).parent / "data" / "rerank.json"


def shipped_weights(path: Path = DEFAULT_RERANK_PATH) -> dict[str, float]:
    """The fitted weights shipped with the package ({} when the file is absent: no reranking)."""
    if not path.is_file():
        return {}
    data = json.loads(path.read_text(encoding="utf-8"))
    return {str(name): float(value) for name, value in data["weights"].items()}


@dataclass(frozen=True, slots=True)
class Reranker:
    weights: np.ndarray  # one per FEATURES
    pool: int

    @classmethod
    def from_config(cls, config: SearchConfig) -> Reranker | None:
        unknown = set(config.rerank) - set(FEATURES)
        if unknown:
            raise ValueError(f"unknown reranker features: {sorted(unknown)}")
        if not config.rerank or config.rerank_pool < 2:
            return None
        weights = np.array([config.rerank.get(name, 0.0) for name in FEATURES], dtype=np.float64)
        return cls(weights, config.rerank_pool)

    def order(self, features: np.ndarray) -> np.ndarray:
        """Positions of the pool's rows, best first (ties keep the fused order)."""
        return np.argsort(-(features @ self.weights), kind="stable")


def _stack(pools: Sequence[tuple[np.ndarray, np.ndarray]]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Pools of any size as one (question, row, feature) array, a mask of real rows and the relevance."""
    usable = [(f, r) for f, r in pools if r.any()]
    size = max((len(r) for _f, r in usable), default=0)
    features = np.zeros((len(usable), size, len(FEATURES)))
    real = np.zeros((len(usable), size), dtype=bool)
    relevant = np.zeros((len(usable), size))
    for i, (f, r) in enumerate(usable):
        features[i, : len(r)], real[i, : len(r)], relevant[i, : len(r)] = f, True, r
    return features, real, relevant


def _loss(
    weights: np.ndarray, features: np.ndarray, real: np.ndarray, relevant: np.ndarray, l2: float
) -> tuple[float, np.ndarray]:
    """Mean of -log(probability of the relevant rows) under a softmax over each pool, plus an L2 penalty."""
    logits = np.where(real, features @ weights, -np.inf)
    logits -= logits.max(axis=1, keepdims=True)
    p = np.exp(logits)
    p /= p.sum(axis=1, keepdims=True)
    hit = (p * relevant).sum(axis=1)
    q = p * relevant / np.maximum(hit, 1e-12)[:, None]  # p restricted to the relevant rows
    n = max(len(features), 1)
    grad = np.einsum("qr,qrf->f", p - q, features) / n + 2.0 * l2 * weights
    return float(-np.log(hit + 1e-12).mean() + l2 * weights @ weights), grad


def fit(
    pools: Sequence[tuple[np.ndarray, np.ndarray]], *, l2: float = 1e-4, steps: int = 1000, rate: float = 0.5
) -> dict[str, float]:
    """Weights maximising the pooled probability of the relevant articles. ``pools``: per question, its pool's
    feature rows (``pool_features``) and a 0/1 vector of which rows answer it (questions with none are skipped).
    Gradient descent with momentum from the fused order (all weight on ``score``)."""
    features, real, relevant = _stack(pools)
    weights = np.zeros(len(FEATURES))
    weights[FEATURES.index("score")] = 1.0
    velocity = np.zeros_like(weights)
    for _step in range(steps):
        _value, grad = _loss(weights, features, real, relevant, l2)
        velocity = 0.9 * velocity - rate * grad
        weights += velocity
    return {name: round(float(value), 4) for name, value in zip(FEATURES, weights, strict=True)}


@dataclass(frozen=True, slots=True)
class Pool:
    """One labelled question's candidates: their feature rows, which answer it, how it was typed."""

    features: np.ndarray
    relevant: np.ndarray
    no_diacritics: bool
    reranked: bool = True  # False for a short question, which the search leaves in the fused order


def pools_of(
    index: SearchIndex, questions: Sequence[Mapping[str, Any]], *, allowed: Collection[str] | None, size: int
) -> list[Pool]:
    """Each question's ``size`` best articles by the fused score (``allowed`` only), as the reranker sees them."""
    from .index import make_key  # the index imports this module

    pools = []
    for question in questions:
        relevant = {make_key(r["doc_number"], r["article"]) for r in question["relevant"]}
        analysis = index.analyse(question["question"])
        scores, parts = index.fused_scores(analysis, allowed)
        docs = index.candidates(scores, size)
        pools.append(
            Pool(
                index.pool_features(analysis.terms, scores, parts, docs),
                np.array([index.passages[doc].key in relevant for doc in docs.tolist()], dtype=np.float64),
                bool(question.get("no_diacritics")),
                not index.is_short(analysis.terms),
            )
        )
    return pools


def figures(pools: Sequence[Pool], weights: Mapping[str, float] | None) -> dict[str, float]:
    """MRR@10, recall@5 and MRR@10 apart by typing, of the pools ordered by ``weights`` (None: the fused order; a
    short question's pool always keeps it, as the search does). An answer outside the pool counts as missed (exact
    for a pool of 10 or more)."""
    vector = None if weights is None else np.array([weights.get(name, 0.0) for name in FEATURES])
    rr: dict[bool, list[float]] = {True: [], False: []}
    top5 = 0
    for pool in pools:
        if vector is None or not pool.reranked:
            order = np.arange(len(pool.relevant))
        else:
            order = np.argsort(-(pool.features @ vector), kind="stable")
        found = np.flatnonzero(pool.relevant[order])
        rank = int(found[0]) + 1 if len(found) else len(order) + 1
        rr[pool.no_diacritics].append(1.0 / rank if rank <= 10 else 0.0)
        top5 += rank <= 5
    every = rr[True] + rr[False]
    n = max(len(every), 1)
    return {
        "n": len(every),
        "mrr@10": sum(every) / n,
        "recall@5": top5 / n,
        "mrr@10_no_diacritics": sum(rr[True]) / max(len(rr[True]), 1),
        "mrr@10_diacritics": sum(rr[False]) / max(len(rr[False]), 1),
    }


def cross_validate(
    sets: Mapping[str, Sequence[Pool]], *, l2: float = 1e-4, steps: int = 1000
) -> tuple[dict[str, float], dict[str, dict[str, dict[str, float]]]]:
    """Leave one set out: fit on the others and score the one left out. Returns the weights fitted on every set
    and, per set, its figures in the fused order, held out, and under those weights (which flatter it)."""

    def rows(names: Collection[str]) -> list[tuple[np.ndarray, np.ndarray]]:
        return [(p.features, p.relevant) for name in names for p in sets[name]]

    every = fit(rows(list(sets)), l2=l2, steps=steps)
    result = {}
    for held, pools in sets.items():
        weights = fit(rows([name for name in sets if name != held]), l2=l2, steps=steps)
        result[held] = {
            "fused": figures(pools, None),
            "held_out": figures(pools, weights),
            "fitted": figures(pools, every),
        }
    return every, result


def save_weights(weights: Mapping[str, float], path: Path, *, note: str) -> None:
    path.write_text(
        json.dumps({"note": note, "weights": dict(weights)}, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
