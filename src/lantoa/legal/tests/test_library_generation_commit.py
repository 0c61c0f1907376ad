"""The shared library generation moves only when the write commits, once per transaction: another process never
sees the new number while it can still read the old rows (run with real commits, on SQLite and PostgreSQL)."""

import pytest
from django.core.cache import cache
from django.db import transaction

from lantoa.legal import library_cache
from lantoa.legal.models import Document

pytestmark = pytest.mark.django_db(transaction=True)


def shared() -> int | None:
    """The number as another process reads it: straight from the shared cache."""
    return cache.get(library_cache.library_generation.key)


def document(number: int) -> Document:
    return Document.objects.create(
        doc_type="Luật", number=f"{number}/2026/QH15", slug=f"luat-{number}-2026", title=f"Luật thử {number}"
    )


@pytest.fixture
def start() -> int:
    library_cache.library_generation.bump()  # the key exists, as on a running site
    value = shared()
    assert value is not None
    return value


def test_another_process_sees_the_new_generation_only_after_the_commit_and_once(start: int) -> None:
    with transaction.atomic():
        own_before = library_cache.library_version()
        document(1)
        document(2)
        Document.objects.filter(number="1/2026/QH15").update(title="Luật thử một")
        library_cache.library_changed()  # what a bulk write path calls
        assert shared() == start  # the rows are not committed: nobody else may move on yet
        assert library_cache.library_version() != own_before  # this process stops serving what it kept at once
    assert shared() == start + 1


def test_a_rolled_back_write_moves_no_shared_generation(start: int) -> None:
    with pytest.raises(RuntimeError), transaction.atomic():
        document(3)
        raise RuntimeError("the import failed half way")
    assert shared() == start
    assert not Document.objects.exists()


def test_a_write_in_a_savepoint_rolled_back_and_one_kept_move_it_once_on_commit(start: int) -> None:
    with transaction.atomic():
        with pytest.raises(RuntimeError), transaction.atomic():
            document(4)
            raise RuntimeError("this row only")
        document(5)
        assert shared() == start
    assert shared() == start + 1
    assert list(Document.objects.values_list("number", flat=True)) == ["5/2026/QH15"]


def test_a_write_outside_a_transaction_moves_it_at_once(start: int) -> None:
    document(6)
    assert shared() == start + 1
