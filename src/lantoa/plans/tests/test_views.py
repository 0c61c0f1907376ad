import datetime as dt
import io
import re

import pytest
import time_machine
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from docx import Document
from openpyxl import load_workbook

from lantoa.core import scheduler
from lantoa.core.models import Job
from lantoa.core.tests.support import job_file, no_database_writes, run_worker
from lantoa.orgs.models import Role
from lantoa.plans.models import Indicator, ReportingPeriod, UnitReport
from lantoa.plans.services import plans


@pytest.fixture
def binh_hoa(commune):
    return commune("Xã Bình Hòa")


def test_commune_officer_drafts_edits_and_submits_through_the_pages(
    client, fake_sources, quarter, binh_hoa, commune_officer, enterprise_a
):
    client.force_login(commune_officer)
    response = client.post(reverse("plans:report-draft"), {"unit": binh_hoa.pk, "period": "2026-Q1"})
    report = UnitReport.objects.get(unit=binh_hoa)
    assert response.url == reverse("plans:report-detail", args=[report.pk])
    page = client.get(response.url).content.decode()
    assert "Dự thảo" in page
    assert reverse("plans:figure-records", args=["orgs.workers"]) in page
    client.post(
        reverse("plans:report-edit", args=[report.pk]),
        {
            "title": "Báo cáo quý I",
            "situation": "Tình hình.",
            "results": "",
            "shortcomings": "",
            "next_steps": "",
            "recipients": "- Lưu.",
            "signer_title": "PHÓ BÍ THƯ",
            "signer_name": "Lê Minh Tâm",
        },
    )
    client.post(reverse("plans:report-submit", args=[report.pk]))
    report.refresh_from_db()
    assert (report.title, report.status) == ("Báo cáo quý I", UnitReport.Status.SUBMITTED)


@pytest.mark.django_db(transaction=True)  # the worker builds the file
def test_province_approves_and_downloads_the_docx_the_worker_built(
    client, fake_sources, quarter, binh_hoa, commune, commune_officer, province_monitor, make_official
):
    from lantoa.plans.services import reports

    report = reports.report_submit(
        report=reports.report_draft(unit=binh_hoa, period=quarter, by=commune_officer), by=commune_officer
    )
    client.force_login(province_monitor)
    client.post(reverse("plans:report-review", args=[report.pk]), {"decision": "approve", "note": ""})
    report.refresh_from_db()
    assert report.status == UnitReport.Status.APPROVED
    assert client.get(reverse("plans:report-export", args=[report.pk, "docx"])).status_code == 405  # no work on GET
    response = client.post(reverse("plans:report-export", args=[report.pk, "docx"]))
    job = Job.objects.get()
    assert response.url == reverse("core:job", args=[job.pk])
    assert "Đang chờ đến lượt xử lý" in client.get(response.url).content.decode()

    run_worker()

    page = client.get(response.url, headers={"HX-Request": "true"}).content.decode()
    file_url = reverse("core:job-file", args=[job.pk])
    assert file_url in page and "Tải về bao-cao-" in page
    download = client.get(file_url)
    assert download["Content-Disposition"].startswith("attachment") and ".docx" in download["Content-Disposition"]
    content = b"".join(download.streaming_content)
    assert "ĐẢNG ỦY XÃ BÌNH HÒA" in Document(io.BytesIO(content)).tables[0].rows[0].cells[0].text

    # the download asks the export's own permission again: anonymous and another commune's officer are refused
    client.logout()
    assert client.get(file_url).status_code == 302
    client.force_login(make_official(unit=commune("Phường Rạch Giá"), role=Role.UNIT_ADMIN, name="Cán bộ phường"))
    assert client.get(file_url).status_code == 404
    assert client.get(reverse("core:job", args=[job.pk])).status_code == 404


def test_a_commune_officer_cannot_open_another_communes_report_or_dashboard(
    client, fake_sources, quarter, commune, commune_officer, system
):
    from lantoa.plans.services import reports

    other = reports.report_draft(unit=commune("Phường Rạch Giá"), period=quarter, by=system)
    client.force_login(commune_officer)
    assert client.get(reverse("plans:report-detail", args=[other.pk])).status_code == 404
    assert client.post(reverse("plans:report-export", args=[other.pk, "docx"])).status_code == 404
    assert not Job.objects.exists()
    assert client.get(reverse("plans:dashboard"), {"unit": commune("Phường Rạch Giá").code}).status_code == 404


def test_an_employer_has_no_dashboard(client, employer):
    client.force_login(employer)
    assert client.get(reverse("plans:dashboard")).status_code == 404


def test_province_dashboard_draws_the_commune_tiles_and_drills_down(
    client, indicators, binh_hoa, enterprise_a, province_monitor, db
):
    indicators["counts"][enterprise_a.unit_id] = 5
    client.force_login(province_monitor)
    page = client.get(
        reverse("plans:dashboard"), {"indicator": "activities.events", "period": "2026-Q1"}
    ).content.decode()
    assert page.count('class="chart tiles-map"') == 1
    assert page.count("<rect") > 102
    assert f"unit={binh_hoa.code}" in page
    fragment = client.get(
        reverse("plans:dashboard"), {"unit": binh_hoa.code, "indicator": "activities.events"}, HTTP_HX_REQUEST="true"
    )
    assert (
        fragment.content.decode().startswith('\n    <div id="board">')
        or 'id="board"' in fragment.content.decode()[:200]
    )
    assert enterprise_a.name in fragment.content.decode()


@pytest.mark.django_db(transaction=True)  # the worker builds the file
def test_dashboard_table_is_built_by_the_worker_for_those_who_may_see_the_unit(
    client, indicators, binh_hoa, enterprise_a, commune, province_monitor, make_official
):
    indicators["counts"][enterprise_a.unit_id] = 5
    client.force_login(province_monitor)
    form = {"unit": binh_hoa.code, "period": "2026-Q1", "indicator": "activities.events"}
    assert client.get(reverse("plans:dashboard-export"), form).status_code == 405  # no work on GET
    download = job_file(client, client.post(reverse("plans:dashboard-export"), form))
    assert download["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert f'filename="bang-dieu-khien-{binh_hoa.code}-2026-Q1.xlsx"' in download["Content-Disposition"]
    sheet = load_workbook(io.BytesIO(download.getvalue())).worksheets[0]
    assert (sheet["A2"].value, sheet["B2"].value) == ("Đơn vị", "Xã Bình Hòa")
    assert any(row[0] == enterprise_a.name and 5 in row for row in sheet.iter_rows(values_only=True))

    job = Job.objects.get()
    client.force_login(make_official(unit=commune("Phường Rạch Giá"), role=Role.UNIT_ADMIN, name="Cán bộ phường"))
    assert client.get(reverse("core:job-file", args=[job.pk])).status_code == 404
    assert client.post(reverse("plans:dashboard-export"), form).status_code == 404
    assert Job.objects.count() == 1


@pytest.mark.django_db(transaction=True)  # the worker builds the file
def test_a_reports_xlsx_is_built_by_the_worker_with_every_table(
    client, fake_sources, quarter, binh_hoa, commune_officer
):
    from lantoa.plans.services import reports

    report = reports.report_draft(unit=binh_hoa, period=quarter, by=commune_officer)
    client.force_login(commune_officer)
    assert client.get(reverse("plans:report-export", args=[report.pk, "xlsx"])).status_code == 405
    download = job_file(client, client.post(reverse("plans:report-export", args=[report.pk, "xlsx"])))
    assert f'filename="bao-cao-{binh_hoa.code.lower()}-2026-q1.xlsx"' in download["Content-Disposition"]
    sheet = load_workbook(io.BytesIO(download.getvalue())).worksheets[0]
    assert (sheet["A2"].value, sheet["B2"].value) == ("Đơn vị", "Xã Bình Hòa")


def test_records_behind_a_figure_are_listed_within_the_users_scope(
    client, indicators, binh_hoa, enterprise_a, enterprise_b, commune_officer
):
    client.force_login(commune_officer)
    page = client.get(
        reverse("plans:figure-records", args=["orgs.workers"]), {"unit": binh_hoa.code, "period": "2026-Q1"}
    )
    text = page.content.decode()
    assert enterprise_a.name in text and enterprise_b.name not in text


def test_report_list_query_count_does_not_grow_with_reports(
    client, fake_sources, quarter, province, province_monitor, system, django_assert_max_num_queries
):
    from lantoa.orgs.models import OrgUnit
    from lantoa.plans.services import reports

    for unit in OrgUnit.objects.filter(kind=OrgUnit.Kind.WARD)[:8]:
        reports.report_draft(unit=unit, period=quarter, by=system)
    client.force_login(province_monitor)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("plans:report-list"))
    assert response.content.decode().count("/plans/reports/") >= 8


def test_report_list_shows_a_page_of_reports_at_a_time(
    client, fake_sources, quarter, province, province_monitor, system, monkeypatch
):
    from lantoa.orgs.models import OrgUnit
    from lantoa.plans.services import reports
    from lantoa.plans.views import reports as report_views

    monkeypatch.setattr(report_views, "REPORTS_PER_PAGE", 3)
    for unit in OrgUnit.objects.filter(kind=OrgUnit.Kind.WARD)[:5]:
        reports.report_draft(unit=unit, period=quarter, by=system)
    client.force_login(province_monitor)
    first = client.get(reverse("plans:report-list")).content.decode()
    second = client.get(reverse("plans:report-list"), {"page": 2}).content.decode()
    links = r'href="/plans/reports/(\d+)/"'
    assert len(re.findall(links, first)) == 3 and len(re.findall(links, second)) == 2
    assert not set(re.findall(links, first)) & set(re.findall(links, second))
    assert "Trang 1/2" in first and "page=2" in first and "Trang trước" in second


def test_the_draft_form_lists_a_few_units_and_finds_any_other_by_name_or_code(
    client, fake_sources, quarter, province, province_monitor, monkeypatch
):
    from lantoa.orgs.models import OrgUnit
    from lantoa.plans.views import reports as report_views

    monkeypatch.setattr(report_views, "DRAFT_UNITS_SHOWN", 3)
    client.force_login(province_monitor)
    page = client.get(reverse("plans:report-list")).content.decode()
    options = r'<option value="(\d+)"'
    assert len(re.findall(options, page)) == 3 and 'name="unit_q"' in page and "chỉ hiện 3 đơn vị đầu" in page
    unlisted = OrgUnit.objects.filter(kind=OrgUnit.Kind.WARD).exclude(pk__in=re.findall(options, page)).first()
    assert unlisted is not None
    found = client.get(reverse("plans:report-list"), {"unit_q": unlisted.code}, headers={"HX-Request": "true"})
    fragment = found.content.decode()
    assert fragment.lstrip().startswith('<div id="draft-units">') and f'value="{unlisted.pk}"' in fragment
    assert "Không có đơn vị nào khớp." in client.get(reverse("plans:report-list"), {"unit_q": "zzz"}).content.decode()
    response = client.post(reverse("plans:report-draft"), {"unit": unlisted.pk, "period": "2026-Q1"})
    assert response.status_code == 302 and UnitReport.objects.filter(unit=unlisted).exists()


def test_plan_page_lets_the_monitor_assign_a_task_to_a_commune(client, provincial_plan, binh_hoa, province_monitor):
    client.force_login(province_monitor)
    task = provincial_plan.tasks.get(section="IV.1")
    response = client.post(
        reverse("plans:task-assign", args=[task.pk]), {"assignee": binh_hoa.pk, "due_on": "2026-03-15", "note": ""}
    )
    assert response.status_code == 302
    assert task.assigned.get().assignee == binh_hoa
    page = client.get(reverse("plans:plan-detail", args=[provincial_plan.pk])).content.decode()
    assert "Xã Bình Hòa" in page and "15/03/2026" in page


def test_commune_reads_the_provincial_plan_but_only_its_own_assigned_tasks(
    client, provincial_plan, binh_hoa, commune_officer, province_monitor
):
    plans.task_assign(
        task=provincial_plan.tasks.get(section="IV.1"), assignee=binh_hoa, due_on=None, by=province_monitor
    )
    client.force_login(commune_officer)
    page = client.get(reverse("plans:plan-detail", args=[provincial_plan.pk])).content.decode()
    assert "IV.1" in page
    assert "III.5" not in page


def test_commune_enters_its_own_figures_and_the_report_shows_them(
    client, fake_sources, quarter, binh_hoa, commune_officer
):
    from lantoa.plans.models import Indicator
    from lantoa.plans.services import reports

    report = reports.report_draft(unit=binh_hoa, period=quarter, by=commune_officer)
    sessions = Indicator.objects.get(code="entered.traditional_media")
    client.force_login(commune_officer)
    response = client.post(
        reverse("plans:report-entered", args=[report.pk]),
        {f"value-{sessions.pk}": "1.200", f"note-{sessions.pk}": "Sổ theo dõi"},
    )
    assert response.status_code == 302
    assert report.figures.get(indicator=sessions).value == 1200
    bad = client.post(reverse("plans:report-entered", args=[report.pk]), {f"value-{sessions.pk}": "-3"}, follow=True)
    assert "hãy nhập số nguyên không âm" in bad.content.decode()


def test_monitor_sets_a_communes_targets_on_its_plan(client, provincial_plan, binh_hoa, province_monitor):
    from lantoa.plans.models import Indicator, Target

    unit_plan = plans.unit_plan_save(
        unit=binh_hoa,
        parent=provincial_plan,
        title="Kế hoạch của xã",
        roadmap="",
        starts_on=provincial_plan.starts_on,
        ends_on=provincial_plan.ends_on,
    )
    plans.indicators_sync()
    members = Indicator.objects.get(code="orgs.union_members")
    client.force_login(province_monitor)
    client.post(
        reverse("plans:plan-targets", args=[unit_plan.pk]), {"period": "2026-Q2", f"value-{members.pk}": "4500"}
    )
    assert Target.objects.get(unit=binh_hoa, indicator=members, period__code="2026-Q2").value == 4500


@pytest.mark.parametrize("unit_name", [None, "Xã Bình Hòa"])
def test_an_uncached_dashboard_makes_at_most_15_queries_with_every_registered_source(
    unit_name, client, commune, make_enterprise, province_monitor, django_assert_max_num_queries
):
    for name in ("Xã Bình Hòa", "Phường Rạch Giá", "Xã Tri Tôn", "Xã Vĩnh Xương"):
        for _ in range(3):
            make_enterprise(commune=name)
    with time_machine.travel(dt.datetime(2026, 2, 10, 3, tzinfo=dt.UTC), tick=False):
        call_command("plans_sync")  # the daily and hourly timers, as the scheduler runs them
        call_command("plans_figures")
    query = {"period": "2026-Q1", "unit": commune(unit_name).code} if unit_name else {"period": "2026-Q1"}
    client.force_login(province_monitor)
    client.get(reverse("plans:home"))
    with django_assert_max_num_queries(15):
        response = client.get(reverse("plans:dashboard"), query)
    assert response.status_code == 200
    assert "Số liệu đến 10:00 10/02/2026" in response.content.decode()


def test_split_by_weight_adds_up_and_falls_back_to_equal_shares():
    from lantoa.plans.selectors.figures import split_by_weight

    assert split_by_weight(100, [300, 100, 100]) == [60, 20, 20]
    assert split_by_weight(10, [1, 1, 1]) == [4, 3, 3]  # the remainder goes to the largest fractions, then in order
    assert split_by_weight(7, [0, 0]) == [4, 3]
    assert split_by_weight(5, []) == []


def test_monitor_hands_the_province_target_down_to_communes_by_their_workers(
    client, provincial_plan, make_enterprise, province_monitor
):
    from lantoa.orgs.models import OrgUnit
    from lantoa.plans.models import Indicator, Target

    make_enterprise(commune="Xã Bình Hòa", workers=3000)
    make_enterprise(commune="Phường Rạch Giá", workers=1000)
    plans.indicators_sync()
    members = Indicator.objects.get(code="orgs.union_members")
    client.force_login(province_monitor)
    targets = reverse("plans:plan-targets", args=[provincial_plan.pk])
    client.post(targets, {"period": "2026-Q2", f"value-{members.pk}": "40.000"})
    split = reverse("plans:plan-target-split", args=[provincial_plan.pk, members.pk])
    assert split in client.get(targets, {"period": "2026-Q2"}).content.decode()

    page = client.get(split, {"period": "2026-Q2"}).content.decode()
    binh_hoa, rach_gia = OrgUnit.objects.get(name="Xã Bình Hòa"), OrgUnit.objects.get(name="Phường Rạch Giá")
    assert f'name="share-{binh_hoa.pk}" inputmode="numeric" value="30000"' in page
    assert f'name="share-{rach_gia.pk}" inputmode="numeric" value="10000"' in page

    response = client.post(
        split, {"period": "2026-Q2", f"share-{binh_hoa.pk}": "29.000", f"share-{rach_gia.pk}": "11000"}, follow=True
    )
    assert "tổng 40.000 trên chỉ tiêu 40.000" in response.content.decode()
    given = dict(Target.objects.filter(indicator=members, period__code="2026-Q2").values_list("unit__name", "value"))
    assert given["Xã Bình Hòa"] == 29000 and given["Phường Rạch Giá"] == 11000
    bad = client.post(split, {"period": "2026-Q2", f"share-{binh_hoa.pk}": "-5"}, follow=True).content.decode()
    assert "hãy nhập số nguyên không âm" in bad


def test_no_plans_page_writes_to_the_database_on_a_get(
    client, indicators, provincial_plan, binh_hoa, enterprise_a, commune_officer, province_monitor, system
):
    """One GET of every dashboard, report and plan page, with periods nobody recorded against yet: nothing written
    (one GET of the dashboard used to create six periods, one of them then reminded as overdue)."""
    from lantoa.plans.models import Inspection
    from lantoa.plans.services import inspections, reports

    period = plans.period_ensure(code="2026-Q1")
    report = reports.report_draft(unit=binh_hoa, period=period, by=system)
    inspection = inspections.inspection_record(
        unit=binh_hoa,
        by_unit=binh_hoa.parent,
        kind=Inspection.Kind.choices[0][0],
        title="Kiểm tra thực hiện Chỉ thị 58",
        held_on=dt.date(2026, 3, 2),
        conclusion="",
        by=system,
    )
    members = Indicator.objects.get(code="orgs.union_members")
    plan = provincial_plan.pk
    pages = [
        (reverse("plans:home"), {}),
        (reverse("plans:plan-detail", args=[plan]), {}),
        (reverse("plans:plan-targets", args=[plan]), {"period": "2027-Q3"}),
        (reverse("plans:plan-target-split", args=[plan, members.pk]), {"period": "2027-Q3"}),
        (reverse("plans:report-list"), {"period": "2025-Q2"}),
        (reverse("plans:report-detail", args=[report.pk]), {}),
        (reverse("plans:dashboard"), {}),
        (reverse("plans:dashboard"), {"period": "2025-Q2", "indicator": "activities.events"}),
        (reverse("plans:dashboard"), {"unit": binh_hoa.code, "period": "2026-H1"}),
        (reverse("plans:dashboard"), {"period": "not-a-period"}),
        (reverse("plans:figure-records", args=["orgs.workers"]), {"unit": binh_hoa.code, "period": "2025-Q1"}),
        (reverse("plans:figure-records", args=["activities.events"]), {"unit": binh_hoa.code, "period": "2025-Q1"}),
        (reverse("plans:inspection-list"), {}),
        (reverse("plans:inspection-detail", args=[inspection.pk]), {}),
    ]
    own_pages: list[tuple[str, dict[str, str]]] = [
        (reverse("plans:report-edit", args=[report.pk]), {}),
        (reverse("plans:report-entered", args=[report.pk]), {}),
    ]
    periods_before = set(ReportingPeriod.objects.values_list("code", flat=True))
    for user, urls in ((province_monitor, pages), (commune_officer, own_pages)):
        client.force_login(user)
        client.get(reverse("plans:home"))
        for url, query in urls:
            with no_database_writes():
                response = client.get(url, query)
            assert response.status_code == 200, url
    assert set(ReportingPeriod.objects.values_list("code", flat=True)) == periods_before == {"2026-Q1"}


@pytest.mark.django_db(transaction=True)  # the worker commits, as in production
def test_the_daily_timer_opens_the_periods_through_the_worker(province):
    with (
        time_machine.travel(dt.datetime(2026, 4, 2, 0, 30, tzinfo=dt.UTC), tick=False),  # 07:30 in An Giang
        override_settings(TASKS_SCHEDULE=[("plans_sync", "daily", "00:10")]),
    ):
        assert scheduler.enqueue_due() == ["plans_sync"]
        call_command("db_worker", "--batch", "--no-startup-delay", "--worker-id", "test-worker")
    assert set(ReportingPeriod.objects.values_list("code", flat=True)) == {"2026-Q2", "2026-H1", "2026", "2026-Q1"}
    assert Indicator.objects.filter(code="orgs.union_members", is_active=True).exists()
