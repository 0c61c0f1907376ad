"""The search index: built by a task, published as a version every app server picks up, worded as in force, and a
damaged or missing index answers from the database instead of failing."""

import datetime as dt
import io
import json
import logging
from pathlib import Path

import numpy as np
import pytest
from django.core.management import call_command
from django.test import Client
from pytest_django import Settings

from lantoa.core.tests.support import run_worker
from lantoa.legal import index_store, retrieval, search
from lantoa.legal.models import Amendment, Provision
from lantoa.legal.tests.factories import import_library

QUESTION = "làm thêm giờ tối đa bao nhiêu"
DAY = dt.date(2026, 1, 5)


@pytest.fixture
def library(db: None, settings: Settings, tmp_path: Path) -> None:
    settings.VAR_DIR = tmp_path
    import_library()


def _new_process() -> None:
    """What another app server (or a restarted worker) starts from: nothing loaded."""
    search._cache.clear()


def test_a_build_is_published_as_a_version_that_every_process_picks_up(library: None, client: Client) -> None:
    _new_process()
    assert client.get("/healthz").json()["search_index"] == {"version": None, "loaded": None}
    _articles, first = search.index_build()
    assert index_store.current_version() == first
    assert search.index_build()[1] == first  # nothing changed: the same version, nothing republished

    _new_process()
    assert search.search(query=QUESTION, on=DAY).answers[0].provision.number == "107"
    assert search.loaded_version() == first
    # Another server publishes a new version: this process reads it on its next search, without a restart.
    Provision.objects.filter(document__number="45/2019/QH14", slug="dieu-106").update(title="Giờ làm đêm")
    index = retrieval.SearchIndex.build(search.passages())
    second = index_store.publish(index)
    assert second != first and second > first
    search.search(query=QUESTION, on=DAY)
    assert search.loaded_version() == second
    assert client.get("/healthz").json()["search_index"] == {"version": second, "loaded": second}
    assert (index_store.index_dir() / "CURRENT").read_text() == second
    assert not list(index_store.index_dir().glob(".tmp-*"))


@pytest.mark.parametrize("damage", ["truncated postings", "garbage header", "missing folder", "postings overwritten"])
def test_a_damaged_index_answers_from_the_database_with_a_warning(
    library: None, client: Client, caplog: pytest.LogCaptureFixture, damage: str
) -> None:
    _articles, version = search.index_build()
    folder = index_store.index_dir() / version
    if damage == "truncated postings":
        postings = folder / "folded.doc_ids.npy"
        postings.write_bytes(postings.read_bytes()[:90])
    elif damage == "postings overwritten":  # the right size, the wrong values: found by the published digests
        postings = folder / "folded.doc_ids.npy"
        np.save(postings, np.full_like(np.load(postings), 2**30))
    elif damage == "garbage header":
        (folder / "header.json").write_bytes(b"PK\x03\x04 not an index \xff")
    else:
        for path in folder.iterdir():
            path.unlink()
        folder.rmdir()
    _new_process()
    with caplog.at_level(logging.WARNING, logger="lantoa.legal.search"):
        page = client.get("/phap-luat/hoi/", {"q": QUESTION, "on": DAY.isoformat()})
    assert page.status_code == 200
    html = page.content.decode()
    assert "Điều 107. Làm thêm giờ" in html and "chỉ so từng chữ" in html
    assert any("cannot be read" in r.getMessage() for r in caplog.records)
    assert any("answered from the database" in r.getMessage() for r in caplog.records)
    assert client.get("/healthz").json()["search_index"]["loaded"] is None


def test_without_any_index_the_page_still_answers(
    library: None, client: Client, caplog: pytest.LogCaptureFixture
) -> None:
    _new_process()
    with caplog.at_level(logging.WARNING, logger="lantoa.legal.search"):
        page = client.get("/phap-luat/hoi/", {"q": "giờ làm việc ban đêm", "on": DAY.isoformat()})
    assert page.status_code == 200 and "Điều 106. Giờ làm việc ban đêm" in page.content.decode()
    assert any("no search index published" in r.getMessage() for r in caplog.records)


def test_a_damaged_new_version_leaves_a_process_on_the_version_it_had(library: None) -> None:
    _articles, good = search.index_build()
    search.search(query=QUESTION, on=DAY)
    broken = index_store.index_dir() / "9999999999999-broken"
    broken.mkdir()
    (index_store.index_dir() / "CURRENT").write_text(broken.name)
    outcome = search.search(query=QUESTION, on=DAY)
    assert outcome.index_ready and search.loaded_version() == good


@pytest.mark.django_db(transaction=True)  # the task worker commits and closes connections, as in production
def test_legal_index_queues_a_build_that_the_worker_publishes(settings: Settings, tmp_path: Path) -> None:
    settings.VAR_DIR = tmp_path
    import_library()
    call_command("legal_index", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert index_store.current_version() is None  # nothing is built by the command itself
    run_worker()
    assert index_store.current_version() is not None


def test_the_index_holds_the_wording_in_force_and_the_answer_shows_it(library: None, client: Client) -> None:
    source = Provision.objects.get(document__number="41/2024/QH15", slug="dieu-2")
    new_wording = "1. Thời gian làm thêm giờ gồm cả thời gian trực sẵn sàng chờ lệnh ngoài giờ làm việc bình thường."
    common = {"source": source, "target_number": "45/2019/QH14", "origin": Amendment.Origin.EDITOR}
    Amendment.objects.create(
        **common, target_slug="dieu-107-khoan-1", kind="amend", effective_on=dt.date(2025, 7, 1), text=new_wording
    )
    Amendment.objects.create(**common, target_slug="dieu-107-khoan-3", kind="repeal", effective_on=dt.date(2025, 7, 1))
    Amendment.objects.create(
        **common, target_slug="dieu-105-khoan-2", kind="amend", effective_on=dt.date(2099, 1, 1), text="2. Sau này."
    )
    search.index_build()
    index = search.index_get()
    assert index is not None
    text = index.passage("45/2019/QH14#Điều 107").text
    assert "trực sẵn sàng chờ lệnh" in text
    assert "khoảng thời gian làm việc ngoài" not in text  # the amended wording is gone
    assert "khoản 1 Điều 105 của Bộ luật này" not in text  # the repealed khoản is gone
    assert "Sau này" not in index.passage("45/2019/QH14#Điều 105").text  # not in force yet

    outcome = search.search(query="trực sẵn sàng chờ lệnh có tính làm thêm không", on=DAY)
    top = outcome.answers[0]
    assert top.provision.number == "107" and top.passage.slug == "dieu-107-khoan-1"
    assert "trực sẵn sàng" in "".join(piece for piece, _ in top.passage.pieces)


def test_the_passage_is_the_khoan_with_its_listed_points_and_only_meaningful_words_marked(library: None) -> None:
    search.index_build()
    outcome = search.search(query="làm thêm giờ có cần người lao động đồng ý không", on=DAY)
    passage = outcome.answers[0].passage
    assert passage.slug == "dieu-107-khoan-2"
    assert passage.text.splitlines()[0].endswith("các yêu cầu sau đây:")  # never cut at the colon: its points follow
    assert [line.split(")")[0] for line in passage.text.splitlines()[1:]] == ["a", "b", "c"]
    marked = {text for line in [passage.pieces, *passage.points] for text, is_match in line if is_match}
    assert {"đồng", "ý"} <= marked
    assert not marked & {"được", "của", "không", "có"}  # fillers of the question are never marked


def test_a_word_is_marked_as_typed_not_as_another_word_that_folds_alike() -> None:
    typed = retrieval.QueryWords(words={}, pairs={}, **retrieval.marks_of("đa số người lao động đã được"))
    assert typed.marks_word("đa") and typed.marks_word("Người")
    assert not typed.marks_word("đã")  # "đa" typed with its marks is not "đã"
    assert not typed.marks_word("được") and not typed.marks_word("của")
    unaccented = retrieval.QueryWords(words={}, pairs={}, **retrieval.marks_of("nghi phep nam"))
    assert unaccented.marks_word("nghỉ") and unaccented.marks_word("năm")  # typed without marks: any spelling


def test_an_unaccented_word_the_law_writes_marks_another_spelling_only_beside_its_typed_neighbour() -> None:
    law_words = {"thai", "thải", "sản", "sa", "nghỉ"}  # "thai" (thai sản) is written unaccented by the law itself
    for question in ("nghi thai san", "nghỉ thai sản"):
        words = retrieval.QueryWords(words={}, pairs={}, **retrieval.marks_of(question, written=law_words))
        assert words.marks_word("thai", "mang", ",") and words.marks_word("sản", "thai", ".")
        assert not words.marks_word("thải", "sa", "hoặc")  # "sa thải" is another word, not the one asked about
    fired = retrieval.QueryWords(words={}, pairs={}, **retrieval.marks_of("bi sa thai", written=law_words))
    assert fired.marks_word("thải", "sa", "hoặc") and fired.marks_word("sa", "bị", "thải")  # the pair says which
    assert not fired.marks_word("thải", "xả", "nước")
    pay = retrieval.QueryWords(words={}, pairs={}, **retrieval.marks_of("luong", written=law_words))
    assert pay.marks_word("lương")  # the law never writes "luong": any accented spelling is meant


def test_legal_eval_scores_a_question_set() -> None:
    data = Path(__file__).parent / "data"
    out = io.StringIO()
    call_command(
        "legal_eval",
        "--laws",
        str(data / "sample_laws.jsonl"),
        "--qa",
        str(data / "sample_qa.jsonl"),
        "--json",
        stdout=out,
    )
    result = json.loads(out.getvalue())
    assert result["n"] == 3
    assert result["recall@10"] == 1.0
