"""What an employer (and officials) may see of reports: counts per category with k-anonymity, never a report.

A cell is shown only with at least K_ANONYMITY reports. The total is shown only when the hidden cells together are
none or at least K_ANONYMITY too, so a small cell cannot be worked out by subtraction. Texts appear only when the
worker chose to share them, without date or category, and only once the period holds K_ANONYMITY reports.
"""

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, QuerySet

from lantoa.core.registry import period_bounds
from lantoa.orgs import selectors as org_selectors
from lantoa.orgs.models import Enterprise
from lantoa.voice import crypto
from lantoa.voice.models import Category, Report

K_ANONYMITY = 5


@dataclass
class Cell:
    label: str
    count: int | None  # None: fewer than K_ANONYMITY, hidden


@dataclass
class EnterpriseAggregate:
    enterprise: Enterprise
    cells: list[Cell] = field(default_factory=list)
    total: int | None = None
    shared_texts: list[str] = field(default_factory=list)

    @property
    def has_hidden(self) -> bool:
        return any(cell.count is None for cell in self.cells)


def suppress(counts: dict[str, int], labels: dict[str, str]) -> tuple[list[Cell], int | None]:
    cells = [
        Cell(label=labels[key], count=count if count >= K_ANONYMITY else None)
        for key, count in counts.items()
        if count > 0
    ]
    total = sum(counts.values())
    hidden = sum(count for count in counts.values() if 0 < count < K_ANONYMITY)
    shown_total = total if total >= K_ANONYMITY and (hidden == 0 or hidden >= K_ANONYMITY) else None
    return cells, shown_total


def aggregate_enterprises_for_user(*, user: Any) -> QuerySet[Enterprise]:
    return org_selectors.enterprise_list_for_user(user=user, action="voice.view_aggregates")


def aggregate_for_enterprise(*, enterprise: Enterprise, start: dt.date, end: dt.date) -> EnterpriseAggregate:
    """The caller checked `voice.view_aggregates` on `enterprise` (aggregate_enterprises_for_user)."""
    since, until = period_bounds(start, end)
    reports = Report.objects.filter(enterprise=enterprise, created_at__gte=since, created_at__lt=until)
    labels = {category.slug: category.name for category in Category.objects.all()}
    counts = dict.fromkeys(labels, 0)
    for row in reports.values("category__slug").annotate(n=Count("pk")):
        counts[row["category__slug"]] = row["n"]
    cells, total = suppress(counts, labels)
    result = EnterpriseAggregate(enterprise=enterprise, cells=cells, total=total)
    if sum(counts.values()) >= K_ANONYMITY:
        texts = [
            crypto.decrypt_text(blob) for blob in reports.filter(is_shareable=True).values_list("body_enc", flat=True)
        ]
        # Sorted by a hash of the text, not by time: the order says nothing about who wrote when.
        result.shared_texts = sorted(texts, key=lambda text: hashlib.sha256(text.encode()).hexdigest())
    return result
