"""Tests for the pure-Python legal retrieval package (no Django needed)."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from lantoa.core import text
from lantoa.core.tests.support import SHARED_DIR, require
from lantoa.legal.retrieval import (
    DEFAULT_SYNONYMS_PATH,
    Passage,
    SearchConfig,
    SearchIndex,
    current_keys,
    evaluate,
    explanations_from_handbook,
    load_records,
    load_synonyms,
    passages_from_records,
    plain_bm25_baseline,
)
from lantoa.legal.retrieval.index import split_clauses
from lantoa.legal.retrieval.synonyms import SynonymExpander
from lantoa.legal.retrieval.text import content_mask, fold, syllables

DATA = Path(__file__).parent / "data"
SAMPLE_LAWS = DATA / "sample_laws.jsonl"
SAMPLE_QA = DATA / "sample_qa.jsonl"
SHARED = SHARED_DIR / "legal"
HANDBOOK = Path(__file__).resolve().parents[1] / "seed" / "handbook"


@pytest.fixture(scope="module")
def records() -> list[dict]:
    return load_records(SAMPLE_LAWS)


@pytest.fixture(scope="module")
def index(records: list[dict]) -> SearchIndex:
    return SearchIndex.build(passages_from_records(records))


def _questions(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_fold_strips_diacritics_and_d_bar() -> None:
    assert fold("Người lao động ĐƯỢC nghỉ") == "nguoi lao dong duoc nghi"
    assert syllables("Điều 113. Nghỉ hằng năm") == ["điều", "113", "nghỉ", "hằng", "năm"]


def test_content_mask_judges_unaccented_text_by_folded_fillers() -> None:
    assert content_mask(["có", "được", "lương"]) == [False, False, True]
    # "bao" is a content word in unaccented "bao hiem" but a filler in "bao nhieu".
    assert content_mask(["dong", "bao", "hiem"]) == [True, True, True]
    assert content_mask(["bao", "nhieu", "tien"]) == [False, False, True]


def test_split_clauses_drops_heading_and_groups_points() -> None:
    text = "Điều 9. Tên\n1. Khoản một:\na) điểm a;\nb) điểm b.\n2. Khoản hai."
    assert split_clauses(text) == ["1. Khoản một:\na) điểm a;\nb) điểm b.", "2. Khoản hai."]


def test_load_synonyms_format(tmp_path: Path) -> None:
    path = tmp_path / "syn.txt"
    path.write_text("# comment\nnlđ, nld = người lao động  # trailing\n\nbad line\ncty = công ty\n", encoding="utf-8")
    assert load_synonyms(path) == {"nlđ": "người lao động", "nld": "người lao động", "cty": "công ty"}


def test_synonyms_match_unaccented_typing_but_not_other_accented_words() -> None:
    expander = SynonymExpander({"đẻ": "sinh con", "tăng ca": "làm thêm giờ"})
    assert expander.expand(["de", "tang", "ca"]) == [(0, 1, ["sinh", "con"]), (1, 2, ["làm", "thêm", "giờ"])]
    assert expander.expand(["để", "tăng", "ca"]) == [(1, 2, ["làm", "thêm", "giờ"])]


def test_shipped_dictionary_loads() -> None:
    mapping = load_synonyms(DEFAULT_SYNONYMS_PATH)
    assert mapping["bhxh"] == "bảo hiểm xã hội"
    assert mapping["tăng ca"] == "làm thêm giờ"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("luong thu viec duoc bao nhieu phan tram", "1/2099/QH99#Điều 1"),
        ("tăng ca tối đa mấy tiếng một tháng", "1/2099/QH99#Điều 2"),
        ("nghi viec ma con ngay phep chua nghi", "1/2099/QH99#Điều 3"),
    ],
)
def test_search_finds_article(index: SearchIndex, query: str, expected: str) -> None:
    hits = index.search(query, k=3)
    assert hits[0].key == expected


def test_law_ranks_above_decree_on_the_same_point(index: SearchIndex) -> None:
    keys = [h.key for h in index.search("làm thêm giờ không quá 40 giờ trong 01 tháng", k=2)]
    assert keys == ["1/2099/QH99#Điều 2", "9/2099/NĐ-CP#Điều 4"]


def test_allowed_restricts_results(index: SearchIndex, records: list[dict]) -> None:
    allowed = current_keys(records)
    keys = {h.key for h in index.search("bảo hiểm xã hội một lần định cư", k=10, allowed=allowed)}
    assert "3/2099/QH99#Điều 5" in keys
    assert "2/2098/QH98#Điều 5" not in keys
    assert index.search("bảo hiểm xã hội", allowed=set()) == []


def test_highlights_point_at_query_words(index: SearchIndex) -> None:
    hit = index.search("luong thu viec", k=1)[0]
    text = index.passage(hit.key).text
    words = {fold(text[start:end]) for start, end in hit.highlights}
    assert {"luong", "thu", "viec"} <= words
    assert 0.0 < hit.confidence <= 1.0
    assert hit.confident


def test_unrelated_question_gets_no_hits_or_low_confidence(index: SearchIndex) -> None:
    hits = index.search("xyzzy plugh", k=5)
    assert hits == [] or not hits[0].confident


def test_an_answer_sharing_only_common_words_with_the_question_is_not_grounded(records: list[dict]) -> None:
    passages = passages_from_records(records)
    index = SearchIndex.build([*passages, *(_filler(n) for n in range(40))])
    on_topic = index.search("thời gian thử việc tối đa bao nhiêu ngày", k=1)[0]
    assert on_topic.key == "1/2099/QH99#Điều 1" and on_topic.grounded
    # "người lao động" is in every filler article: it grounds nothing.
    off_topic = index.search("người lao động đi chợ mua rau củ ở đâu rẻ", k=1)
    assert off_topic == [] or not off_topic[0].grounded


def _filler(n: int) -> Passage:
    return Passage(
        key=f"9/2099/QH99#Điều {n}",
        doc_number="9/2099/QH99",
        article=f"Điều {n}",
        title=f"Quy định số {n}",
        text=f"Điều {n}. Quy định số {n}\n1. Người lao động thực hiện quy định số {n} tại nơi làm việc.",
    )


def test_a_short_question_ranks_first_the_article_stating_all_it_asks(tmp_path: Path) -> None:
    rest = Passage(
        key="1/2099/QH99#Điều 2",
        doc_number="1/2099/QH99",
        article="Điều 2",
        title="Nghỉ hằng tuần",
        text="Điều 2. Nghỉ hằng tuần\n1. Mỗi tuần được nghỉ hằng tuần ít nhất 24 giờ; ngày nghỉ hằng tuần là Chủ nhật.",
    )
    pay = Passage(
        key="1/2099/QH99#Điều 1",
        doc_number="1/2099/QH99",
        article="Điều 1",
        title="Tiền lương làm thêm giờ",
        text="Điều 1. Tiền lương làm thêm giờ\n1. Làm thêm giờ vào ngày nghỉ hằng tuần được trả ít nhất bằng 200%.",
    )
    synonyms = {"làm thêm": "làm thêm giờ", "chủ nhật": "nghỉ hằng tuần"}
    passages = [rest, pay, *(_filler(n) for n in range(20))]
    plain = SearchIndex.build(passages, synonyms=synonyms, config=SearchConfig(w_concepts=0.0, rerank={}))
    assert plain.search("làm thêm chủ nhật", k=1)[0].key == rest.key  # "Chủ nhật" as typed, and in its title
    index = SearchIndex.build(passages, synonyms=synonyms)
    assert [hit.key for hit in index.search("làm thêm chủ nhật", k=2)] == [pay.key, rest.key]
    index.save(tmp_path / "index")  # the setting travels with the saved index
    assert SearchIndex.load(tmp_path / "index").search("lam them chu nhat", k=1)[0].key == pay.key


def test_save_load_roundtrip(index: SearchIndex, tmp_path: Path) -> None:
    path = tmp_path / "index"
    index.save(path)
    loaded = SearchIndex.load(path)
    for query in ("luong thu viec", "nlđ tăng ca", "bhxh một lần"):
        assert [(h.key, round(h.score, 4)) for h in loaded.search(query)] == [
            (h.key, round(h.score, 4)) for h in index.search(query)
        ]


def test_duplicate_keys_rejected() -> None:
    passage = Passage(key="a#1", doc_number="a", article="1", title="t", text="x")
    with pytest.raises(ValueError, match="unique"):
        SearchIndex.build([passage, passage])


def test_evaluate_and_baseline(index: SearchIndex, records: list[dict]) -> None:
    questions = _questions(SAMPLE_QA)
    result = evaluate(index, questions, allowed=current_keys(records))
    assert set(result) >= {"n", "recall@1", "recall@5", "recall@10", "mrr@10", "p95_ms"}
    assert result["n"] == 3
    assert result["recall@5"] == 1.0
    baseline = evaluate(plain_bm25_baseline(passages_from_records(records)), questions)
    assert 0.0 <= baseline["recall@5"] <= 1.0


def test_handbook_entries_explain_the_articles_they_cite(tmp_path: Path) -> None:
    (tmp_path / "01.toml").write_text(
        """chapter = "Tăng ca"
slug = "tang-ca"

[[entry]]
slug = "a"
question = "Sếp ép ở lại xưởng tới khuya"
answer = "Phải được bạn đồng ý."
keywords = ["ép tăng ca", "ở lại"]
[[entry.citations]]
doc_number = "1/2099/QH99"
article = "Điều 2"
clause = "khoản 1"
[[entry.citations]]
doc_number = "1/2099/QH99"
article = "Điều 2"
clause = "khoản 2"
""",
        encoding="utf-8",
    )
    explanations = explanations_from_handbook(tmp_path)
    assert explanations == {
        "1/2099/QH99#Điều 2": ("Sếp ép ở lại xưởng tới khuya\nép tăng ca, ở lại\nPhải được bạn đồng ý.",)
    }
    passages = passages_from_records(load_records(SAMPLE_LAWS), explanations)
    assert [p.article for p in passages if p.explained_by] == ["Điều 2"]


def test_worker_wording_of_an_explanation_finds_the_article(records: list[dict], tmp_path: Path) -> None:
    question = "bị giữ lại xưởng tới khuya mới về có sai không"
    explained = {"1/2099/QH99#Điều 3": ("Nghỉ phép năm được mấy ngày", "Bị giữ lại xưởng tới khuya mới được về")}
    plain = SearchIndex.build(passages_from_records(records)).search(question, k=1)
    index = SearchIndex.build(passages_from_records(records, explained))
    assert not plain or plain[0].key != "1/2099/QH99#Điều 3"
    assert index.search(question, k=1)[0].key == "1/2099/QH99#Điều 3"
    index.save(tmp_path / "index")
    loaded = SearchIndex.load(tmp_path / "index")
    assert loaded.passage("1/2099/QH99#Điều 3").explained_by == explained["1/2099/QH99#Điều 3"]
    assert [h.score for h in loaded.search(question)] == [h.score for h in index.search(question)]


def test_shared_worker_questions() -> None:
    laws, extra, qa = SHARED / "laws.jsonl", SHARED / "laws_2024_2025.jsonl", SHARED / "qa_worker_dev.jsonl"
    require(laws.exists() and extra.exists() and qa.exists(), str(SHARED))
    recs = load_records(laws, extra)
    index = SearchIndex.build(passages_from_records(recs, explanations_from_handbook(HANDBOOK)))
    questions = _questions(qa)
    result = evaluate(index, questions, allowed=current_keys(recs))
    assert result["recall@5"] >= 0.90
    assert result["mrr@10"] >= 0.75
    confident = [index.search(q["question"], k=1)[0].confident for q in questions]
    assert sum(confident) >= 0.9 * len(questions)
    for off_topic in (
        "cách nấu phở bò ngon",
        "hàng xóm mở nhạc to quá thì làm sao",
        "kết quả bóng đá ngoại hạng anh tối qua",
        "giá vàng sjc hôm nay bao nhiêu",
    ):
        hits = index.search(off_topic, k=1)
        assert hits == [] or not hits[0].confident
    # Short questions in worker shorthand count their dictionary words as evidence.
    for shorthand in ("rut bhxh 1 lan", "cty bắt tăng ca 5 tiếng mỗi ngày có đúng ko"):
        assert index.search(shorthand, k=1)[0].confident


def test_bm25_field_postings_follow_the_textbook_formula() -> None:
    import math

    from lantoa.legal.retrieval.bm25 import BM25Field

    docs = [["lương", "lương", "thưởng"], ["lương"], ["nghỉ", "phép", "nghỉ", "lễ"]]
    fld = BM25Field.build(docs, k1=1.2, b=0.75)
    avgdl = 8 / 3
    for doc_id, doc in enumerate(docs):
        for term in set(doc):
            df = sum(term in d for d in docs)
            idf = math.log(1 + (3 - df + 0.5) / (df + 0.5))
            tf = doc.count(term)
            expected = idf * tf * 2.2 / (tf + 1.2 * (0.25 + 0.75 * len(doc) / avgdl))
            assert fld.score([(term, 1.0)])[doc_id] == pytest.approx(expected, rel=1e-6)
            assert fld.contains(term, doc_id)
    assert not fld.contains("thưởng", 1)
    assert fld.score([("lương", 1.0)])[2] == 0.0


def test_clause_fields_cut_articles_like_split_clauses(index: SearchIndex) -> None:
    # One clause document per khoản, in article order, so an article's best khoản is a segmented maximum.
    expected = [len(split_clauses(p.text)) for p in index.passages]
    assert np.bincount(index.clause_doc, minlength=len(index.passages)).tolist() == expected
    assert (np.diff(index.clause_doc) >= 0).all()


def test_search_folds_with_core_text():
    assert fold.__wrapped__ is text.fold  # one folding for ranking, marks and the handbook: the search only caches it
