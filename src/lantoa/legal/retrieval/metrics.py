"""Retrieval metrics: recall@k, MRR@10 and latency percentiles."""

from __future__ import annotations

import time
from collections.abc import Collection, Sequence
from typing import Any, Protocol

import numpy as np

from .index import Hit


class Searcher(Protocol):
    def search(self, query: str, k: int = 10, allowed: Collection[str] | None = None) -> list[Hit]: ...


def evaluate(
    index: Searcher,
    questions: list[dict[str, Any]],
    k_values: Sequence[int] = (1, 5, 10),
    *,
    allowed: Collection[str] | None = None,
) -> dict[str, Any]:
    """Recall@k (any relevant article in the top k, matched by doc_number + article), MRR@10 (also apart for the
    questions typed without diacritics and those with them) and latency."""
    depth = max(10, *k_values)
    hits_at = dict.fromkeys(k_values, 0)
    rr_sum = 0.0
    rr_by_typing: dict[bool, list[float]] = {True: [], False: []}
    latencies: list[float] = []
    allowed_set = set(allowed) if allowed is not None else None
    for question in questions:
        relevant = {(r["doc_number"], r["article"]) for r in question["relevant"]}
        start = time.perf_counter()
        hits = index.search(question["question"], k=depth, allowed=allowed_set)
        latencies.append((time.perf_counter() - start) * 1000.0)
        rank = next((i for i, h in enumerate(hits, 1) if (h.doc_number, h.article) in relevant), None)
        for k in k_values:
            hits_at[k] += rank is not None and rank <= k
        rr = 1.0 / rank if rank is not None and rank <= 10 else 0.0
        rr_sum += rr
        rr_by_typing[bool(question.get("no_diacritics"))].append(rr)
    n = len(questions)
    result: dict[str, Any] = {"n": n}
    for k in k_values:
        result[f"recall@{k}"] = hits_at[k] / n if n else 0.0
    result["mrr@10"] = rr_sum / n if n else 0.0
    for unaccented, name in ((True, "no_diacritics"), (False, "diacritics")):
        rrs = rr_by_typing[unaccented]
        result[f"n_{name}"] = len(rrs)
        result[f"mrr@10_{name}"] = sum(rrs) / len(rrs) if rrs else 0.0
    result["p50_ms"] = float(np.percentile(latencies, 50)) if latencies else 0.0
    result["p95_ms"] = float(np.percentile(latencies, 95)) if latencies else 0.0
    return result
