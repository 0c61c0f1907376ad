"""Indicator sources: plans' own figures over the organisation data, plus every source other apps register.

Plans' own sources are stock figures (enterprises, workers, union members as last recorded), so they do not
depend on the period; they are keyed on each enterprise's unit, like the sources of other apps.
"""

import datetime as dt
from collections.abc import Callable

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from lantoa.core import registry
from lantoa.core.registry import IndicatorSource
from lantoa.orgs.models import Enterprise

# plans lists the enterprises behind its own figures itself (views.figure_records).
RECORDS_URL_NAME = ""


def _enterprise_sum(field: str, condition: Q | None = None) -> Callable[..., dict[int, int]]:
    def values(*, start: dt.date, end: dt.date) -> dict[int, int]:
        rows = Enterprise.objects.filter(condition or Q()).values_list("unit_id", field)
        return {unit_id: value for unit_id, value in rows if value}

    return values


def _enterprise_count(condition: Q | None = None) -> Callable[..., dict[int, int]]:
    def values(*, start: dt.date, end: dt.date) -> dict[int, int]:
        return dict.fromkeys(Enterprise.objects.filter(condition or Q()).values_list("unit_id", flat=True), 1)

    return values


def orgs_sources() -> list[IndicatorSource]:
    return [
        IndicatorSource(
            "orgs.enterprises", _("Số doanh nghiệp"), _("doanh nghiệp"), _enterprise_count(), RECORDS_URL_NAME
        ),
        IndicatorSource(
            "orgs.workers",
            _("Số công nhân, người lao động"),
            _("người"),
            _enterprise_sum("worker_count"),
            RECORDS_URL_NAME,
        ),
        IndicatorSource(
            "orgs.union_members",
            _("Số đoàn viên công đoàn"),
            _("người"),
            _enterprise_sum("union_member_count"),
            RECORDS_URL_NAME,
        ),
        IndicatorSource(
            "orgs.enterprises_with_union",
            _("Số doanh nghiệp có công đoàn cơ sở"),
            _("doanh nghiệp"),
            _enterprise_count(Q(union_member_count__gt=0)),
            RECORDS_URL_NAME,
        ),
        IndicatorSource(
            "orgs.migrant_workers",
            _("Số lao động ngoại tỉnh"),
            _("người"),
            _enterprise_sum("migrant_worker_count"),
            RECORDS_URL_NAME,
        ),
    ]


def sources_all() -> dict[str, IndicatorSource]:
    """Every source by code: plans' own first; a registered source with the same code wins."""
    return {source.code: source for source in [*orgs_sources(), *registry.indicator_sources()]}
