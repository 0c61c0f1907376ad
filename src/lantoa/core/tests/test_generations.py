"""A generation moves for other processes only when the write commits; the writing thread sees it at once."""

import threading

import pytest
from django.core.cache import cache
from django.db import transaction

from lantoa.core.generations import Generation
from lantoa.orgs.models import OrgUnit
from lantoa.orgs.selectors import structure_generation

pytestmark = pytest.mark.django_db(transaction=True)  # real commits and rollbacks
generation = Generation("tests:generation")


def elsewhere(target: Generation) -> int:
    """What another thread (another request, with its own connection) reads meanwhile."""
    seen: list[int] = []
    thread = threading.Thread(target=lambda: seen.append(target.current()))
    thread.start()
    thread.join()
    return seen[0]


@pytest.fixture
def start() -> int:
    generation.bump()
    return int(cache.get(generation.key))


def test_the_shared_number_moves_once_on_commit_and_the_writing_thread_moves_at_once(start: int) -> None:
    with transaction.atomic():
        generation.bump_on_commit()
        first = generation.current()
        generation.bump_on_commit()
        second = generation.current()
        assert len({start, first, second}) == 3  # each write: nothing kept before it is served to this thread
        assert cache.get(generation.key) == start
        assert elsewhere(generation) == start
    assert cache.get(generation.key) == generation.current() == elsewhere(generation) == start + 1


def test_a_rolled_back_write_leaves_the_number_as_it_was(start: int) -> None:
    with pytest.raises(RuntimeError), transaction.atomic():
        generation.bump_on_commit()
        assert generation.current() != start
        raise RuntimeError("rolled back")
    assert cache.get(generation.key) == generation.current() == start


def test_the_writing_thread_follows_a_commit_made_elsewhere_meanwhile(start: int) -> None:
    with transaction.atomic():
        generation.bump_on_commit()
        before = generation.current()
        cache.incr(generation.key)  # what another server's commit does
        assert generation.current() != before


def test_a_unit_saved_in_a_transaction_moves_the_structure_generation_on_commit(labour_federation: OrgUnit) -> None:
    structure_generation.bump()
    start = cache.get(structure_generation.key)
    with transaction.atomic():
        labour_federation.name = "Liên đoàn Lao động tỉnh (đổi tên)"
        labour_federation.save()
        assert cache.get(structure_generation.key) == start
        assert elsewhere(structure_generation) == start
    assert cache.get(structure_generation.key) == start + 1
