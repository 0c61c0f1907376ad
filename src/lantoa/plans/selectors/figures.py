"""Indicator figures per unit and period, rolled up the organisation tree.

One call per source per period (each source runs one grouped query over its records) gives counts on the
lowest units; every count is then added to the unit's ancestors by walking its materialised path, and an
enterprise's counts also go to its KCN/CCN. Nothing here scans records per unit.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from lantoa.orgs.models import Enterprise, OrgUnit
from lantoa.plans import sources as plan_sources
from lantoa.plans.models import EnteredValue, Indicator, ReportingPeriod, Target


@dataclass
class UnitIndex:
    """Where each unit sits: its path, and for an enterprise its zone and segments."""

    path_of: dict[int, str]
    zone_path_of: dict[int, str]
    segments_of: dict[int, list[str]]

    @classmethod
    def load(cls) -> "UnitIndex":
        path_of = dict(OrgUnit.objects.values_list("id", "path"))
        zone_path_of: dict[int, str] = {}
        segments_of: dict[int, list[str]] = {}
        enterprises = Enterprise.objects.values_list(
            "unit_id",
            "zone__path",
            "in_zone",
            "is_migrant_heavy",
            "is_border",
            "is_island",
            "is_rural",
            "is_sme",
            "ownership",
        )
        for unit_id, zone_path, *flags, ownership in enterprises:
            if zone_path:
                zone_path_of[unit_id] = zone_path
            names = ("kcn_ccn", "migrant", "border", "island", "rural", "sme")
            segments_of[unit_id] = [name for name, on in zip(names, flags, strict=True) if on]
            if ownership == Enterprise.Ownership.FDI:
                segments_of[unit_id].append("fdi")
        return cls(path_of, zone_path_of, segments_of)


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
    """Raw counts (per lowest unit) and rolled-up totals (per path) of every indicator for one period."""

    period: ReportingPeriod
    raw: dict[str, dict[int, int]]
    totals: dict[str, dict[str, int]]
    available: set[str] = field(default_factory=set)

    def value(self, indicator: Indicator, unit: OrgUnit) -> int | None:
        if indicator.code not in self.available:
            return None
        return self.totals[indicator.code].get(report_scope(unit).path, 0)


def report_scope(unit: OrgUnit) -> OrgUnit:
    """The unit whose territory a unit's figures cover: a body reports on the unit it acts over."""
    return unit.scope_root


def figures_for_period(*, period: ReportingPeriod, indicators: list[Indicator], index: UnitIndex) -> PeriodFigures:
    sources = plan_sources.sources_all()
    raw: dict[str, dict[int, int]] = {}
    entered: dict[int, dict[int, int]] = defaultdict(dict)
    for indicator_id, unit_id, value in EnteredValue.objects.filter(period=period).values_list(
        "indicator_id", "unit_id", "value"
    ):
        entered[indicator_id][unit_id] = value
    for indicator in indicators:
        if indicator.kind == Indicator.Kind.ENTERED:
            raw[indicator.code] = entered.get(indicator.pk, {})
        elif indicator.source_code in sources:
            raw[indicator.code] = sources[indicator.source_code].values(start=period.starts_on, end=period.ends_on)
    totals = {code: roll_up(values, index) for code, values in raw.items()}
    return PeriodFigures(period=period, raw=raw, totals=totals, available=set(raw))


def targets_for(*, period: ReportingPeriod, units: list[OrgUnit]) -> dict[tuple[int, int], int]:
    """{(indicator_id, unit_id): target} for these units and period, in one query."""
    rows = Target.objects.filter(period=period, unit__in=units).values_list("indicator_id", "unit_id", "value")
    return {(indicator_id, unit_id): value for indicator_id, unit_id, value in rows}


def indicators_active() -> list[Indicator]:
    return list(Indicator.objects.filter(is_active=True))
