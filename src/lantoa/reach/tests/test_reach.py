import datetime as dt
import shutil
import uuid

import pytest
import time_machine
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from lantoa.content import services as content_services
from lantoa.content.importers import SEED_DIR
from lantoa.content.models import LessonPage
from lantoa.core import registry, scheduler
from lantoa.core.tests.support import no_database_writes
from lantoa.learning import services as learning_services
from lantoa.orgs.models import Role
from lantoa.reach import selectors, services
from lantoa.reach.models import ALL_SEGMENTS, Kind, ReachDaily, ReachEvent, ReachMonthly

LESSON_URL = "/bai-hoc/hop-dong-lao-dong/hop-dong-phai-bang-van-ban/"


@pytest.fixture
def lesson(db, tmp_path):
    shutil.copy(SEED_DIR / "01-hop-dong-phai-bang-van-ban.toml", tmp_path)
    content_services.lessons_import(folder=tmp_path)
    learning_services.questions_import(folder=tmp_path)
    return LessonPage.objects.get()


def test_the_catch_up_counts_events_in_one_daily_and_one_monthly_row(make_enterprise):
    enterprise = make_enterprise(ownership="fdi", workers=100)
    for _ in range(2):
        services.reach_record(kind=Kind.VIEWED, enterprise=enterprise, topic="bhxh")
    services.reach_rollup()
    services.reach_record(kind=Kind.VIEWED, enterprise=enterprise, topic="bhyt")
    assert services.reach_rollup() == 1
    daily = ReachDaily.objects.get()  # segments come from the enterprise when read, topics are not kept
    assert (daily.segment, daily.count, daily.unit) == (ALL_SEGMENTS, 3, enterprise.unit)
    monthly = ReachMonthly.objects.get()
    assert (monthly.month.day, monthly.count, monthly.unit) == (1, 3, enterprise.unit)
    assert ReachEvent.objects.count() == 3


def test_events_without_enterprise_are_counted_in_one_row(db):
    services.reach_record(kind=Kind.VIEWED, topic="bhyt")
    services.reach_record(kind=Kind.VIEWED, topic="bhyt")
    services.reach_rollup()
    assert ReachDaily.objects.get().count == 2


def test_viewing_a_lesson_from_an_enterprise_counts_a_view_and_a_worker_reached_once(client, lesson, enterprise_a):
    client.get(f"/e/{enterprise_a.public_code}")
    first = client.get(LESSON_URL)
    assert "lt_rd" in first.cookies
    client.get(LESSON_URL)  # served from the cache: still counted as a view
    assert not ReachDaily.objects.exists()  # the request only appended events
    services.reach_rollup()
    counts = {row.kind: row.count for row in ReachDaily.objects.filter(enterprise=enterprise_a, segment=ALL_SEGMENTS)}
    assert counts == {Kind.VIEWED: 2, Kind.REACHED: 1}


def test_the_same_device_is_reached_again_in_a_new_quarter(enterprise_a):
    with time_machine.travel(dt.datetime(2026, 3, 30, 10, tzinfo=dt.UTC)):
        assert services.device_reach_record(device_id="abc", enterprise=enterprise_a)
        assert not services.device_reach_record(device_id="abc", enterprise=enterprise_a)
    with time_machine.travel(dt.datetime(2026, 4, 2, 10, tzinfo=dt.UTC)):
        assert services.device_reach_record(device_id="abc", enterprise=enterprise_a)


def test_a_quiz_counts_completed_and_passed_once(lesson, enterprise_a, django_capture_on_commit_callbacks):
    answers = {q.pk: [c.pk for c in q.choices.all() if c.is_correct] for q in lesson.questions.all()}
    key = uuid.uuid4().hex
    with django_capture_on_commit_callbacks(execute=True):
        learning_services.quiz_submit(lesson=lesson, key=key, answers=answers, enterprise=enterprise_a)
        learning_services.quiz_submit(lesson=lesson, key=key, answers=answers, enterprise=enterprise_a)
    services.reach_rollup()
    counts = {row.kind: row.count for row in ReachDaily.objects.filter(segment=ALL_SEGMENTS)}
    assert counts == {Kind.COMPLETED: 1, Kind.QUIZ_PASSED: 1}


def test_coverage_page_shows_only_enterprises_in_the_officials_scope(
    client, commune_officer, enterprise_a, enterprise_b
):
    services.device_reach_record(device_id="one", enterprise=enterprise_a)
    services.device_reach_record(device_id="two", enterprise=enterprise_b)
    client.force_login(commune_officer)
    html = client.get("/office/reach/").content.decode()
    assert enterprise_a.name in html
    assert enterprise_b.name not in html


def test_province_monitor_sees_every_enterprise_and_the_share_reached(province_monitor, make_enterprise):
    enterprise = make_enterprise(workers=4)
    services.device_reach_record(device_id="one", enterprise=enterprise)
    services.reach_rollup()
    today = timezone.localdate()
    rows = selectors.coverage_for_user(user=province_monitor, start=services.quarter_start(today), end=today)
    assert [(row.enterprise, row.reached_share) for row in rows] == [(enterprise, 0.25)]


def test_coverage_is_denied_without_the_role(client, enterprise_a, make_official):
    employer = make_official(unit=enterprise_a.unit, role=Role.EMPLOYER)
    client.force_login(employer)
    assert client.get("/office/reach/").status_code == 403


def test_coverage_page_reads_rollups_in_a_fixed_number_of_queries(
    client, union_officer, make_enterprise, django_assert_max_num_queries
):
    for number in range(5):
        services.reach_record(kind=Kind.VIEWED, enterprise=make_enterprise(name=f"Công ty {number}"))
    services.reach_rollup()
    client.force_login(union_officer)
    with django_assert_max_num_queries(10):
        assert client.get("/office/reach/").status_code == 200


def test_indicator_sources_give_additive_counts_per_enterprise_unit(enterprise_a, enterprise_b):
    services.reach_record(kind=Kind.COMPLETED, enterprise=enterprise_a)
    services.reach_record(kind=Kind.COMPLETED, enterprise=enterprise_a)
    services.reach_record(kind=Kind.COMPLETED, enterprise=enterprise_b)
    source = next(s for s in registry.indicator_sources() if s.code == "reach.lessons_completed")
    today = timezone.localdate()
    assert source.values(start=today, end=today) == {}  # a read never counts events: the hourly roll-up does
    services.reach_rollup()
    assert source.values(start=today, end=today) == {enterprise_a.unit_id: 2, enterprise_b.unit_id: 1}


def test_a_returning_reader_with_the_quarter_mark_costs_one_insert_and_is_counted_again_next_quarter(
    client, lesson, enterprise_a, django_assert_num_queries
):
    with time_machine.travel(dt.datetime(2026, 3, 20, 10, tzinfo=dt.UTC)):
        client.get(f"/e/{enterprise_a.public_code}")
        client.get(LESSON_URL)
        assert "lt_rq" in client.cookies
        # the enterprise of the QR link and the view: no device lookup, no query to check the cached copy
        with django_assert_num_queries(2):
            client.get(LESSON_URL)
    with time_machine.travel(dt.datetime(2026, 4, 2, 10, tzinfo=dt.UTC)):
        client.get(LESSON_URL)  # last quarter's mark no longer matches: the device is looked up and counted
        client.cookies["lt_rq"] = f"{enterprise_a.pk}.forged"
        client.get(LESSON_URL)  # a made-up mark only leads to the lookup: this device is not counted twice
    services.reach_rollup()
    viewed = ReachDaily.objects.filter(enterprise=enterprise_a, segment=ALL_SEGMENTS, kind=Kind.VIEWED)
    assert sorted((row.day.month, row.count) for row in viewed) == [(3, 2), (4, 2)]
    reached = ReachDaily.objects.filter(enterprise=enterprise_a, segment=ALL_SEGMENTS, kind=Kind.REACHED)
    assert sorted((row.day.month, row.count) for row in reached) == [(3, 1), (4, 1)]


@pytest.mark.django_db(transaction=True)  # the worker commits, as in production
def test_the_coverage_page_shows_what_the_hourly_roll_up_task_counted_and_up_to_when(
    client, union_officer, enterprise_a
):
    client.force_login(union_officer)
    with time_machine.travel(dt.datetime(2026, 5, 4, 2, 0, tzinfo=dt.UTC), tick=False):
        services.device_reach_record(device_id="mot", enterprise=enterprise_a)
        with no_database_writes():
            before = client.get("/office/reach/").content.decode()
        assert "Số liệu chưa được cộng dồn lần nào" in before
    with (
        time_machine.travel(dt.datetime(2026, 5, 4, 2, 5, tzinfo=dt.UTC), tick=False),
        override_settings(TASKS_SCHEDULE=[("reach_rollup", "hourly", ":05")]),
    ):
        assert scheduler.enqueue_due() == ["reach_rollup"]
        call_command("db_worker", "--batch", "--no-startup-delay", "--worker-id", "test-worker")
    with time_machine.travel(dt.datetime(2026, 5, 4, 2, 30, tzinfo=dt.UTC), tick=False), no_database_writes():
        after = client.get("/office/reach/").content.decode()
    assert "Số liệu đến 09:05 04/05/2026" in after
    assert ReachDaily.objects.get(enterprise=enterprise_a, segment=ALL_SEGMENTS, kind=Kind.REACHED).count == 1


def test_coverage_counts_a_talk_held_at_the_enterprise_beside_phone_views(client, province_monitor, make_enterprise):
    from lantoa.activities.models import Event
    from lantoa.activities.services import events as event_services

    enterprise = make_enterprise(workers=200)
    services.device_reach_record(device_id="one", enterprise=enterprise)
    services.reach_rollup()
    event_services.event_create(
        unit=enterprise.unit, enterprise=enterprise, kind=Event.Kind.TALK, title="Nói chuyện chuyên đề BHXH",
        starts_at=timezone.now() - dt.timedelta(hours=2), held=True, unscanned_attendance=180,
    )  # fmt: skip
    today = timezone.localdate()
    [row] = selectors.coverage_for_user(user=province_monitor, start=services.quarter_start(today), end=today)
    assert (row.by_phone, row.in_person, row.reached, row.reached_share) == (1, 180, 180, 0.9)
    client.force_login(province_monitor)
    html = client.get("/office/reach/").content.decode()
    assert "Qua điện thoại: 1 người · Dự hoạt động trực tiếp: 180 lượt người." in html
    assert '<td class="num">90 %</td>' in html
