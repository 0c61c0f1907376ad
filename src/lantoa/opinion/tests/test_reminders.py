"""Recommendations in the daily reminder run: coming due, overdue, answered; idempotent per local day."""

import datetime as dt
import html
from collections.abc import Callable
from contextlib import AbstractContextManager

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from lantoa.core.formats import vn_date
from lantoa.core.tests.support import no_database_writes
from lantoa.opinion import reminders
from lantoa.opinion.models import Recommendation
from lantoa.opinion.services import recommendations as services
from lantoa.orgs.models import OrgUnit, User
from lantoa.plans.models import Notice
from lantoa.plans.services import notices

TODAY = dt.date(2026, 12, 4)
TEXT = "Đề nghị xã làm việc với công ty May Bình Hòa về việc trả lương chậm hai tháng."
UTC = dt.UTC


@pytest.fixture
def commune_committee(commune: Callable[[str], OrgUnit]) -> OrgUnit:
    return commune("Xã Bình Hòa")


@pytest.fixture
def raise_to(union_officer: User, labour_federation: OrgUnit) -> Callable[..., Recommendation]:
    def make(*, due_on: dt.date, **addressee: object) -> Recommendation:
        return services.recommendation_raise(
            user=union_officer,
            unit=labour_federation,
            text=TEXT,
            due_on=due_on,
            source=Recommendation.Source.NOTES,
            raised_on=dt.date(2026, 11, 1),
            **addressee,  # type: ignore[arg-type]
        )

    return make


def _notices(recommendation: Recommendation) -> list[tuple[str, str]]:
    rows = Notice.objects.filter(subject_key=f"recommendation:{recommendation.pk}").order_by("unit__name", "kind")
    return [(row.unit.name, row.kind) for row in rows.select_related("unit")]


def test_the_addressee_is_reminded_three_days_before_the_deadline_not_four(
    raise_to: Callable[..., Recommendation], commune_committee: OrgUnit
) -> None:
    soon = raise_to(due_on=TODAY + dt.timedelta(days=3), addressee_unit=commune_committee)
    later = raise_to(due_on=TODAY + dt.timedelta(days=4), addressee_unit=commune_committee)
    notices.reminders_send(on=TODAY)
    assert _notices(soon) == [(commune_committee.name, Notice.Kind.RECOMMENDATION_DUE)]
    assert _notices(later) == []
    notice = Notice.objects.get(subject_key=f"recommendation:{soon.pk}")
    assert notice.message == (f"Kiến nghị “{TEXT}” tới Xã Bình Hòa cần trả lời chậm nhất ngày 07/12/2026.")
    assert notice.url == reverse("opinion:recommendations")


def test_an_overdue_recommendation_reminds_the_body_and_the_raising_unit(
    raise_to: Callable[..., Recommendation], commune_committee: OrgUnit, labour_federation: OrgUnit
) -> None:
    late = raise_to(due_on=TODAY - dt.timedelta(days=1), addressee_unit=commune_committee)
    notices.reminders_send(on=TODAY)
    assert _notices(late) == [
        (labour_federation.name, Notice.Kind.RECOMMENDATION_OVERDUE),
        (commune_committee.name, Notice.Kind.RECOMMENDATION_OVERDUE),
    ]
    message = Notice.objects.filter(subject_key=f"recommendation:{late.pk}").first().message  # type: ignore[union-attr]
    assert "đã quá hạn trả lời (hạn 03/12/2026)" in message and "tới Xã Bình Hòa" in message


def test_a_body_outside_the_system_is_followed_up_by_the_raising_unit(
    raise_to: Callable[..., Recommendation], labour_federation: OrgUnit
) -> None:
    outside = raise_to(due_on=TODAY + dt.timedelta(days=2), addressee_name="Công an tỉnh")
    notices.reminders_send(on=TODAY)
    assert _notices(outside) == [(labour_federation.name, Notice.Kind.RECOMMENDATION_DUE)]
    assert "tới Công an tỉnh" in Notice.objects.get(subject_key=f"recommendation:{outside.pk}").message
    notices.reminders_send(on=TODAY + dt.timedelta(days=3))
    overdue = Notice.objects.filter(subject_key=f"recommendation:{outside.pk}", sent_on=TODAY + dt.timedelta(days=3))
    assert [(n.unit_id, n.kind) for n in overdue] == [(labour_federation.pk, Notice.Kind.RECOMMENDATION_OVERDUE)]


def test_an_answered_recommendation_is_not_reminded_any_more(
    raise_to: Callable[..., Recommendation], commune_committee: OrgUnit, commune_officer: User
) -> None:
    recommendation = raise_to(due_on=TODAY - dt.timedelta(days=2), addressee_unit=commune_committee)
    notices.reminders_send(on=TODAY)
    assert len(_notices(recommendation)) == 2
    services.recommendation_answer(user=commune_officer, recommendation=recommendation, answer="Xã đã làm việc.")
    result = notices.reminders_send(on=TODAY + dt.timedelta(days=1))
    assert not [n for n in result.created if n.subject_key == f"recommendation:{recommendation.pk}"]


@pytest.mark.parametrize("local_time", [dt.time(0, 30), dt.time(6, 30)])
def test_the_daily_run_counts_days_in_vietnam_and_sends_once_the_same_day(
    local_time: dt.time,
    raise_to: Callable[..., Recommendation],
    commune_committee: OrgUnit,
    commune_officer: User,
    client: Client,
) -> None:
    # 00:30 in Hà Nội is 17:30 UTC the day before: a UTC date would call the 07/12 deadline four days away and the
    # 03/12 one not yet late.
    commune_officer.email = "xa.binhhoa@example.vn"
    commune_officer.save(update_fields=["email"])
    soon = raise_to(due_on=dt.date(2026, 12, 7), addressee_unit=commune_committee)
    late = raise_to(due_on=dt.date(2026, 12, 3), addressee_unit=commune_committee)
    local = dt.datetime.combine(TODAY, local_time, tzinfo=dt.timezone(dt.timedelta(hours=7)))
    with time_machine.travel(local.astimezone(UTC), tick=False):
        call_command("plans_remind")
        first = list(Notice.objects.order_by("pk").values_list("subject_key", "kind", "sent_on"))
        call_command("plans_remind")
        assert list(Notice.objects.order_by("pk").values_list("subject_key", "kind", "sent_on")) == first
    assert (f"recommendation:{soon.pk}", Notice.Kind.RECOMMENDATION_DUE, TODAY) in first
    assert (f"recommendation:{late.pk}", Notice.Kind.RECOMMENDATION_OVERDUE, TODAY) in first
    assert len(first) == 3  # the commune for both, the federation for the late one
    [message] = [m for m in mail.outbox if m.to == ["xa.binhhoa@example.vn"]]
    assert "07/12/2026" in message.body and "03/12/2026" in message.body
    client.force_login(commune_officer)
    with time_machine.travel(local.astimezone(UTC), tick=False):  # the inbox sums up the last week's overdue ones
        page = html.unescape(client.get(reverse("plans:home")).content.decode())
    assert "tới Xã Bình Hòa cần trả lời chậm nhất ngày 07/12/2026" in page
    assert "tới Xã Bình Hòa đã quá hạn trả lời (hạn 03/12/2026)" in page
    assert "Kiến nghị quá hạn trả lời: 1 việc" in page


def test_an_overdue_recommendation_is_reminded_daily_for_a_week_then_weekly_to_both_units(
    raise_to: Callable[..., Recommendation], commune_committee: OrgUnit, labour_federation: OrgUnit
) -> None:
    due = TODAY - dt.timedelta(days=1)
    late = raise_to(due_on=due, addressee_unit=commune_committee)
    for day in range(1, 16):
        notices.reminders_send(on=due + dt.timedelta(days=day))
    for unit in (commune_committee, labour_federation):
        rows = Notice.objects.filter(
            subject_key=f"recommendation:{late.pk}", unit=unit, kind=Notice.Kind.RECOMMENDATION_OVERDUE
        )
        assert sorted((row.sent_on - due).days for row in rows) == [1, 2, 3, 4, 5, 6, 7, 14]


def test_the_inbox_counts_only_the_recommendations_still_unanswered_today(
    raise_to: Callable[..., Recommendation], commune_committee: OrgUnit, commune_officer: User, client: Client
) -> None:
    still_late = raise_to(due_on=TODAY - dt.timedelta(days=2), addressee_unit=commune_committee)
    answered = raise_to(due_on=TODAY - dt.timedelta(days=1), addressee_unit=commune_committee)
    notices.reminders_send(on=TODAY)
    services.recommendation_answer(user=commune_officer, recommendation=answered, answer="Xã đã làm việc.")
    client.force_login(commune_officer)
    morning = dt.datetime.combine(TODAY + dt.timedelta(days=1), dt.time(7), tzinfo=dt.timezone(dt.timedelta(hours=7)))
    with time_machine.travel(morning, tick=False), no_database_writes():  # before that day's run
        page = html.unescape(client.get(reverse("plans:home")).content.decode())
    assert "Kiến nghị quá hạn trả lời: 1 việc" in page
    assert f"đã quá hạn trả lời (hạn {vn_date(still_late.due_on)})" in page
    assert vn_date(answered.due_on) not in page


def test_the_reminders_read_every_addressee_in_the_one_query(
    raise_to: Callable[..., Recommendation],
    commune: Callable[[str], OrgUnit],
    django_assert_num_queries: Callable[..., AbstractContextManager[object]],
) -> None:
    names = ["Xã Bình Hòa", "Phường Rạch Giá", "Xã Tri Tôn"]
    for name in names:
        raise_to(due_on=TODAY - dt.timedelta(days=1), addressee_unit=commune(name))
    raise_to(due_on=TODAY, addressee_name="Công an tỉnh")
    with django_assert_num_queries(1):  # the addressee's name is in every message
        found = reminders.reminders(on=TODAY)
    messages = " ".join(reminder.message for reminder in found)
    assert all(f"tới {body} " in messages for body in [*names, "Công an tỉnh"])
