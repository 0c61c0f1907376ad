"""Past its deadline a reminder goes daily for a week, then weekly, whatever app declared it; days are Vietnam's."""

import datetime as dt
import html
from collections.abc import Callable

import pytest
import time_machine
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from lantoa.core import registry
from lantoa.core.tests.support import no_database_writes
from lantoa.orgs.models import OrgUnit, User
from lantoa.plans.models import Finding, Notice, ReportingPeriod
from lantoa.plans.selectors import access as plan_access
from lantoa.plans.services import inspections, notices

DUE = dt.date(2026, 4, 30)
VIETNAM = dt.timezone(dt.timedelta(hours=7))


def _late_days_sent(subject_key: str, due_on: dt.date) -> list[int]:
    """Run the reminders on each of the 21 days after `due_on`; the days late on which `subject_key` got a notice."""
    for late in range(1, 22):
        notices.reminders_send(on=due_on + dt.timedelta(days=late))
    rows = Notice.objects.filter(subject_key=subject_key).values_list("sent_on", flat=True).distinct()
    return sorted((sent_on - due_on).days for sent_on in rows)


EXPECTED = [1, 2, 3, 4, 5, 6, 7, 14, 21]


@pytest.mark.parametrize(
    ("late", "sent"),
    [(-3, True), (0, True), (1, True), (7, True), (8, False), (13, False), (14, True), (15, False), (70, True)],
)
def test_the_cadence_of_a_deadline(late: int, sent: bool) -> None:
    assert notices.overdue_reminded(due_on=DUE, on=DUE + dt.timedelta(days=late)) is sent


@pytest.fixture
def finding(province_monitor: User, commune: Callable[[str], OrgUnit], propaganda_board: OrgUnit) -> Finding:
    inspection = inspections.inspection_record(
        unit=commune("Xã Bình Hòa"),
        by_unit=propaganda_board,
        kind="supervision",
        title="Giám sát quán triệt",
        held_on=dt.date(2026, 3, 20),
        conclusion="",
        by=province_monitor,
    )
    return inspections.finding_add(
        inspection=inspection, text="Chưa tuyên truyền.", follow_up="Lập lịch.", due_on=DUE, by=province_monitor
    )


def test_an_overdue_follow_up_is_reminded_daily_for_a_week_then_weekly(finding: Finding) -> None:
    assert _late_days_sent(f"finding:{finding.pk}", DUE) == EXPECTED
    rows = Notice.objects.filter(subject_key=f"finding:{finding.pk}")
    assert {row.kind for row in rows} == {Notice.Kind.FINDING_OVERDUE}
    assert rows.first().message == (  # type: ignore[union-attr]
        "Việc khắc phục sau kiểm tra “Giám sát quán triệt” đã quá hạn (hạn 30/04/2026)."
    )


def test_an_overdue_report_is_reminded_daily_for_a_week_then_weekly(
    provincial_plan: object, quarter: ReportingPeriod
) -> None:
    assert _late_days_sent(f"period:{quarter.pk}", quarter.due_on) == EXPECTED
    kinds = set(Notice.objects.filter(subject_key=f"period:{quarter.pk}").values_list("kind", flat=True))
    assert kinds == {Notice.Kind.REPORT_OVERDUE}


def test_a_declared_overdue_reminder_follows_the_same_cadence(
    monkeypatch: pytest.MonkeyPatch, province: OrgUnit
) -> None:
    reminder = registry.Reminder(province.pk, Notice.Kind.RECOMMENDATION_OVERDUE, "thing:1", "Quá hạn.", due_on=DUE)
    monkeypatch.setattr(registry, "reminders", lambda *, on: [reminder])
    assert _late_days_sent("thing:1", DUE) == EXPECTED


def test_a_declared_reminder_without_a_deadline_goes_every_day(
    monkeypatch: pytest.MonkeyPatch, province: OrgUnit
) -> None:
    reminder = registry.Reminder(province.pk, Notice.Kind.RECOMMENDATION_DUE, "thing:1", "Cần trả lời.")
    monkeypatch.setattr(registry, "reminders", lambda *, on: [reminder])
    assert _late_days_sent("thing:1", DUE) == list(range(1, 22))


@pytest.mark.parametrize("local_time", [dt.time(0, 30), dt.time(6, 30)])
def test_the_run_counts_days_late_in_vietnam_and_sends_once_a_day(local_time: dt.time, finding: Finding) -> None:
    # 00:30 and 06:30 in Hà Nội are the day before in UTC: counted in UTC, day 8 would be day 7 (sent) and day 14
    # day 13 (not sent).
    def run(late: int) -> list[dt.date]:
        local = dt.datetime.combine(DUE + dt.timedelta(days=late), local_time, tzinfo=VIETNAM)
        with time_machine.travel(local.astimezone(dt.UTC), tick=False):
            call_command("plans_remind", "--no-mail")
            call_command("plans_remind", "--no-mail")
        rows = Notice.objects.filter(subject_key=f"finding:{finding.pk}").order_by("sent_on")
        return list(rows.values_list("sent_on", flat=True))

    assert run(7) == [DUE + dt.timedelta(days=7)]
    assert run(8) == [DUE + dt.timedelta(days=7)]
    assert run(13) == [DUE + dt.timedelta(days=7)]
    assert run(14) == [DUE + dt.timedelta(days=7), DUE + dt.timedelta(days=14)]


def test_the_inbox_sums_up_overdue_reminders_and_keeps_the_newest_other_notices(
    monkeypatch: pytest.MonkeyPatch, finding: Finding, commune_officer: User, client: Client
) -> None:
    unit = finding.inspection.unit
    today = DUE + dt.timedelta(days=3)
    for number in range(30):
        Notice.objects.create(
            unit=unit,
            kind=Notice.Kind.RECOMMENDATION_OVERDUE,
            subject_key=f"recommendation:{number}",
            sent_on=today - dt.timedelta(days=number % 3),
            message=f"Kiến nghị số {number} đã quá hạn trả lời.",
        )
    Notice.objects.create(  # a week old: no longer counted
        unit=unit,
        kind=Notice.Kind.RECOMMENDATION_OVERDUE,
        subject_key="recommendation:99",
        sent_on=today - dt.timedelta(days=7),
        message="Kiến nghị cũ đã quá hạn trả lời.",
    )
    Notice.objects.create(
        unit=unit,
        kind=Notice.Kind.TASK_ASSIGNED,
        subject_key="task:1",
        sent_on=today - dt.timedelta(days=5),
        message="Được giao nhiệm vụ tuyên truyền.",
    )
    notices.reminders_send(on=today)  # the follow-up, 3 days late
    still_late = [
        registry.Reminder(unit.pk, Notice.Kind.RECOMMENDATION_OVERDUE, f"recommendation:{number}", "", due_on=DUE)
        for number in [*range(30), 99]
    ]
    monkeypatch.setattr(registry, "reminders", lambda *, on: still_late)  # none of them answered yet
    lines = plan_access.overdue_lines_for_user(user=commune_officer, on=today)
    assert sorted((line.newest.kind, line.count) for line in lines) == [
        (Notice.Kind.FINDING_OVERDUE, 1),
        (Notice.Kind.RECOMMENDATION_OVERDUE, 30),
    ]
    assert [n.message for n in plan_access.notices_for_user(user=commune_officer)] == [
        "Được giao nhiệm vụ tuyên truyền."
    ]
    client.force_login(commune_officer)
    with time_machine.travel(dt.datetime.combine(today, dt.time(9), tzinfo=VIETNAM), tick=False):
        page = html.unescape(client.get(reverse("plans:home")).content.decode())
    assert "Kiến nghị quá hạn trả lời: 30 việc" in page and "Quá hạn khắc phục: 1 việc" in page
    assert "Được giao nhiệm vụ tuyên truyền." in page
    assert page.count("đã quá hạn trả lời.") == 1  # only the newest of the 30 is spelled out


def _inbox(client: Client, user: User, on: dt.date) -> str:
    """The officer's /plans/ page at 09:00 in Vietnam on `on`, checked to write nothing."""
    client.force_login(user)
    with time_machine.travel(dt.datetime.combine(on, dt.time(9), tzinfo=VIETNAM), tick=False), no_database_writes():
        return html.unescape(client.get(reverse("plans:home")).content.decode())


def test_the_inbox_no_longer_counts_a_follow_up_fixed_since_its_last_overdue_reminder(
    finding: Finding, commune_officer: User, client: Client
) -> None:
    reminded = DUE + dt.timedelta(days=3)
    notices.reminders_send(on=reminded)
    assert "Quá hạn khắc phục: 1 việc" in _inbox(client, commune_officer, reminded)
    inspections.finding_close(finding=finding, closed_on=reminded, note="Đã lập lịch.", by=commune_officer)
    page = _inbox(client, commune_officer, reminded + dt.timedelta(days=1))  # before the next day's run
    assert "Quá hạn khắc phục" not in page and "Giám sát quán triệt" not in page
    assert "Chưa có thông báo nào." in page
