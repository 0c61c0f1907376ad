"""What an employer (and officials) may see of reports: counts per category and calendar month, never a report.

Every figure is computed over a fixed bucket — one enterprise, one calendar month (Asia/Ho_Chi_Minh) that has ended —
and a date range only chooses which whole buckets are shown. So moving the range by a day either shows the same
months or adds or drops a whole month, whose figures are the same in every range: no difference between two ranges
can single out a report (the attack of shifting a window around one report finds nothing to subtract). The running
month is never shown, so watching the page day by day reveals no arrival either.
In a month, a category count is shown only from K_ANONYMITY reports; below that (zero included) it reads "dưới 5", so
not even the existence of a lone report shows. The month's total is shown only when the hidden cells together are
none or at least K_ANONYMITY, so a small cell cannot be worked out by subtraction. Texts appear only when the worker
chose to share them, in their month only once it holds K_ANONYMITY reports, without day or category, in an order
that says nothing about time. No id, day or time of a report reaches this view.
"""

import datetime as dt
import hashlib
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, QuerySet
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.translation import gettext as _

from lantoa.core.registry import period_bounds
from lantoa.orgs import selectors as org_selectors
from lantoa.orgs.models import Enterprise, User
from lantoa.voice import crypto
from lantoa.voice.models import Category, Report

K_ANONYMITY = 5
MAX_PERIOD_MONTHS = 24  # the longest range the employer's view reads at once


@dataclass
class Cell:
    label: str
    count: int | None  # None: fewer than K_ANONYMITY, hidden


@dataclass
class MonthAggregate:
    month: dt.date  # its first day
    cells: list[Cell] = field(default_factory=list)
    total: int | None = None
    shared_texts: list[str] = field(default_factory=list)

    @property
    def label(self) -> str:
        return _("Tháng %(month)02d/%(year)s") % {"month": self.month.month, "year": self.month.year}


@dataclass
class EnterpriseAggregate:
    enterprise: Enterprise
    months: list[MonthAggregate] = field(default_factory=list)


def suppress(counts: dict[str, int], labels: dict[str, str]) -> tuple[list[Cell], int | None]:
    cells = [Cell(label=labels[key], count=count if count >= K_ANONYMITY else None) for key, count in counts.items()]
    total = sum(counts.values())
    hidden = sum(count for count in counts.values() if count < K_ANONYMITY)
    shown_total = total if total >= K_ANONYMITY and (hidden == 0 or hidden >= K_ANONYMITY) else None
    return cells, shown_total


def _month_of(day: dt.date) -> dt.date:
    return day.replace(day=1)


def _next_month(month: dt.date) -> dt.date:
    return (month + dt.timedelta(days=32)).replace(day=1)


def months_touched(start: dt.date, end: dt.date) -> int:
    return (end.year - start.year) * 12 + end.month - start.month + 1


def months_between(start: dt.date, end: dt.date) -> list[dt.date]:
    """The whole calendar months the range touches, without the running month (nor any later one).

    At most the last MAX_PERIOD_MONTHS of them (the form refuses a longer range): a page, and its queries, stay small.
    """
    running = _month_of(timezone.localdate())
    last = min(_month_of(end), _previous_month(running))
    first = max(_month_of(start), _months_back(last, MAX_PERIOD_MONTHS - 1))
    months, month = [], first
    while month <= last:
        months.append(month)
        month = _next_month(month)
    return months


def _previous_month(month: dt.date) -> dt.date:
    return _months_back(month, 1)


def _months_back(month: dt.date, count: int) -> dt.date:
    index = month.year * 12 + month.month - 1 - count
    return dt.date(index // 12, index % 12 + 1, 1)


def aggregate_enterprises_for_user(*, user: User) -> QuerySet[Enterprise]:
    return org_selectors.enterprise_list_for_user(user=user, action="voice.view_aggregates")


def aggregate_for_enterprise(*, enterprise: Enterprise, start: dt.date, end: dt.date) -> EnterpriseAggregate:
    """The caller checked `voice.view_aggregates` on `enterprise` (aggregate_enterprises_for_user)."""
    months = months_between(start, end)
    result = EnterpriseAggregate(enterprise=enterprise)
    if not months:
        return result
    since, until = period_bounds(months[0], _next_month(months[-1]) - dt.timedelta(days=1))
    zone = timezone.get_current_timezone()
    reports = Report.objects.filter(enterprise=enterprise, created_at__gte=since, created_at__lt=until).annotate(
        month=TruncMonth("created_at", tzinfo=zone)
    )
    labels = {category.slug: category.name for category in Category.objects.all()}
    counts: dict[dt.date, dict[str, int]] = {month: dict.fromkeys(labels, 0) for month in months}
    for row in reports.values("month", "category__slug").annotate(n=Count("pk")):
        counts[_as_date(row["month"])][row["category__slug"]] = row["n"]
    texts: dict[dt.date, list[str]] = defaultdict(list)
    full = [month for month in months if sum(counts[month].values()) >= K_ANONYMITY]
    if full:
        for month, blob in reports.filter(is_shareable=True).values_list("month", "body_enc"):
            if _as_date(month) in full:
                texts[_as_date(month)].append(crypto.decrypt_text(blob))
    for month in months:
        cells, total = suppress(counts[month], labels)
        # Sorted by a hash of the text, not by time: the order says nothing about who wrote when.
        shared = sorted(texts[month], key=lambda text: hashlib.sha256(text.encode()).hexdigest())
        result.months.append(MonthAggregate(month=month, cells=cells, total=total, shared_texts=shared))
    return result


def _as_date(value: dt.date | dt.datetime) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else value
