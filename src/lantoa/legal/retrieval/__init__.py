"""Offline search over law articles for worker questions (pure Python, no Django).

``SearchIndex.build(passages)`` -> ``index.save(folder)`` once; ``SearchIndex.load(folder).search(query, allowed=keys)``
per request. A hit with ``hit.confident`` false (``confidence < CONFIDENCE_THRESHOLD``) on the top result means
"no confident answer": offer an adviser.
"""

from .baseline import PlainBM25, plain_bm25_baseline
from .corpus import (
    current_keys,
    explanation_text,
    explanations_from_handbook,
    load_records,
    passage_from_record,
    passages_from_records,
    searcher_from_records,
)
from .index import (
    CONFIDENCE_THRESHOLD,
    Analysis,
    Hit,
    Passage,
    QueryWords,
    SearchConfig,
    SearchIndex,
    make_key,
    marks_of,
)
from .metrics import evaluate
from .synonyms import DEFAULT_SYNONYMS_PATH, load_synonyms

__all__ = [
    "CONFIDENCE_THRESHOLD",
    "DEFAULT_SYNONYMS_PATH",
    "Analysis",
    "Hit",
    "Passage",
    "PlainBM25",
    "QueryWords",
    "SearchConfig",
    "SearchIndex",
    "current_keys",
    "evaluate",
    "explanation_text",
    "explanations_from_handbook",
    "load_records",
    "load_synonyms",
    "make_key",
    "marks_of",
    "passage_from_record",
    "passages_from_records",
    "plain_bm25_baseline",
    "searcher_from_records",
]
