import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from lantoa.orgs import services as org_services
from lantoa.orgs.models import OrgUnit
from lantoa.plans.models import Indicator
from lantoa.plans.selectors.figures import StoredFigures, UnitIndex, by_segment, figures_for_period, roll_up
from lantoa.plans.services import plans


@pytest.fixture
def zone(province, commune):
    unit, _created = org_services.unit_save(
        code="KCN-THU",
        name="Khu công nghiệp Thử",
        kind=OrgUnit.Kind.INDUSTRIAL_PARK,
        parent=province,
        commune=commune("Xã Bình Hòa"),
    )
    return unit


def test_counts_roll_up_to_commune_province_and_zone(fake_sources, zone, make_enterprise, province, commune):
    inside = make_enterprise(commune="Xã Bình Hòa", zone=zone)
    outside = make_enterprise(commune="Phường Rạch Giá")
    fake_sources["counts"].update({inside.unit_id: 3, outside.unit_id: 2})
    totals = roll_up(fake_sources["counts"], UnitIndex.load())
    assert totals[province.path] == 5
    assert totals[commune("Xã Bình Hòa").path] == 3
    assert totals[commune("Phường Rạch Giá").path] == 2
    assert totals[zone.path] == 3
    assert totals[inside.unit.path] == 3


def test_the_unit_index_is_read_once_until_a_unit_or_an_enterprise_changes(
    make_enterprise, province, django_assert_num_queries
):
    first = UnitIndex.load()
    with django_assert_num_queries(0):
        assert UnitIndex.load() is first
    added = make_enterprise(commune="Xã Bình Hòa")
    again = UnitIndex.load()
    assert again is not first and added.unit_id in again.path_of and added.unit_id in again.segments_of


def test_each_source_is_asked_once_per_period_with_its_dates(fake_sources, quarter, enterprise_a):
    plans.indicators_sync()
    fake_sources["counts"][enterprise_a.unit_id] = 4
    indicators = list(Indicator.objects.all())
    figures = figures_for_period(period=quarter, indicators=indicators, index=UnitIndex.load())
    assert fake_sources["calls"] == [(dt.date(2026, 1, 1), dt.date(2026, 3, 31))]
    events = Indicator.objects.get(code="activities.events")
    assert events.kind == Indicator.Kind.COMPUTED
    assert figures.value(events, enterprise_a.commune) == 4


def test_dashboards_may_reuse_a_sources_counts_while_reports_count_afresh(fake_sources, quarter, enterprise_a):
    from django.core.cache import cache

    cache.clear()
    plans.indicators_sync()
    events = Indicator.objects.get(code="activities.events")
    fake_sources["counts"][enterprise_a.unit_id] = 4
    first = figures_for_period(period=quarter, indicators=[events], index=UnitIndex.load(), max_age=60)
    fake_sources["counts"][enterprise_a.unit_id] = 5
    cached = figures_for_period(period=quarter, indicators=[events], index=UnitIndex.load(), max_age=60)
    fresh = figures_for_period(period=quarter, indicators=[events], index=UnitIndex.load())
    assert first.value(events, enterprise_a.commune) == 4
    assert cached.value(events, enterprise_a.commune) == 4
    assert fresh.value(events, enterprise_a.commune) == 5
    assert len(fake_sources["calls"]) == 2
    cache.clear()


def test_orgs_sources_count_workers_union_members_and_enterprises_with_a_union(
    fake_sources, quarter, make_enterprise, province
):
    plans.indicators_sync()
    make_enterprise(workers=300, union_member_count=250)
    make_enterprise(workers=40, union_member_count=0)
    indicators = {i.code: i for i in Indicator.objects.all()}
    figures = figures_for_period(period=quarter, indicators=list(indicators.values()), index=UnitIndex.load())
    assert figures.value(indicators["orgs.workers"], province) == 340
    assert figures.value(indicators["orgs.union_members"], province) == 250
    assert figures.value(indicators["orgs.enterprises"], province) == 2
    assert figures.value(indicators["orgs.enterprises_with_union"], province) == 1


def test_entered_figures_roll_up_and_a_body_reports_on_the_unit_it_acts_over(
    fake_sources, quarter, commune, province, labour_federation, commune_officer
):
    plans.indicators_sync()
    sessions = Indicator.objects.get(code="entered.traditional_media")
    plans.entered_value_set(
        indicator=sessions, unit=commune("Xã Bình Hòa"), period=quarter, value=7, by=commune_officer
    )
    figures = figures_for_period(period=quarter, indicators=[sessions], index=UnitIndex.load())
    assert figures.value(sessions, province) == 7
    assert figures.value(sessions, labour_federation) == 7


def test_a_computed_indicator_cannot_be_entered(fake_sources, quarter, commune, commune_officer):
    plans.indicators_sync()
    workers = Indicator.objects.get(code="orgs.workers")
    with pytest.raises(ValidationError) as error:
        plans.entered_value_set(
            indicator=workers, unit=commune("Xã Bình Hòa"), period=quarter, value=1, by=commune_officer
        )
    assert error.value.code == "indicator_computed"


def test_a_commune_officer_cannot_enter_figures_for_another_commune(fake_sources, quarter, commune, commune_officer):
    plans.indicators_sync()
    sessions = Indicator.objects.get(code="entered.traditional_media")
    with pytest.raises(ValidationError) as error:
        plans.entered_value_set(
            indicator=sessions, unit=commune("Phường Rạch Giá"), period=quarter, value=1, by=commune_officer
        )
    assert error.value.code == "entered_forbidden"


def test_figures_split_by_segment_within_a_unit(fake_sources, zone, make_enterprise, province):
    fdi = make_enterprise(zone=zone, ownership="fdi", workers=500)
    small = make_enterprise(commune="Phường Rạch Giá", workers=20)
    values = {fdi.unit_id: 10, small.unit_id: 1}
    segments = by_segment(values, UnitIndex.load(), within=province.path)
    assert segments["fdi"] == 10
    assert segments["kcn_ccn"] == 10
    assert segments["sme"] == 1


def test_a_missing_source_gives_no_figure_rather_than_zero(fake_sources, quarter, province, db):
    orphan = Indicator.objects.create(
        code="voice.cases", name="Phản ánh", measure="vụ", kind="computed", source_code="voice.cases"
    )
    figures = figures_for_period(period=quarter, indicators=[orphan], index=UnitIndex.load())
    assert figures.value(orphan, province) is None


def test_the_hourly_figures_are_stored_per_period_and_read_by_dashboards_until_the_next_run(
    fake_sources, quarter, enterprise_a
):
    from lantoa.plans.models import SourceFigures
    from lantoa.plans.services.figures import source_figures_refresh

    plans.indicators_sync()
    events = Indicator.objects.get(code="activities.events")
    SourceFigures.objects.create(  # a period no dashboard opens on any more
        source_code=events.source_code,
        starts_on=dt.date(2020, 1, 1),
        ends_on=dt.date(2020, 3, 31),
        values={},
        computed_at=dt.datetime(2020, 4, 1, tzinfo=dt.UTC),
    )
    fake_sources["counts"][enterprise_a.unit_id] = 3
    source_figures_refresh(on=dt.date(2026, 2, 10))
    stored = SourceFigures.objects.get(
        source_code="activities.events", starts_on=quarter.starts_on, ends_on=quarter.ends_on
    )
    assert stored.values == {str(enterprise_a.unit_id): 3}
    assert not SourceFigures.objects.filter(starts_on=dt.date(2020, 1, 1)).exists()
    assert SourceFigures.objects.filter(source_code="activities.events").count() == 8  # six quarters, H1, year

    fake_sources["counts"][enterprise_a.unit_id] = 5
    calls = len(fake_sources["calls"])
    figures = figures_for_period(
        period=quarter, indicators=[events], index=UnitIndex.load(), stored=StoredFigures.load(periods=[quarter])
    )
    assert figures.raw["activities.events"] == {enterprise_a.unit_id: 3}  # what the timer stored, not asked again
    assert len(fake_sources["calls"]) == calls
