import warnings
from unittest.mock import patch

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


def test_a_workers_enterprise_is_kept_in_the_process_until_a_unit_or_enterprise_changes(
    enterprise_a: Enterprise, settings: Settings, django_assert_num_queries: DjangoAssertNumQueries
) -> None:
    settings.ORGS_WORKER_CONTEXT_CACHE_SECONDS = 60
    settings.GENERATION_CHECK_SECONDS = 60  # as in production: the generation is not read on every call
    code = enterprise_a.public_code
    assert enterprise_for_worker_context(code=code) == enterprise_a
    with patch.object(cache, "get", side_effect=AssertionError("a hit reads no cache")), django_assert_num_queries(0):
        kept = enterprise_for_worker_context(code=code)
    assert kept is not None
    kept.sector = "Đổi trong một trang"
    again = enterprise_for_worker_context(code=code)
    assert again is not None and again.sector == enterprise_a.sector  # each caller has its own copy

    enterprise_a.sector = "May mặc xuất khẩu"
    enterprise_a.save()  # moves the structure generation: no process keeps the old one
    with django_assert_num_queries(1):
        renamed = enterprise_for_worker_context(code=code)
    assert renamed is not None and renamed.sector == "May mặc xuất khẩu"


def test_a_code_that_is_not_letters_and_digits_is_no_code_and_no_cache_key(
    enterprise_a: Enterprise, django_assert_num_queries: DjangoAssertNumQueries
) -> None:
    with warnings.catch_warnings(), django_assert_num_queries(0):
        warnings.simplefilter("error", CacheKeyWarning)  # a key memcached could not store
        for code in ("LAN TỎA", "\x0b\xbc,.", f"{enterprise_a.public_code[:-1]} "):
            assert enterprise_for_worker_context(code=code) is None
