"""The national view: every province's verified figures for a period, side by side and added up."""

from collections import defaultdict
from dataclasses import dataclass, field

from lantoa.national.models import ProvinceReturn


@dataclass
class Combined:
    period_code: str
    provinces: list[ProvinceReturn]
    totals: dict[str, int] = field(default_factory=dict)  # indicator code → sum over provinces that report it
    names: dict[str, str] = field(default_factory=dict)
    reporting: dict[str, int] = field(default_factory=dict)  # indicator code → provinces with a figure


def combined(*, period_code: str) -> Combined:
    """Indicators are matched by code (every province ships the same indicators.toml); a province that has no
    figure for an indicator (its source not available there) is left out of that sum and counted as not reporting."""
    provinces = list(ProvinceReturn.objects.filter(period_code=period_code).order_by("province_code"))
    result = Combined(period_code=period_code, provinces=provinces)
    totals: dict[str, int] = defaultdict(int)
    for entry in provinces:
        for indicator in entry.payload.get("indicators", []):
            result.names.setdefault(indicator["code"], indicator["name"])
            if isinstance(indicator.get("value"), int):
                totals[indicator["code"]] += indicator["value"]
                result.reporting[indicator["code"]] = result.reporting.get(indicator["code"], 0) + 1
    result.totals = dict(totals)
    return result
