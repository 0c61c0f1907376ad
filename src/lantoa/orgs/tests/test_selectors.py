import warnings

from django.core.cache import cache
from django.core.cache.backends.base import CacheKeyWarning
from pytest_django import DjangoAssertNumQueries, Settings

from lantoa.orgs.models import Enterprise
from lantoa.orgs.selectors import enterprise_for_worker_context


def test_a_workers_enterprise_is_read_once_per_cache_period(
    enterprise_a: Enterprise, settings: Settings, django_assert_num_queries: DjangoAssertNumQueries
) -> None:
    settings.ORGS_WORKER_CONTEXT_CACHE_SECONDS = 60
    cache.clear()
    code = enterprise_a.public_code.lower()
    with django_assert_num_queries(1):
        assert enterprise_for_worker_context(code=code) == enterprise_a
    with django_assert_num_queries(0):
        cached = enterprise_for_worker_context(code=code)
        assert cached is not None and cached.commune.name == "Xã Bình Hòa"
    with django_assert_num_queries(2):  # unknown codes are asked each time, never kept
        assert enterprise_for_worker_context(code="ZZZZZZ") is None
        assert enterprise_for_worker_context(code="ZZZZZZ") is None


def test_a_code_that_is_not_letters_and_digits_is_no_code_and_no_cache_key(
    enterprise_a: Enterprise, django_assert_num_queries: DjangoAssertNumQueries
) -> None:
    with warnings.catch_warnings(), django_assert_num_queries(0):
        warnings.simplefilter("error", CacheKeyWarning)  # a key memcached could not store
        for code in ("LAN TỎA", "\x0b\xbc,.", f"{enterprise_a.public_code[:-1]} "):
            assert enterprise_for_worker_context(code=code) is None
