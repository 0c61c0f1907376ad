import datetime as dt
import smtplib

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.core.mail.backends.base import BaseEmailBackend
from django.core.management import CommandError, call_command
from django.test import override_settings

from lantoa.orgs.models import OrgUnit, Role
from lantoa.plans.models import Indicator, Notice, Plan, UnitReport
from lantoa.plans.services import notices, plans, reports


def unit_plan(*, unit: OrgUnit, parent: Plan, title: str) -> Plan:
    return plans.unit_plan_save(
        unit=unit, parent=parent, title=title, roadmap="", starts_on=dt.date(2026, 1, 1), ends_on=dt.date(2026, 12, 31)
    )


@pytest.fixture
def binh_hoa(commune):
    return commune("Xã Bình Hòa")


@pytest.fixture
def draft(fake_sources, provincial_plan, quarter, binh_hoa, enterprise_a, commune_officer, province_monitor):
    fake_sources["counts"][enterprise_a.unit_id] = 6
    plans.task_assign(
        task=provincial_plan.tasks.get(section="IV.1"), assignee=binh_hoa, due_on=None, by=province_monitor
    )
    with time_machine.travel(dt.datetime(2026, 4, 2, 9, tzinfo=dt.UTC)):
        return reports.report_draft(unit=binh_hoa, period=quarter, by=commune_officer)


def test_report_drafts_itself_from_the_data_with_targets_and_tasks(
    fake_sources, provincial_plan, quarter, binh_hoa, enterprise_a, commune_officer, province_monitor
):
    plans.indicators_sync()
    events = Indicator.objects.get(code="activities.events")
    plans.target_set(indicator=events, unit=binh_hoa, period=quarter, value=10, by=province_monitor)
    fake_sources["counts"][enterprise_a.unit_id] = 6
    plans.task_assign(
        task=provincial_plan.tasks.get(section="IV.1"), assignee=binh_hoa, due_on=None, by=province_monitor
    )
    report = reports.report_draft(unit=binh_hoa, period=quarter, by=commune_officer)
    figure = report.figures.get(indicator=events)
    assert (figure.value, figure.target, figure.percent_of_target) == (6, 10, 60)
    assert report.figures.get(indicator__code="orgs.workers").value == enterprise_a.worker_count
    assert "Số buổi sinh hoạt, tuyên truyền: 6 buổi." in report.situation
    assert "được giao 1 nhiệm vụ" in report.results
    assert report.title.endswith("quý I năm 2026")


def test_redrafting_keeps_the_text_and_refreshes_the_figures(draft, fake_sources, enterprise_a, commune_officer):
    reports.report_edit(report=draft, by=commune_officer, situation="Tình hình do xã viết.")
    fake_sources["counts"][enterprise_a.unit_id] = 9
    again = reports.report_draft(unit=draft.unit, period=draft.period, by=commune_officer)
    assert again.pk == draft.pk
    assert again.situation == "Tình hình do xã viết."
    assert again.figures.get(indicator__code="activities.events").value == 9


def test_commune_submits_province_returns_commune_resubmits_province_approves(draft, commune_officer, province_monitor):
    with time_machine.travel(dt.datetime(2026, 4, 5, 9, tzinfo=dt.UTC)):
        reports.report_submit(report=draft, by=commune_officer)
    assert draft.status == UnitReport.Status.SUBMITTED
    assert draft.number == "1-BC/ĐU"
    with pytest.raises(ValidationError) as error:
        reports.report_edit(report=draft, by=commune_officer, situation="Sửa sau khi gửi")
    assert error.value.code == "report_not_editable"
    reports.report_review(report=draft, approve=False, note="Bổ sung số buổi đối thoại.", by=province_monitor)
    assert draft.status == UnitReport.Status.RETURNED
    assert Notice.objects.filter(unit=draft.unit, kind=Notice.Kind.REPORT_RETURNED).exists()
    reports.report_edit(report=draft, by=commune_officer, results="Đã bổ sung.")
    reports.report_submit(report=draft, by=commune_officer)
    reports.report_review(report=draft, approve=True, note="", by=province_monitor)
    assert draft.status == UnitReport.Status.APPROVED
    assert draft.reviewed_by == province_monitor


def test_returning_a_report_needs_a_reason(draft, commune_officer, province_monitor):
    reports.report_submit(report=draft, by=commune_officer)
    with pytest.raises(ValidationError) as error:
        reports.report_review(report=draft, approve=False, note=" ", by=province_monitor)
    assert error.value.code == "return_needs_note"


def test_a_unit_cannot_approve_its_own_report(draft, commune_officer, binh_hoa, make_official):
    reports.report_submit(report=draft, by=commune_officer)
    with pytest.raises(ValidationError) as error:
        reports.report_review(report=draft, approve=True, note="", by=commune_officer)
    assert error.value.code == "review_forbidden"


def test_an_officer_of_another_commune_cannot_draft_or_submit(draft, commune, make_official, quarter):
    other = make_official(unit=commune("Phường Rạch Giá"), role=Role.UNIT_ADMIN)
    with pytest.raises(ValidationError) as error:
        reports.report_draft(unit=draft.unit, period=quarter, by=other)
    assert error.value.code == "report_forbidden"
    with pytest.raises(ValidationError) as error:
        reports.report_submit(report=draft, by=other)
    assert error.value.code == "report_forbidden"


def test_reminders_go_to_units_with_a_plan_that_have_not_submitted_once_a_day(
    draft, provincial_plan, binh_hoa, commune, quarter, commune_officer
):
    unit_plan(unit=binh_hoa, parent=provincial_plan, title="Kế hoạch của xã")
    unit_plan(unit=commune("Phường Rạch Giá"), parent=provincial_plan, title="Kế hoạch của phường")
    reports.report_submit(report=draft, by=commune_officer)
    first = notices.reminders_send(on=dt.date(2026, 4, 5), days_ahead=7)
    due = [n for n in first.created if n.kind == Notice.Kind.REPORT_DUE]
    assert {n.unit.name for n in due} == {"Tỉnh An Giang", "Phường Rạch Giá"}
    assert "10/04/2026" in due[0].message
    again = notices.reminders_send(on=dt.date(2026, 4, 5), days_ahead=7)
    assert again.created == []
    late = notices.reminders_send(on=dt.date(2026, 4, 12), days_ahead=7)
    assert any(n.kind == Notice.Kind.REPORT_OVERDUE for n in late.created)


def test_plans_remind_command_prints_what_it_recorded(draft, provincial_plan, capsys):
    from django.core.management import call_command

    call_command("plans_remind", "--on", "2026-04-05")
    out = capsys.readouterr().out
    assert "Báo cáo Quý I năm 2026 cần nộp trước 10/04/2026." in out
    assert "created=" in out


def test_reminders_are_mailed_once_to_the_units_officials_with_an_address(
    draft, provincial_plan, commune, make_official, mailoutbox
):
    from django.core.management import call_command

    ward = commune("Phường Rạch Giá")
    unit_plan(unit=ward, parent=provincial_plan, title="Kế hoạch của phường")
    officer = make_official(unit=ward, role=Role.UNIT_ADMIN, name="Cán bộ phường")
    officer.email = "canbo.phuong@example.vn"
    officer.save(update_fields=["email"])
    make_official(unit=ward, role=Role.UNIT_ADMIN, name="Cán bộ không có thư")

    call_command("plans_remind", "--on", "2026-04-05")
    assert [m.to for m in mailoutbox] == [["canbo.phuong@example.vn"]]
    assert "Báo cáo Quý I năm 2026 cần nộp trước 10/04/2026." in mailoutbox[0].body
    assert "/plans/reports/" in mailoutbox[0].body and "05/04/2026" in mailoutbox[0].subject
    call_command("plans_remind", "--on", "2026-04-05")
    assert len(mailoutbox) == 1  # nothing new recorded, nothing mailed again


class MailServerDown(BaseEmailBackend):
    """A mail backend whose server refuses every message, as on a day the mail is down."""

    def send_messages(self, email_messages):
        raise smtplib.SMTPServerDisconnected("connection refused")


@pytest.fixture
def ward_officer(draft, provincial_plan, commune, make_official):
    ward = commune("Phường Rạch Giá")
    unit_plan(unit=ward, parent=provincial_plan, title="Kế hoạch của phường")
    officer = make_official(unit=ward, role=Role.UNIT_ADMIN, name="Cán bộ phường")
    officer.email = "canbo.phuong@example.vn"
    officer.save(update_fields=["email"])
    return officer


def test_a_reminder_whose_mail_failed_is_not_recorded_as_mailed_and_goes_exactly_once_at_the_next_run(
    ward_officer, mailoutbox
):
    with override_settings(EMAIL_BACKEND=f"{__name__}.MailServerDown"), pytest.raises(CommandError):
        call_command("plans_remind", "--on", "2026-04-05")
    due = Notice.objects.get(unit__name="Phường Rạch Giá", kind=Notice.Kind.REPORT_DUE)
    assert due.mailed_at is None and mailoutbox == []  # the in-app notice stands; its e-mail is owed

    call_command("plans_remind", "--on", "2026-04-05")  # the mail works again
    assert [m.to for m in mailoutbox] == [["canbo.phuong@example.vn"]]
    assert mailoutbox[0].body.count("Báo cáo Quý I năm 2026 cần nộp trước 10/04/2026.") == 1
    due.refresh_from_db()
    assert due.mailed_at is not None
    call_command("plans_remind", "--on", "2026-04-05")
    assert len(mailoutbox) == 1  # sent once: never again


def test_after_a_day_without_mail_the_next_day_sends_the_reminder_once_not_twice(ward_officer, mailoutbox):
    with override_settings(EMAIL_BACKEND=f"{__name__}.MailServerDown"), pytest.raises(CommandError):
        call_command("plans_remind", "--on", "2026-04-05")
    call_command("plans_remind", "--on", "2026-04-06")
    assert [m.to for m in mailoutbox] == [["canbo.phuong@example.vn"]]
    assert mailoutbox[0].body.count("Báo cáo Quý I năm 2026 cần nộp trước 10/04/2026.") == 1
    assert not Notice.objects.filter(sent_on=dt.date(2026, 4, 6), mailed_at__isnull=True).exists()


def test_the_province_report_lists_the_tasks_of_its_bodies(fake_sources, provincial_plan, province, quarter, system):
    report = reports.report_draft(unit=province, period=quarter, by=system)
    assert f"được giao {provincial_plan.tasks.count()} nhiệm vụ" in report.results
