"""The published index is checked against the digests written when it was published: a damaged file (a flipped
byte, a NaN written into the weights, a truncated file) is never searched; the page answers from the database
with a warning, never a 500 and never from the damaged postings."""

import json
import logging
import shutil
from pathlib import Path

import numpy as np
import pytest
from django.test import Client
from pytest_django import Settings

from lantoa.legal import index_store, retrieval, search
from lantoa.legal.tests.factories import import_library

QUESTION = "làm thêm giờ tối đa bao nhiêu"
ON = "2026-01-05"


@pytest.fixture
def library(db: None, settings: Settings, tmp_path: Path) -> None:
    settings.VAR_DIR = tmp_path
    import_library()
    search._cache.clear()  # a new process: nothing loaded


def _published() -> tuple[str, Path]:
    _articles, version = search.index_build()
    search._cache.clear()
    return version, index_store.index_dir() / version


def _flip_a_byte(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01
    path.write_bytes(bytes(data))


def _nan_in_weights(path: Path) -> None:
    weights = np.load(path)
    weights[0] = np.nan
    np.save(path, weights)  # the same size and a valid array: only the digest tells


def _truncate(path: Path) -> None:
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])


DAMAGES = {
    "a flipped byte in the postings": ("folded.doc_ids.npy", _flip_a_byte),
    "a NaN in the weights": ("folded.impacts.npy", _nan_in_weights),
    "a truncated text store": ("texts.bytes.npy", _truncate),
    "a flipped byte in the header": ("header.json", _flip_a_byte),
}


def test_a_published_version_carries_the_digest_of_each_of_its_files(library: None) -> None:
    version, folder = _published()
    digests = json.loads((folder / index_store.MANIFEST).read_text())["files"]
    assert set(digests) == {path.name for path in folder.iterdir()} - {index_store.MANIFEST}
    assert all(len(entry["sha256"]) == 64 and entry["size"] > 0 for entry in digests.values())
    assert search.index_get() is not None and search.loaded_version() == version


@pytest.mark.parametrize("damage", DAMAGES)
def test_a_damaged_index_is_not_searched_and_the_page_answers_from_the_database(
    library: None, client: Client, caplog: pytest.LogCaptureFixture, damage: str
) -> None:
    version, folder = _published()
    name, spoil = DAMAGES[damage]
    spoil(folder / name)

    with caplog.at_level(logging.WARNING, logger="lantoa.legal.search"):
        page = client.get("/phap-luat/hoi/", {"q": QUESTION, "on": ON})

    assert page.status_code == 200
    html = page.content.decode()
    assert "Điều 107. Làm thêm giờ" in html and "chỉ so từng chữ" in html  # the database's cruder answer, said so
    messages = [record.getMessage() for record in caplog.records]
    assert any(f"{name} does not match its digest" in message for message in messages)
    assert any("answered from the database" in message for message in messages)
    assert client.get("/healthz").json()["search_index"] == {"version": version, "loaded": None}


def test_a_damaged_new_version_is_refused_and_the_process_keeps_the_one_it_had(library: None) -> None:
    good, _folder = _published()
    assert search.index_get() is not None
    index = retrieval.SearchIndex.build(search.passages()[:-1])  # another build, published by another server
    newer = index_store.publish(index)
    _flip_a_byte(index_store.index_dir() / newer / "folded.idf.npy")
    search._cache.checked_at = None  # its next look at CURRENT

    assert search.index_get() is not None
    assert search.loaded_version() == good


def test_a_build_with_non_finite_weights_is_never_published(library: None) -> None:
    good, _folder = _published()
    index = retrieval.SearchIndex.build(search.passages())
    index.fields["folded"].idf[0] = np.inf

    with pytest.raises(ValueError, match=r"non-finite numbers in folded\.idf\.npy"):
        index_store.publish(index)

    assert index_store.current_version() == good
    assert not list(index_store.index_dir().glob(".tmp-*"))


def test_a_version_published_before_digests_is_checked_by_its_content_hash(library: None) -> None:
    version, folder = _published()
    (folder / index_store.MANIFEST).unlink()
    assert index_store.load(version) is not None

    legacy_copy = folder.parent / f"{version.split('-')[0]}1-{version.split('-')[1]}"
    shutil.copytree(folder, legacy_copy)
    _flip_a_byte(legacy_copy / "folded.doc_ids.npy")
    with pytest.raises(ValueError, match="do not match its content hash"):
        index_store.load(legacy_copy.name)
