import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from lantoa.orgs.models import Role
from lantoa.voice.models import Report
from lantoa.voice.services import cases as case_services
from lantoa.voice.services import reports as report_services


def test_grassroots_officer_sees_cases_of_their_enterprise_only(
    client, grassroots_officer, enterprise_a, enterprise_b, labour_federation, submit
):
    mine = submit(enterprise=enterprise_a).report
    other = submit(enterprise=enterprise_b).report
    client.force_login(grassroots_officer)
    page = client.get(reverse("voice:case-list")).content.decode()
    assert f"#{mine.pk}<" in page and f"#{other.pk}<" not in page
    assert client.get(reverse("voice:case-detail", args=[other.pk])).status_code == 404


def test_labour_federation_officer_sees_every_case(
    client, union_officer, grassroots_union, enterprise_a, enterprise_b, submit
):
    submit(enterprise=enterprise_a)
    submit(enterprise=enterprise_b)
    client.force_login(union_officer)
    page = client.get(reverse("voice:case-list")).content.decode()
    assert page.count('href="/voice/office/cases/') == 2


def test_case_list_queries_stay_flat(
    client, union_officer, enterprise_a, grassroots_union, submit, django_assert_max_num_queries
):
    for _index in range(12):
        submit(enterprise=enterprise_a)
    client.force_login(union_officer)
    with django_assert_max_num_queries(14):
        client.get(reverse("voice:case-list"))


def test_employer_never_sees_an_individual_report(client, employer, enterprise_a, grassroots_union, submit):
    report = submit(enterprise=enterprise_a).report
    client.force_login(employer)
    assert client.get(reverse("voice:case-list")).status_code == 403
    assert client.get(reverse("voice:case-detail", args=[report.pk])).status_code == 404


def test_case_follow_up_assign_reply_note_close(
    client, grassroots_officer, make_official, grassroots_union, enterprise_a, submit
):
    colleague = make_official(unit=grassroots_union, role=Role.UNION_OFFICER, name="Phó chủ tịch CĐCS")
    report = submit(enterprise=enterprise_a).report
    client.force_login(grassroots_officer)
    url = lambda action: reverse("voice:case-act", args=[report.pk, action])  # noqa: E731
    client.post(url("assign"), {"assignee": colleague.pk})
    client.post(url("note"), {"note-text": "Cần hỏi phòng nhân sự."})
    refused = client.post(url("close"), {"outcome": "resolved"}).content.decode()
    assert "Hãy trả lời người lao động trước khi đóng phản ánh." in refused
    client.post(url("reply"), {"reply-text": "Công ty hứa trả trước ngày 15."})
    client.post(url("close"), {"outcome": "resolved"})
    report.refresh_from_db()
    assert report.assignee == colleague
    assert report.status == Report.Status.CLOSED and report.outcome == "resolved"
    assert report.first_replied_at is not None


def test_assigning_someone_outside_the_scope_is_refused(
    grassroots_officer, make_official, enterprise_b, enterprise_a, grassroots_union, submit
):
    stranger = make_official(unit=enterprise_b.unit, role=Role.UNION_OFFICER, name="Người ngoài")
    report = submit(enterprise=enterprise_a).report
    with pytest.raises(ValidationError) as error:
        case_services.case_assign(report=report, user=grassroots_officer, assignee=stranger)
    assert error.value.code == "assignee_out_of_scope"


def test_an_employer_cannot_reply(employer, enterprise_a, grassroots_union, submit):
    report = submit(enterprise=enterprise_a).report
    with pytest.raises(PermissionDenied):
        case_services.case_reply(report=report, user=employer, text="Không có chuyện đó.")


def test_merged_duplicate_worker_sees_the_officer_reply_on_the_kept_case(
    grassroots_officer, enterprise_a, grassroots_union, submit
):
    kept = submit(enterprise=enterprise_a)
    duplicate = submit(enterprise=enterprise_a, text="Lương chậm, như người khác đã nói.")
    case_services.case_merge(report=duplicate.report, into=kept.report, user=grassroots_officer)
    case_services.case_reply(report=kept.report, user=grassroots_officer, text="Lương sẽ trả ngày 15.")
    from lantoa.voice.selectors.cases import worker_messages, worker_status

    opened = report_services.report_get_by_receipt(code=duplicate.receipt.code)
    assert opened is not None
    assert [m.text for m in worker_messages(report=opened)] == ["Lương sẽ trả ngày 15."]
    assert worker_status(report=opened) == Report.Status.ANSWERED
    with pytest.raises(ValidationError) as error:
        case_services.case_merge(report=kept.report, into=kept.report, user=grassroots_officer)
    assert error.value.code == "merge_invalid"


def test_overdue_case_escalates_to_the_labour_federation(
    grassroots_officer, labour_federation, enterprise_a, grassroots_union, submit, time_machine
):
    time_machine.move_to("2026-03-02 08:00 +07:00")
    report = submit(enterprise=enterprise_a, category="luong-cham-thieu").report  # first reply within 2 days
    assert case_services.cases_escalate_overdue() == 0
    time_machine.move_to("2026-03-05 08:00 +07:00")
    assert case_services.cases_escalate_overdue() == 1
    report.refresh_from_db()
    assert report.escalation_level == 1 and report.unit == labour_federation
    assert case_services.cases_escalate_overdue() == 0  # once per level
    time_machine.move_to("2026-03-13 08:00 +07:00")
    assert case_services.cases_escalate_overdue() == 1
    report.refresh_from_db()
    assert report.escalation_level == 2


def test_indicator_sources_count_received_and_answered_on_time(
    grassroots_officer, enterprise_a, grassroots_union, submit, time_machine
):
    from lantoa.voice.indicators import cases_answered_on_time, cases_received

    time_machine.move_to("2026-04-01 09:00 +07:00")
    on_time = submit(enterprise=enterprise_a).report
    late = submit(enterprise=enterprise_a).report
    case_services.case_reply(report=on_time, user=grassroots_officer, text="Đã nhận.")
    time_machine.move_to("2026-04-10 09:00 +07:00")
    case_services.case_reply(report=late, user=grassroots_officer, text="Trả lời muộn.")
    period = {"start": dt.date(2026, 4, 1), "end": dt.date(2026, 4, 30)}
    assert cases_received(**period) == {enterprise_a.unit_id: 2}
    assert cases_answered_on_time(**period) == {enterprise_a.unit_id: 1}


def test_case_list_filters_by_unit_and_period_for_indicator_drill_down(
    client, union_officer, enterprise_a, enterprise_b, grassroots_union, submit, time_machine
):
    time_machine.move_to("2026-05-04 09:00 +07:00")
    inside = submit(enterprise=enterprise_a).report
    submit(enterprise=enterprise_b)
    time_machine.move_to("2026-07-01 09:00 +07:00")
    later = submit(enterprise=enterprise_a).report
    client.force_login(union_officer)
    url = reverse("voice:case-list") + f"?unit={enterprise_a.unit.code}&start=2026-05-01&end=2026-05-31"
    page = client.get(url).content.decode()
    assert f"#{inside.pk}<" in page and f"#{later.pk}<" not in page
    assert page.count('href="/voice/office/cases/') == 1


def test_office_menu_shows_each_role_its_voice_pages(client, employer, grassroots_officer):
    client.force_login(employer)
    menu = client.get(reverse("orgs:office-home")).content.decode()
    assert reverse("voice:aggregates") in menu and reverse("voice:case-list") not in menu
    client.force_login(grassroots_officer)
    menu = client.get(reverse("orgs:office-home")).content.decode()
    assert reverse("voice:case-list") in menu and reverse("voice:survey-list") in menu


def test_reading_the_case_list_escalates_nothing(
    client, grassroots_officer, labour_federation, enterprise_a, grassroots_union, submit, time_machine
):
    time_machine.move_to("2026-03-02 08:00 +07:00")
    report = submit(enterprise=enterprise_a, category="luong-cham-thieu").report
    time_machine.move_to("2026-03-05 08:00 +07:00")  # the first reply is late: the hourly timer escalates it
    client.force_login(grassroots_officer)
    assert f"#{report.pk}<" in client.get(reverse("voice:case-list")).content.decode()
    report.refresh_from_db()
    assert report.escalation_level == 0 and report.unit == grassroots_union
    assert case_services.cases_escalate_overdue() == 1
