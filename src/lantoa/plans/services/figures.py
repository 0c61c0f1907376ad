"""The hourly computation of every source's counts for the periods dashboards show (the `plans_figures` timer)."""

import datetime as dt

from django.db import transaction
from django.utils import timezone

from lantoa.plans import periods
from lantoa.plans import sources as plan_sources
from lantoa.plans.models import SourceFigures
from lantoa.plans.selectors.dashboards import TREND_QUARTERS


def board_period_codes(day: dt.date) -> list[str]:
    """The periods a dashboard opens on by default: this quarter with its trend, and the periods reported on now."""
    trend = periods.quarter_codes_until(periods.quarter_code(day), TREND_QUARTERS)
    return list(dict.fromkeys([*trend, *periods.open_period_codes(day)]))


def source_figures_refresh(*, on: dt.date) -> int:
    """Ask every source once for each period of `board_period_codes(on)` and store its counts; rows for other
    periods are removed (a dashboard counts those when asked). Returns how many rows it stored."""
    ranges = {(spec.starts_on, spec.ends_on) for spec in map(periods.period_parse, board_period_codes(on))}
    stored = 0
    for source in plan_sources.sources_all().values():
        for starts_on, ends_on in sorted(ranges):
            values = source.values(start=starts_on, end=ends_on)
            SourceFigures.objects.update_or_create(
                source_code=source.code,
                starts_on=starts_on,
                ends_on=ends_on,
                defaults={
                    "values": {str(unit): count for unit, count in values.items()},
                    "computed_at": timezone.now(),
                },
            )
            stored += 1
    with transaction.atomic():
        kept = SourceFigures.objects.none()
        for starts_on, ends_on in ranges:
            kept = kept | SourceFigures.objects.filter(starts_on=starts_on, ends_on=ends_on)
        SourceFigures.objects.exclude(pk__in=kept.values("pk")).delete()
    return stored
