"""Fixtures for plans: the provincial plan seeded, a superuser acting as the platform, fake indicator sources."""

import pytest

from lantoa.core import registry
from lantoa.core.registry import IndicatorSource
from lantoa.orgs.models import User
from lantoa.plans.services import plans


@pytest.fixture
def system(db: None) -> User:
    return User.objects.create_superuser(username="he-thong", password="x")


@pytest.fixture
def provincial_plan(province, propaganda_board, labour_federation):
    return plans.provincial_plan_seed(province=province)


@pytest.fixture
def fake_sources(monkeypatch):
    """A registry with one source another app would register: events held, per enterprise unit."""
    counts: dict[int, int] = {}
    calls: list[tuple] = []

    def values(*, start, end):
        calls.append((start, end))
        return dict(counts)

    source = IndicatorSource("activities.events", "Số buổi sinh hoạt, tuyên truyền", "buổi", values, "")
    monkeypatch.setattr(registry, "indicator_sources", lambda: [source])
    return {"counts": counts, "calls": calls}


@pytest.fixture
def indicators(db, fake_sources):
    """The indicators as the daily `plans_sync` timer leaves them (pages never create them)."""
    plans.indicators_sync()
    return fake_sources


@pytest.fixture
def quarter(db):
    return plans.period_ensure(code="2026-Q1")
