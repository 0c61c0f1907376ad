"""Indicator figures per unit and period, rolled up the organisation tree.

One call per source per period (each source runs one grouped query over its records) gives counts on the
lowest units; every count is then added to the unit's ancestors by walking its materialised path, and an
enterprise's counts also go to its KCN/CCN. Nothing here scans records per unit.
"""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from typing import cast

from django.core.cache import cache
from django.db.models import Q, Sum

from lantoa.core.registry import IndicatorSource
from lantoa.orgs.models import SEGMENTS, Enterprise, OrgUnit
from lantoa.orgs.selectors import structure_generation
from lantoa.plans import periods
from lantoa.plans import sources as plan_sources
from lantoa.plans.models import EnteredValue, Indicator, ReportingPeriod, SourceFigures, Target


@dataclass
class UnitIndex:
    """Where each unit sits: its path, and for an enterprise its zone and segments."""

    path_of: dict[int, str]
    zone_path_of: dict[int, str]
    segments_of: dict[int, list[str]]

    @classmethod
    def load(cls) -> "UnitIndex":
        """The index as the tree stands, kept in memory until a unit or an enterprise changes."""
        current = structure_generation.current()
        index = _indexes.get(current)
        if index is None:
            index = cls._read()
            _indexes.clear()
            _indexes[current] = index
        return index

    @classmethod
    def _read(cls) -> "UnitIndex":
        path_of = dict(OrgUnit.objects.values_list("id", "path"))
        zone_path_of: dict[int, str] = {}
        segments_of: dict[int, list[str]] = {}
        fields = [segment.field for segment in SEGMENTS]
        for unit_id, zone_path, *values in Enterprise.objects.values_list("unit_id", "zone__path", *fields):
            if zone_path:
                zone_path_of[unit_id] = zone_path
            pairs = zip(SEGMENTS, values, strict=True)
            segments_of[unit_id] = [segment.code for segment, value in pairs if value == segment.value]
        return cls(path_of, zone_path_of, segments_of)


_indexes: dict[int, UnitIndex] = {}  # generation → the index read in it (the latest only)


def _prefixes(path: str) -> list[str]:
    parts = path.strip("/").split("/")
    return ["/" + "/".join(parts[: depth + 1]) + "/" for depth in range(len(parts))]


def roll_up(values: dict[int, int], index: UnitIndex) -> dict[str, int]:
    """Totals per unit path: each count added to its unit, every ancestor and the enterprise's zone."""
    totals: dict[str, int] = defaultdict(int)
    prefix_cache: dict[str, list[str]] = {}
    for unit_id, count in values.items():
        path = index.path_of.get(unit_id)
        if path is None:
            continue
        prefixes = prefix_cache.get(path) or prefix_cache.setdefault(path, _prefixes(path))
        for prefix in prefixes:
            totals[prefix] += count
        zone_path = index.zone_path_of.get(unit_id)
        if zone_path:
            totals[zone_path] += count
    return dict(totals)


def by_segment(values: dict[int, int], index: UnitIndex, *, within: str) -> dict[str, int]:
    """Counts on enterprises under `within` (a path), per segment; a count may fall in several segments."""
    totals: dict[str, int] = defaultdict(int)
    for unit_id, count in values.items():
        path = index.path_of.get(unit_id, "")
        if unit_id in index.segments_of and (path.startswith(within) or index.zone_path_of.get(unit_id) == within):
            for segment in index.segments_of[unit_id]:
                totals[segment] += count
    return dict(totals)


@dataclass
class PeriodFigures:
    """Counts of every indicator for one period: raw (per lowest unit), rolled up on demand, or already summed
    for the one unit a report is about."""

    period: ReportingPeriod
    index: UnitIndex
    raw: dict[str, dict[int, int]] = field(default_factory=dict)
    scoped: dict[str, int] = field(default_factory=dict)
    available: set[str] = field(default_factory=set)
    _totals: dict[str, dict[str, int]] = field(default_factory=dict)

    def totals(self, code: str) -> dict[str, int]:
        if code not in self._totals:
            self._totals[code] = roll_up(self.raw.get(code, {}), self.index)
        return self._totals[code]

    def value(self, indicator: Indicator, unit: OrgUnit) -> int | None:
        if indicator.code not in self.available:
            return None
        if indicator.code in self.scoped:
            return self.scoped[indicator.code]
        return self.totals(indicator.code).get(report_scope(unit).path, 0)


def _period_unsaved(code: str) -> ReportingPeriod:
    spec = periods.period_parse(code)
    return ReportingPeriod(
        code=spec.code,
        kind=spec.kind,
        label=spec.label,
        starts_on=spec.starts_on,
        ends_on=spec.ends_on,
        due_on=spec.due_on,
    )


def periods_get(*, codes: list[str]) -> list[ReportingPeriod]:
    """The periods with these codes in one query, in the order given; a period nobody recorded anything for yet is
    an unsaved one built from its code (a page reads periods, it never creates them). A malformed code raises
    ValidationError."""
    found = {period.code: period for period in ReportingPeriod.objects.filter(code__in=codes)}
    return [found.get(code) or _period_unsaved(code) for code in codes]


def period_get(*, code: str) -> ReportingPeriod:
    return periods_get(codes=[periods.period_parse(code).code])[0]


def report_scope(unit: OrgUnit) -> OrgUnit:
    """The unit whose territory a unit's figures cover: a body reports on the unit it acts over."""
    return unit.scope_root


def _sum_within(values: dict[int, int], index: UnitIndex, scope: OrgUnit) -> int:
    if scope.kind in OrgUnit.ZONE_KINDS:
        return sum(count for unit_id, count in values.items() if index.zone_path_of.get(unit_id) == scope.path)
    return sum(count for unit_id, count in values.items() if index.path_of.get(unit_id, "").startswith(scope.path))


@dataclass
class StoredFigures:
    """What the hourly `plans_figures` timer stored for some periods: {(source code, start, end): {unit id: count}}."""

    values: dict[tuple[str, dt.date, dt.date], dict[int, int]]
    as_of: dt.datetime | None

    @classmethod
    def load(cls, *, periods: list[ReportingPeriod]) -> "StoredFigures":
        """Every source's stored counts for these periods, in one query; `as_of` is the oldest computation read."""
        ranges = Q(pk__in=[])
        for period in periods:
            ranges |= Q(starts_on=period.starts_on, ends_on=period.ends_on)
        rows = SourceFigures.objects.filter(ranges).values_list(
            "source_code", "starts_on", "ends_on", "values", "computed_at"
        )
        values, moments = {}, []
        for code, starts_on, ends_on, counts, computed_at in rows:
            values[(code, starts_on, ends_on)] = {int(unit): count for unit, count in counts.items()}
            moments.append(computed_at)
        return cls(values, min(moments, default=None))


def _source_values(
    source: IndicatorSource, period: ReportingPeriod, max_age: int, stored: StoredFigures | None
) -> dict[int, int]:
    if stored is not None and (source.code, period.starts_on, period.ends_on) in stored.values:
        return stored.values[(source.code, period.starts_on, period.ends_on)]
    if not max_age:
        return source.values(start=period.starts_on, end=period.ends_on)
    key = f"plans:source:{source.code}:{period.starts_on}:{period.ends_on}"
    # never None: the default is a callable, stored and returned when the key is missing
    return cast(
        dict[int, int],
        cache.get_or_set(key, lambda: source.values(start=period.starts_on, end=period.ends_on), max_age),
    )


def figures_for_period(
    *,
    period: ReportingPeriod,
    indicators: list[Indicator],
    index: UnitIndex,
    within: OrgUnit | None = None,
    max_age: int = 0,
    stored: StoredFigures | None = None,
) -> PeriodFigures:
    """Ask each source once for the period. With `within`, only that unit's totals are kept (for a report):
    entered figures are then summed by the database in one grouped query instead of being fetched row by row.
    With `stored`, a source's counts come from what the hourly timer stored, when it stored this period; else with
    `max_age` they may come from the cache up to that many seconds old (dashboards only: reports always count
    afresh)."""
    sources = plan_sources.sources_all()
    figures = PeriodFigures(period=period, index=index)
    entered_ids = [i.pk for i in indicators if i.kind == Indicator.Kind.ENTERED]
    entered = EnteredValue.objects.none()  # a period nobody recorded against yet (unsaved) has none
    if period.pk:
        entered = EnteredValue.objects.filter(period=period, indicator_id__in=entered_ids)
    scope = report_scope(within) if within else None
    if scope is not None:
        if scope.kind in OrgUnit.ZONE_KINDS:
            entered = entered.filter(unit__enterprise__zone=scope)
        elif scope.parent_id is not None:  # the root holds everything: no join to plan around
            entered = entered.filter(unit__path__startswith=scope.path)
        sums = dict(entered.values_list("indicator_id").annotate(total=Sum("value")).order_by())
    else:
        per_unit: dict[int, dict[int, int]] = defaultdict(dict)
        for indicator_id, unit_id, value in entered.values_list("indicator_id", "unit_id", "value"):
            per_unit[indicator_id][unit_id] = value
    for indicator in indicators:
        if indicator.kind == Indicator.Kind.ENTERED:
            if scope is not None:
                figures.scoped[indicator.code] = sums.get(indicator.pk) or 0
            else:
                figures.raw[indicator.code] = per_unit.get(indicator.pk, {})
        elif indicator.source_code in sources:
            values = _source_values(sources[indicator.source_code], period, max_age, stored)
            if scope is not None:
                figures.scoped[indicator.code] = _sum_within(values, index, scope)
            else:
                figures.raw[indicator.code] = values
        else:
            continue
        figures.available.add(indicator.code)
    return figures


def targets_for(*, period: ReportingPeriod, units: list[OrgUnit]) -> dict[tuple[int, int], int]:
    """{(indicator_id, unit_id): target} for these units and period, in one query."""
    if period.pk is None:
        return {}
    rows = Target.objects.filter(period=period, unit__in=units).values_list("indicator_id", "unit_id", "value")
    return {(indicator_id, unit_id): value for indicator_id, unit_id, value in rows}


def indicators_active() -> list[Indicator]:
    return list(Indicator.objects.filter(is_active=True))


def split_by_weight(total: int, weights: list[int]) -> list[int]:
    """Whole shares of `total` proportional to `weights`, adding up to `total` (largest remainders first; equal
    weights when none is positive)."""
    if not weights:
        return []
    if sum(weights) <= 0:
        weights = [1] * len(weights)
    whole = sum(weights)
    shares = [total * weight // whole for weight in weights]
    by_remainder = sorted(range(len(weights)), key=lambda i: (-(total * weights[i] % whole), i))
    for i in by_remainder[: total - sum(shares)]:
        shares[i] += 1
    return shares


@dataclass(frozen=True)
class TargetShare:
    unit: OrgUnit
    workers: int
    proposed: int
    current: int | None


def target_split_proposal(
    *, indicator: Indicator, parent: OrgUnit, period: ReportingPeriod
) -> tuple[int | None, list[TargetShare]]:
    """The parent's target for the period and, for each commune or ward under it, a share proportional to the
    workers of its enterprises, with the target already set for it if any."""
    scope = report_scope(parent)
    targets = Target.objects.filter(indicator=indicator, period=period) if period.pk else Target.objects.none()
    total = targets.filter(unit=scope).values_list("value", flat=True).first()
    communes = list(OrgUnit.objects.filter(parent=scope, kind__in=OrgUnit.COMMUNE_KINDS).order_by("name"))
    workers = dict(
        Enterprise.objects.filter(commune__in=communes)
        .values_list("commune")
        .annotate(total=Sum("worker_count"))
        .values_list("commune", "total")
    )
    weights = [workers.get(commune.pk) or 0 for commune in communes]
    proposed = split_by_weight(total or 0, weights)
    current = dict(targets.filter(unit__in=communes).values_list("unit", "value"))
    shares = [
        TargetShare(unit=commune, workers=weight, proposed=share, current=current.get(commune.pk))
        for commune, weight, share in zip(communes, weights, proposed, strict=True)
    ]
    return total, shares
