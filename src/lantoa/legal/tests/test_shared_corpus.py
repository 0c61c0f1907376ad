"""The development corpus imports cleanly, the handbook resolves against the site's library (the corpus and the newer
texts beside it) and superseded laws carry successors."""

import os
from pathlib import Path

import pytest
from django.core.management import call_command
from pytest_django import Settings

from lantoa.core.tests.support import SHARED_DIR, require
from lantoa.legal import demo
from lantoa.legal.models import Citation, Document, HandbookEntry
from lantoa.legal.services import handbook

SHARED = SHARED_DIR / "legal"


@pytest.fixture
def shared_corpus(db: None, settings: Settings, tmp_path: Path) -> None:
    require(SHARED.is_dir(), str(SHARED))
    settings.VAR_DIR = tmp_path
    call_command("legal_import", str(SHARED), "--no-index", stdout=open(os.devnull, "w"))  # noqa: SIM115


def test_every_shared_file_imports_and_replaced_laws_point_to_their_successors(shared_corpus: None) -> None:
    expected = {"58/2014/QH13": "41/2024/QH15", "12/2012/QH13": "50/2024/QH15", "38/2013/QH13": "74/2025/QH15"}
    for old, new in expected.items():
        document = Document.objects.get(number=old)
        relation = document.relations_in.get(kind="replaces")
        assert document.status == Document.Status.SUPERSEDED and relation.source.number == new
        assert document.expiry_on == relation.source.effective_on
    assert Document.objects.filter(status=Document.Status.CURRENT).count() == 10


@pytest.fixture
def site_library(db: None, settings: Settings, tmp_path: Path) -> None:
    require(SHARED.is_dir() and SHARED.with_name("legal-2026").is_dir(), str(SHARED_DIR))
    settings.VAR_DIR = tmp_path
    demo.library_import(SHARED)


def test_every_handbook_entry_resolves_its_citations(site_library: None) -> None:
    result = handbook.handbook_import()
    assert result.problems == []
    assert HandbookEntry.objects.count() == result.created >= 190
    assert not HandbookEntry.objects.filter(citations__isnull=True).exists()
    # The base salary from 01/07/2026 is cited from an OCR copy: the entries citing it say so in their text.
    unchecked = HandbookEntry.objects.filter(citations__provision__document__needs_checking=True).distinct()
    assert unchecked.exists()
    assert all("cần đối chiếu" in entry.answer for entry in unchecked)
    assert Citation.objects.filter(provision__document__number="10/2022/QH15").exists()
