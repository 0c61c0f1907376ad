import datetime as dt

import time_machine
from django.urls import reverse

from lantoa.activities import indicators
from lantoa.activities.services import checkin as checkin_services
from lantoa.activities.services import dialogues as dialogue_services
from lantoa.core import registry

START, END = dt.date(2026, 1, 1), dt.date(2026, 3, 31)


def test_activities_declares_indicator_sources_with_record_views():
    sources = {source.code: source for source in registry.indicator_sources() if source.code.startswith("activities.")}
    assert {"activities.events_held", "activities.event_attendance", "activities.dialogues_held"} <= set(sources)
    assert "activities.enterprises_with_dialogue_12m" in sources
    assert "activities.propagandists_trained" in sources
    for source in sources.values():
        assert reverse(source.records_url_name)


def test_attendance_adds_qr_checkins_and_hand_counts_per_enterprise_unit(make_event, enterprise_a, enterprise_b):
    with time_machine.travel(dt.datetime(2026, 2, 10, 3, tzinfo=dt.UTC), tick=False):
        event = make_event(held=True, unscanned_attendance=30)
        code = checkin_services.checkin_code(event=event)
        for phone in ("a", "b", "a"):
            checkin_services.checkin_record(event=event, code=code, device_token=phone)
        make_event(enterprise=enterprise_b, held=True, unscanned_attendance=5)
        make_event(held=False)  # planned: not counted
    assert indicators.events_held(start=START, end=END) == {enterprise_a.unit_id: 1, enterprise_b.unit_id: 1}
    assert indicators.event_attendance(start=START, end=END) == {enterprise_a.unit_id: 32, enterprise_b.unit_id: 5}
    assert indicators.qr_checkins(start=START, end=END) == {enterprise_a.unit_id: 2}
    assert indicators.events_held(start=dt.date(2026, 4, 1), end=dt.date(2026, 6, 30)) == {}


def test_dissemination_counts_held_talks_and_conferences_only(make_event, enterprise_a):
    with time_machine.travel(dt.datetime(2026, 2, 10, 3, tzinfo=dt.UTC), tick=False):
        make_event(held=True, unscanned_attendance=180)
        make_event(held=True, kind="conference", unscanned_attendance=40)
        make_event(held=True, kind="culture_sport", unscanned_attendance=300)
    assert indicators.dissemination_sessions(start=START, end=END) == {enterprise_a.unit_id: 2}
    assert indicators.dissemination_attendance(start=START, end=END) == {enterprise_a.unit_id: 220}


def test_the_plans_dissemination_figures_are_fed_from_event_records(db):
    from lantoa.plans.models import Indicator
    from lantoa.plans.services import plans

    plans.indicators_sync()
    fed = dict(Indicator.objects.filter(code__contains="dissemination").values_list("code", "source_code"))
    assert fed == {
        "entered.dissemination_sessions": "activities.dissemination_sessions",
        "entered.dissemination_attendance": "activities.dissemination_attendance",
    }


def test_enterprises_with_dialogue_look_back_twelve_months_from_the_period_end(enterprise_a, enterprise_b):
    with time_machine.travel(dt.datetime(2026, 4, 1, tzinfo=dt.UTC)):
        for enterprise, held_on in ((enterprise_a, dt.date(2025, 5, 1)), (enterprise_b, dt.date(2025, 3, 1))):
            dialogue_services.dialogue_record(enterprise=enterprise, kind="periodic", held_on=held_on, agenda="Lương")
    assert indicators.enterprises_with_dialogue_12m(start=START, end=END) == {enterprise_a.unit_id: 1}
    assert indicators.dialogues_held(start=START, end=END) == {}


def test_records_view_lists_the_events_behind_a_figure(client, union_officer, make_event, enterprise_a):
    with time_machine.travel(dt.datetime(2026, 2, 10, 3, tzinfo=dt.UTC), tick=False):
        make_event(held=True, title="Hội thi tìm hiểu pháp luật")
    client.force_login(union_officer)
    url = reverse("activities:records-events")
    page = client.get(url, {"unit": "91", "start": "2026-01-01", "end": "2026-03-31"}).content.decode()
    assert "Hội thi tìm hiểu pháp luật" in page
    assert client.get(url, {"unit": "91", "start": "2026-04-01", "end": "2026-01-01"}).status_code == 400


def test_records_view_hides_units_outside_the_users_scope(client, employer, enterprise_b):
    client.force_login(employer)
    url = reverse("activities:records-dialogues")
    query = {"start": "2026-01-01", "end": "2026-03-31"}
    assert client.get(url, {"unit": enterprise_b.unit.code, **query}).status_code == 404
    assert client.get(url, {"unit": "91", **query}).status_code == 404


def test_employer_reads_the_dialogue_records_of_their_enterprise_but_not_its_events(client, employer, enterprise_a):
    client.force_login(employer)
    query = {"unit": enterprise_a.unit.code, "start": "2026-01-01", "end": "2026-03-31"}
    assert client.get(reverse("activities:records-dialogues"), query).status_code == 200
    assert client.get(reverse("activities:records-events"), query).status_code == 404
