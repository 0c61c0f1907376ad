import datetime as dt

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from lantoa.activities.models import EventCheckin
from lantoa.activities.selectors.events import event_attendance_by_segment
from lantoa.activities.services import checkin as services
from lantoa.activities.services import events as event_services
from lantoa.activities.views.checkin import DEVICE_COOKIE


def test_checkin_code_changes_every_window_and_the_previous_one_is_still_accepted(make_event, settings):
    settings.ACTIVITIES_CHECKIN_ROTATE_SECONDS = 120
    event = make_event()
    with time_machine.travel(timezone.now(), tick=False) as traveller:
        first = services.checkin_code(event=event)
        traveller.shift(dt.timedelta(seconds=120))
        second = services.checkin_code(event=event)
        assert first != second
        assert services.checkin_code_is_valid(event=event, code=first.lower())
        traveller.shift(dt.timedelta(seconds=120))
        assert not services.checkin_code_is_valid(event=event, code=first)
        assert services.checkin_code_is_valid(event=event, code=second)


def test_codes_differ_between_events(make_event):
    assert services.checkin_code(event=make_event()) != services.checkin_code(event=make_event())


def test_checkin_with_a_stale_code_is_refused(make_event):
    event = make_event()
    with pytest.raises(ValidationError) as error:
        services.checkin_record(event=event, code="AAAAAAAA", device_token="phone-1")
    assert error.value.code == "code_expired"


def test_same_device_is_counted_once(make_event):
    event = make_event()
    code = services.checkin_code(event=event)
    first = services.checkin_record(event=event, code=code, device_token="phone-1")
    again = services.checkin_record(event=event, code=code, device_token="phone-1")
    assert first.created and not again.created
    assert EventCheckin.objects.filter(event=event).count() == 1


def test_same_account_on_two_phones_is_counted_once(make_event, worker_user):
    event = make_event()
    code = services.checkin_code(event=event)
    services.checkin_record(event=event, code=code, device_token="phone-1", user=worker_user)
    again = services.checkin_record(event=event, code=code, device_token="phone-2", user=worker_user)
    assert not again.created
    assert EventCheckin.objects.get().user == worker_user


def test_checkin_keeps_the_enterprise_segments(make_event, make_enterprise):
    event = make_event()
    island = make_enterprise(name="Công ty Đảo", commune="Đặc khu Phú Quốc")
    code = services.checkin_code(event=event)
    services.checkin_record(event=event, code=code, device_token="phone-1", enterprise=island)
    services.checkin_record(event=event, code=code, device_token="phone-2")
    labels = dict(event_attendance_by_segment(event=event))
    assert labels["Hải đảo"] == 1
    assert labels["Nông thôn"] == 1  # the event's own enterprise, in Xã Bình Hòa


def test_checkin_is_closed_for_a_cancelled_or_long_past_event(make_event):
    cancelled = event_services.event_cancel(event=make_event())
    problem = services.checkin_problem(event=cancelled)
    assert problem is not None and problem.code == "event_cancelled"
    old = make_event(starts_at=timezone.now() - dt.timedelta(days=2))
    problem = services.checkin_problem(event=old)
    assert problem is not None and problem.code == "checkin_closed"


def test_checkin_page_counts_a_phone_once(client, make_event):
    event = make_event()
    url = reverse("activities:checkin", args=[event.pk, services.checkin_code(event=event)])
    page = client.get(url)
    assert DEVICE_COOKIE in page.cookies
    assert "Tôi có mặt" in page.content.decode()
    assert "htmx" not in page.content.decode()
    assert "Đã điểm danh" in client.post(url).content.decode()
    assert "đã điểm danh hoạt động này rồi" in client.post(url).content.decode()
    assert event.checkins.count() == 1


def test_checkin_page_without_a_cookie_counts_nothing(client, make_event):
    event = make_event()
    url = reverse("activities:checkin", args=[event.pk, services.checkin_code(event=event)])
    response = client.post(url)
    assert response.status_code == 400
    assert event.checkins.count() == 0


def test_organiser_qr_page_shows_the_current_code_and_count(client, grassroots_officer, make_event):
    event = make_event()
    client.force_login(grassroots_officer)
    page = client.get(reverse("activities:event-qr", args=[event.pk])).content.decode()
    assert services.checkin_code(event=event) in page
    assert "<svg" in page
    fragment = client.get(reverse("activities:event-qr", args=[event.pk]), HTTP_HX_REQUEST="true").content.decode()
    assert "<html" not in fragment
