import datetime as dt

import pytest
from django.utils import timezone

from lantoa.activities.services import events as event_services
from lantoa.orgs import services as org_services
from lantoa.orgs.models import OrgUnit, Role


@pytest.fixture
def grassroots_union(enterprise_a):
    unit, _created = org_services.unit_save(
        code="CDCS-A", name="CĐCS Công ty A", kind=OrgUnit.Kind.GRASSROOTS_UNION, parent=enterprise_a.unit
    )
    return unit


@pytest.fixture
def grassroots_officer(grassroots_union, make_official):
    """The enterprise's union chair: acts over enterprise A only."""
    return make_official(unit=grassroots_union, role=Role.UNION_OFFICER, name="Chủ tịch CĐCS A")


@pytest.fixture
def worker_user(grassroots_union, make_official):
    return make_official(unit=grassroots_union, role=Role.WORKER, name="Công nhân A")


@pytest.fixture
def make_event(enterprise_a):
    def make(*, enterprise=None, held=False, starts_at=None, **fields):
        enterprise = enterprise or enterprise_a
        return event_services.event_create(
            unit=enterprise.unit,
            enterprise=enterprise,
            kind=fields.pop("kind", "talk"),
            title=fields.pop("title", "Nói chuyện về hợp đồng lao động"),
            starts_at=starts_at or timezone.now() - dt.timedelta(minutes=10),
            held=held,
            **fields,
        )

    return make
