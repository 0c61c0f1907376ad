"""The learned reranker: its features, its fit, the weights travelling with a saved index."""

from pathlib import Path

import numpy as np
import pytest

from lantoa.legal.retrieval import Passage, SearchConfig, SearchIndex, rerank
from lantoa.legal.retrieval.bm25 import BM25Field
from lantoa.legal.retrieval.rerank import FEATURES, Pool, Reranker


def _article(n: int, title: str, text: str, doc: str = "1/2099/QH99") -> Passage:
    return Passage(
        key=f"{doc}#Điều {n}", doc_number=doc, article=f"Điều {n}", title=title, text=f"Điều {n}. {title}\n{text}"
    )


PASSAGES = [
    _article(24, "Thử việc", "1. Người sử dụng lao động và người lao động có thể thỏa thuận về việc làm thử."),
    _article(25, "Thời gian thử việc", "1. Thời gian thử việc không quá 60 ngày đối với công việc có trình độ."),
    _article(26, "Tiền lương thử việc", "1. Tiền lương thử việc ít nhất bằng 85% mức lương của công việc đó."),
    _article(90, "Tiền lương", "1. Tiền lương là số tiền người sử dụng lao động trả cho người lao động."),
    *(_article(n, f"Quy định số {n}", f"1. Người lao động thực hiện quy định số {n}.") for n in range(100, 115)),
]


def test_holds_answers_as_contains_for_every_document() -> None:
    field = BM25Field.build([["a", "b"], ["b"], [], ["a", "c"], ["c"]])
    docs = np.arange(5)
    for term in ("a", "b", "c", "unknown"):
        assert field.holds(term, docs).tolist() == [field.contains(term, doc) for doc in range(5)]
    assert field.holds("a", np.array([3, 0])).tolist() == [True, True]


def test_pool_features_scale_each_part_to_the_best_and_see_the_neighbours_of_the_same_act() -> None:
    index = SearchIndex.build(PASSAGES, synonyms={}, config=SearchConfig(rerank={}))
    analysis = index.analyse("thời gian thử việc tối đa")
    scores, parts = index.fused_scores(analysis)
    docs = index.candidates(scores, 10)
    rows = index.pool_features(analysis.terms, scores, parts, docs)
    column = {name: i for i, name in enumerate(FEATURES)}
    assert rows.shape == (len(docs), len(FEATURES))
    assert rows[0, column["score"]] == 1.0 and (rows[:, column["score"]] <= 1.0).all()
    keys = [index.passages[doc].key for doc in docs.tolist()]
    first = keys.index("1/2099/QH99#Điều 25")
    assert rows[first, column["title_share"]] == 1.0  # "thời gian thử việc": every word of its title
    assert rows[first, column["neighbour"]] > 0  # Điều 24 and 26 are candidates too
    numbers = [int(key.rsplit(" ", 1)[1]) for key in keys]
    for row, number in enumerate(numbers):
        near = any(abs(number - other) <= 2 for i, other in enumerate(numbers) if i != row)
        assert (rows[row, column["neighbour"]] > 0) == near


def test_short_questions_keep_the_fused_order_and_longer_ones_are_reranked() -> None:
    weights = {"title_share": 1.0, "score": 0.1}
    index = SearchIndex.build(PASSAGES, synonyms={}, config=SearchConfig(rerank=weights))
    plain = SearchIndex.build(PASSAGES, synonyms={}, config=SearchConfig(rerank={}))
    short = "lương thử việc"
    assert index.is_short(index.analyse(short).terms)
    assert [h.key for h in index.search(short, k=5)] == [h.key for h in plain.search(short, k=5)]
    pools = rerank.pools_of(index, [{"question": short, "relevant": []}], allowed=None, size=10)
    assert not pools[0].reranked


def test_unknown_features_are_refused_and_no_weights_means_no_reranker() -> None:
    with pytest.raises(ValueError, match="unknown reranker features"):
        Reranker.from_config(SearchConfig(rerank={"colour": 1.0}))
    assert Reranker.from_config(SearchConfig(rerank={})) is None
    assert SearchIndex.build(PASSAGES, synonyms={}, config=SearchConfig(rerank={})).reranker is None


def test_the_shipped_weights_are_a_complete_set_of_known_features() -> None:
    weights = rerank.shipped_weights()
    assert set(weights) == set(FEATURES) and all(np.isfinite(list(weights.values())))
    assert SearchConfig().rerank == weights


def _pools(rng: np.random.Generator, n: int) -> list[Pool]:
    """Pools where the answer is second by the fused score but the only one whose title holds the question."""
    pools = []
    for _ in range(n):
        features = rng.uniform(0, 0.5, size=(10, len(FEATURES)))
        features[:, FEATURES.index("score")] = np.linspace(1.0, 0.5, 10)
        features[:, FEATURES.index("title_share")] = 0.0
        features[1, FEATURES.index("title_share")] = 1.0
        relevant = np.zeros(10)
        relevant[1] = 1.0
        pools.append(Pool(features, relevant, no_diacritics=False))
    return pools


def test_fit_learns_what_the_fused_order_misses_and_cross_validation_scores_unseen_sets() -> None:
    rng = np.random.default_rng(0)
    sets = {"a": _pools(rng, 20), "b": _pools(rng, 20), "c": _pools(rng, 20)}
    weights, folds = rerank.cross_validate(sets, steps=200)
    assert weights["title_share"] > 0
    assert set(folds) == {"a", "b", "c"}
    for fold in folds.values():
        assert fold["fused"]["mrr@10"] == 0.5  # second everywhere
        assert fold["held_out"]["mrr@10"] == 1.0 and fold["held_out"]["recall@5"] == 1.0
    assert rerank.figures([], None)["n"] == 0


def test_the_reranker_orders_the_pool_and_travels_with_a_saved_index(tmp_path: Path) -> None:
    config = SearchConfig(rerank={"length": 1.0}, concepts_max=0)  # longest candidate first; every question reranked
    index = SearchIndex.build(PASSAGES, synonyms={}, config=config)
    plain = SearchIndex.build(PASSAGES, synonyms={}, config=SearchConfig(rerank={}, concepts_max=0))
    question = "tiền lương thử việc được bao nhiêu"
    candidates = [h.key for h in plain.search(question, k=30)]
    longest = max(candidates, key=lambda key: len(plain.passage(key).text.encode("utf-8")))
    assert candidates[0] != longest
    hits = index.search(question, k=5)
    assert hits[0].key == longest
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)
    assert {h.key for h in hits} <= set(candidates)
    index.save(tmp_path / "index")
    loaded = SearchIndex.load(tmp_path / "index")
    assert loaded.config.rerank == config.rerank
    assert [h.key for h in loaded.search(question, k=5)] == [h.key for h in hits]
