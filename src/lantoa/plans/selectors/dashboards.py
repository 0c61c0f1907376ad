"""The dashboard of one unit: headline figures, communes as tiles, segments, trend and drill-down."""

import datetime as dt
from dataclasses import dataclass
from urllib.parse import urlencode

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext as _

from lantoa.orgs.models import SEGMENT_LABELS, Enterprise, OrgUnit
from lantoa.plans import charts, periods
from lantoa.plans.models import Indicator, ReportingPeriod
from lantoa.plans.selectors.documents import Table
from lantoa.plans.selectors.figures import (
    StoredFigures,
    UnitIndex,
    by_segment,
    figures_for_period,
    periods_get,
    report_scope,
    targets_for,
)
from lantoa.plans.selectors.links import records_url

TREND_QUARTERS = 6
WORKERS = "orgs.workers"


@dataclass
class Headline:
    indicator: Indicator
    value: int | None
    target: int | None
    records_url: str


@dataclass
class Dashboard:
    unit: OrgUnit
    period: ReportingPeriod
    indicator: Indicator
    headlines: list[Headline]
    map_svg: str
    ranking_svg: str
    segment_svg: str
    trend_svg: str
    children: Table
    segments: Table
    as_of: dt.datetime | None  # when the hourly timer computed the stored figures shown (None: counted now)


def dashboard_url(unit: OrgUnit, period: ReportingPeriod, indicator: Indicator) -> str:
    query = urlencode({"unit": unit.code, "period": period.code, "indicator": indicator.code})
    return f"{reverse('plans:dashboard')}?{query}"


def _children(unit: OrgUnit, index: UnitIndex) -> list[OrgUnit]:
    if unit.kind == OrgUnit.Kind.PROVINCE:
        return list(OrgUnit.objects.filter(parent=unit, kind__in=[*OrgUnit.COMMUNE_KINDS, *OrgUnit.ZONE_KINDS]))
    if unit.kind in OrgUnit.ZONE_KINDS:
        return [e.unit for e in Enterprise.objects.filter(zone=unit).select_related("unit")]
    return list(OrgUnit.objects.filter(parent=unit, kind=OrgUnit.Kind.ENTERPRISE))


def dashboard_build(
    *, unit: OrgUnit, period: ReportingPeriod, indicator: Indicator, indicators: list[Indicator]
) -> Dashboard:
    """The board of `unit` for `period`, `indicator` drawn in detail among the active `indicators`; reads only."""
    index = UnitIndex.load()
    scope = report_scope(unit)
    quarters = periods_get(codes=periods.quarter_codes_until(period.code, TREND_QUARTERS))
    stored = StoredFigures.load(periods=[period, *quarters])
    cached = {"max_age": settings.PLANS_DASHBOARD_CACHE_SECONDS, "stored": stored}
    current = figures_for_period(period=period, indicators=indicators, index=index, within=scope, **cached)
    shown = [i for i in indicators if i.code in (indicator.code, WORKERS)]
    detail = figures_for_period(period=period, indicators=shown, index=index, **cached)
    targets = targets_for(period=period, units=[scope])
    headlines = [
        Headline(
            i,
            current.value(i, scope),
            targets.get((i.pk, scope.pk)),
            records_url(indicator=i, unit=scope, period=period),
        )
        for i in indicators
        if i.code in current.available
    ]
    totals = detail.totals(indicator.code)
    workers = detail.totals(WORKERS)
    children = sorted(_children(scope, index), key=lambda child: (-totals.get(child.path, 0), child.name))
    communes = sorted((c for c in children if c.is_commune_level), key=lambda c: (c.kind, c.name))
    tiles = [
        charts.Datum(c.name, totals.get(c.path, 0), dashboard_url(c, period, indicator), indicator.measure)
        for c in communes
    ]
    ranking = [
        charts.Datum(c.name, totals.get(c.path, 0), dashboard_url(c, period, indicator), indicator.measure)
        for c in children
    ]
    segment_values = by_segment(detail.raw.get(indicator.code, {}), index, within=scope.path)
    segment_data = [
        charts.Datum(str(label), segment_values.get(slug, 0), note=indicator.measure)
        for slug, label in SEGMENT_LABELS.items()
    ]
    trend = []
    for quarter in quarters:
        figures = figures_for_period(period=quarter, indicators=[indicator], index=index, within=scope, **cached)
        trend.append(charts.Datum(quarter.code.replace("-", " "), figures.value(indicator, scope)))
    child_table = Table(
        _("Theo đơn vị trực thuộc"),
        [_("Đơn vị"), indicator.name, _("Số lao động")],
        [[c.name, totals.get(c.path, 0), workers.get(c.path, 0)] for c in children],
        [dashboard_url(c, period, indicator) for c in children],
    )
    segment_table = Table(
        _("Theo nhóm đối tượng"), [_("Nhóm"), indicator.name], [[d.label, d.value] for d in segment_data]
    )
    title = indicator.name
    return Dashboard(
        unit=unit,
        period=period,
        indicator=indicator,
        headlines=headlines,
        map_svg=charts.tile_grid(tiles, title=title) if tiles else "",
        ranking_svg=charts.ranked_bars(ranking, title=title) if ranking else "",
        segment_svg=charts.ranked_bars(segment_data, title=title),
        trend_svg=charts.trend_line(trend, title=title),
        children=child_table,
        segments=segment_table,
        as_of=stored.as_of,
    )
