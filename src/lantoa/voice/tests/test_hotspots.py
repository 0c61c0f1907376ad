"""Synthetic scenarios for the early warning: an escalating enterprise is flagged in time, a lone complaint is not."""

import datetime as dt

from django.urls import reverse

from lantoa.voice.models import HotspotEvent, HotspotScore
from lantoa.voice.services import hotspots as hotspot_services

MONDAY = dt.date(2026, 3, 2)


def week(n: int) -> dt.date:
    return MONDAY + dt.timedelta(weeks=n)


def file_reports(submit, time_machine, enterprise, day, categories):
    time_machine.move_to(dt.datetime.combine(day, dt.time(9, 0), tzinfo=dt.timezone(dt.timedelta(hours=7))))
    for category in categories:
        submit(enterprise=enterprise, category=category)


def test_an_escalating_enterprise_is_flagged_before_the_stoppage(
    submit, time_machine, make_enterprise, labour_federation, union_officer
):
    enterprise = make_enterprise(name="Công ty Nóng Dần")
    calm = make_enterprise(name="Công ty Bình Yên")
    plan = {
        0: ["bua-an-ca"],
        1: ["luong-cham-thieu", "lam-them-qua-muc"],
        2: ["luong-cham-thieu", "luong-cham-thieu", "khong-dong-bhxh", "lam-them-qua-muc"],
    }
    flagged = []
    for n in range(3):
        file_reports(submit, time_machine, enterprise, week(n) + dt.timedelta(days=1), plan[n])
        file_reports(
            submit, time_machine, calm, week(n) + dt.timedelta(days=2), ["de-xuat-nguyen-vong"] if n == 1 else []
        )
        if n == 2:
            hotspot_services.hotspot_event_record(
                user=union_officer,
                enterprise=enterprise,
                kind=HotspotEvent.Kind.LATE_WAGES,
                occurred_on=week(n) + dt.timedelta(days=3),
            )
        scores = {score.unit_id: score for score in hotspot_services.hotspot_week_compute(week_on=week(n))}
        flagged.append(scores[enterprise.unit_id].is_warning)
        assert not scores.get(calm.unit_id) or not scores[calm.unit_id].is_warning
    assert flagged == [False, False, True]
    warning = HotspotScore.objects.get(unit=enterprise.unit, week_on=week(2))
    assert warning.signals["late_wages"] == 1 and warning.signals["report_severity"] == 11
    assert warning.previous_mean < warning.score


def test_a_lone_severe_complaint_is_not_a_hotspot(submit, time_machine, enterprise_a, labour_federation):
    file_reports(submit, time_machine, enterprise_a, week(0), ["quay-roi"])
    scores = hotspot_services.hotspot_week_compute(week_on=week(0))
    assert [score.is_warning for score in scores] == [False]


def test_a_steady_high_level_does_not_warn_again_and_again(submit, time_machine, enterprise_a, union_officer):
    from lantoa.voice.models import Report
    from lantoa.voice.services import cases as case_services

    warnings = []
    for n in range(5):
        file_reports(submit, time_machine, enterprise_a, week(n), ["luong-cham-thieu"] * 4)
        for report in Report.objects.filter(status=Report.Status.NEW):  # answered and closed within the week
            case_services.case_reply(report=report, user=union_officer, text="Đã giải quyết.")
            case_services.case_close(report=report, user=union_officer, outcome="resolved")
        warnings.append(hotspot_services.hotspot_week_compute(week_on=week(n))[0].is_warning)
    assert warnings[0] is True  # a sudden jump from nothing
    assert warnings[4] is False  # the same level for weeks is no longer a rising trend


def test_a_zone_sums_its_enterprises(submit, time_machine, make_enterprise, labour_federation, province):
    from lantoa.orgs import services as org_services
    from lantoa.orgs.models import OrgUnit

    zone, _created = org_services.unit_save(
        code="KCN-TEST", name="KCN Thử", kind=OrgUnit.Kind.INDUSTRIAL_PARK, parent=province
    )
    first = make_enterprise(zone=zone)
    second = make_enterprise(zone=zone)
    file_reports(submit, time_machine, first, week(0), ["luong-cham-thieu"] * 2)
    file_reports(submit, time_machine, second, week(0), ["luong-cham-thieu"] * 2)
    scores = {score.unit_id: score for score in hotspot_services.hotspot_week_compute(week_on=week(0))}
    assert scores[zone.pk].score == scores[first.unit_id].score + scores[second.unit_id].score


def test_board_says_why_and_is_for_the_federation_and_the_board(
    client, submit, time_machine, enterprise_a, labour_federation, union_officer, province_monitor, employer
):
    file_reports(submit, time_machine, enterprise_a, week(0), ["luong-cham-thieu"] * 4)
    hotspot_services.hotspot_week_compute(week_on=week(0))
    for user in (union_officer, province_monitor):
        client.force_login(user)
        page = client.get(reverse("voice:hotspots") + f"?week={week(0).isoformat()}").content.decode()
        assert "Phản ánh (theo mức độ)" in page and enterprise_a.name in page
        assert "Cảnh báo" in page and "Xã Bình Hòa" in page
    client.force_login(employer)
    assert client.get(reverse("voice:hotspots")).status_code == 403


def test_weights_are_editable_by_the_province_and_change_the_index(
    client, submit, time_machine, enterprise_a, labour_federation, union_officer
):
    file_reports(submit, time_machine, enterprise_a, week(0), ["bua-an-ca"])
    before = hotspot_services.hotspot_week_compute(week_on=week(0))[0].score
    client.force_login(union_officer)
    client.post(reverse("voice:hotspot-weights"), {"w_report_severity": "3,0"})
    after = hotspot_services.hotspot_week_compute(week_on=week(0))[0].score
    # one meal complaint (severity 1) now weighs 3 instead of 1; the overdue case keeps its own weight
    assert after == before + 2


def test_a_deadline_still_ahead_is_not_counted_as_overdue_in_the_running_week(
    submit, time_machine, enterprise_a, labour_federation
):
    file_reports(submit, time_machine, enterprise_a, week(0), ["bua-an-ca"])  # first reply due in 3 days
    assert "overdue_case" not in hotspot_services.hotspot_week_compute(week_on=week(0))[0].signals
    time_machine.move_to(dt.datetime.combine(week(1), dt.time(9, 0), tzinfo=dt.timezone(dt.timedelta(hours=7))))
    assert hotspot_services.hotspot_week_compute(week_on=week(0))[0].signals["overdue_case"] == 1


def test_board_reads_the_stored_index_and_says_when_it_was_computed(
    client, submit, time_machine, enterprise_a, labour_federation, union_officer
):
    file_reports(submit, time_machine, enterprise_a, week(0), ["luong-cham-thieu"] * 2)
    time_machine.move_to("2026-03-03 17:30 +00:00")  # 00:30 on 04/03 in Viet Nam
    hotspot_services.hotspot_week_compute(week_on=week(0))
    stored = list(HotspotScore.objects.values_list("pk", "computed_at"))
    client.force_login(union_officer)
    time_machine.move_to("2026-03-04 01:00 +07:00")
    page = client.get(reverse("voice:hotspots")).content.decode()
    assert "Chỉ số tính lúc 00:30 04/03/2026" in page and enterprise_a.name in page
    assert list(HotspotScore.objects.values_list("pk", "computed_at")) == stored  # a GET writes nothing
    typed = client.get(reverse("voice:hotspots"), {"week": "04/03/2026"}).content.decode()
    assert "Tuần bắt đầu 02/03/2026" in typed and enterprise_a.name in typed
    refused = client.get(reverse("voice:hotspots"), {"week": "0001-01-01"}).content.decode()
    assert "Năm phải từ 1900 đến 2100." in refused and "Đang hiển thị tuần này." in refused
