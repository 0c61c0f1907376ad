"""The sources the installed apps really register (voice, reach, activities) reach plans' reports: one record
made through each app's own services is counted for its commune in the right quarter, and nowhere else."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine

from lantoa.orgs import services as org_services
from lantoa.orgs.models import OrgUnit, Role
from lantoa.plans.models import Indicator, ReportFigure, UnitReport
from lantoa.plans.services import plans, reports
from lantoa.plans.sources import sources_all
from lantoa.reach.models import Kind
from lantoa.reach.services import device_reach_record, reach_record, reach_rollup
from lantoa.voice.services import cases as case_services
from lantoa.voice.services import reports as voice_reports

ZONE = ZoneInfo("Asia/Ho_Chi_Minh")
# Just after midnight on the first day of the second quarter, local time: still 31 March in UTC, so a source
# that read its records in UTC would count them in the first quarter.
FIRST_NIGHT_Q2 = dt.datetime(2026, 4, 1, 0, 30, tzinfo=ZONE)
VOICE_AND_REACH = (
    "voice.cases_received",
    "voice.cases_answered_on_time",
    "reach.lessons_completed",
    "reach.workers_reached",
)


def _figures(report: UnitReport) -> dict[str, int | None]:
    return dict(ReportFigure.objects.filter(report=report).values_list("indicator__code", "value"))


@pytest.fixture
def records_in_second_quarter(enterprise_a, make_official):
    union, _created = org_services.unit_save(
        code="CDCS-A", name="Công đoàn cơ sở Công ty A", kind=OrgUnit.Kind.GRASSROOTS_UNION, parent=enterprise_a.unit
    )
    chair = make_official(unit=union, role=Role.UNION_OFFICER, name="Chủ tịch công đoàn A")
    with time_machine.travel(FIRST_NIGHT_Q2 - dt.timedelta(minutes=10), tick=False):
        report = voice_reports.report_submit(
            category="luong-cham-thieu", text="Lương tháng 3 trả chậm.", enterprise=enterprise_a
        ).report
    with time_machine.travel(FIRST_NIGHT_Q2, tick=False):
        case_services.case_reply(report=report, user=chair, text="Công đoàn đã làm việc với công ty.")
        reach_record(kind=Kind.COMPLETED, enterprise=enterprise_a, topic="tien-luong")
        assert device_reach_record(device_id="thiet-bi-1", enterprise=enterprise_a)
    reach_rollup()  # the hourly timer: reports read what it stored


def test_voice_and_reach_sources_are_indicators_of_the_real_registry(db):
    plans.indicators_sync()
    registered = sources_all()
    for code in VOICE_AND_REACH:
        assert code in registered
        indicator = Indicator.objects.get(code=code)
        assert indicator.kind == Indicator.Kind.COMPUTED
        assert indicator.name == str(registered[code].label)


def test_a_record_of_each_app_is_counted_for_its_commune_in_its_quarter_only(
    records_in_second_quarter, commune, commune_officer, make_enterprise, system
):
    binh_hoa, rach_gia = commune("Xã Bình Hòa"), commune("Phường Rạch Giá")
    make_enterprise(name="Công ty C ở Rạch Giá", commune="Phường Rạch Giá", tax_code="1700000303")
    earlier = reports.report_draft(unit=binh_hoa, period=plans.period_ensure(code="2026-Q1"), by=commune_officer)
    counted = reports.report_draft(unit=binh_hoa, period=plans.period_ensure(code="2026-Q2"), by=commune_officer)
    elsewhere = reports.report_draft(unit=rach_gia, period=plans.period_ensure(code="2026-Q2"), by=system)

    before, figures, other = _figures(earlier), _figures(counted), _figures(elsewhere)
    for code in VOICE_AND_REACH:
        assert figures[code] == 1, code
        assert before[code] == 0, code
        assert other[code] == 0, code


def test_a_voice_figure_links_the_union_to_the_cases_and_the_commune_to_counts_per_enterprise(
    records_in_second_quarter, client, enterprise_a, commune_officer
):
    plans.indicators_sync()  # the daily `plans_sync` timer: pages never create indicators
    url = "/plans/records/voice.cases_received/?unit=%s&period=2026-Q2"
    chair = enterprise_a.unit.children.get().memberships.get().person.user

    client.force_login(chair)
    response = client.get(url % enterprise_a.unit.code)
    assert response.status_code == 302
    assert response.url.startswith("/voice/office/cases/?unit=")

    client.force_login(commune_officer)
    response = client.get(url % enterprise_a.commune.code)
    assert response.status_code == 200
    assert response.context["counts"] == [(enterprise_a.unit, 1)]
    assert "Lương tháng 3" not in response.content.decode()
