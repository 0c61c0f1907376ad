import datetime as dt
import io
import unicodedata

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from lantoa.activities.models import Event
from lantoa.activities.services import events as services


def jpeg(width: int, height: int) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), (200, 30, 30)).save(out, format="JPEG")
    return out.getvalue()


def test_event_create_plans_an_event_at_the_enterprise_unit_with_nfc_title(enterprise_a):
    event = services.event_create(
        unit=enterprise_a.commune,
        enterprise=enterprise_a,
        kind=Event.Kind.TALK,
        title=unicodedata.normalize("NFD", "Hội nghị  người lao động"),
        starts_at=timezone.now() + dt.timedelta(days=3),
        shift=Event.Shift.NIGHT,
    )
    assert event.unit == enterprise_a.unit
    assert event.status == Event.Status.PLANNED
    assert event.title == unicodedata.normalize("NFC", "Hội nghị người lao động")
    assert len(event.checkin_secret) == 32


def test_event_create_refuses_to_log_a_future_event_as_held(enterprise_a):
    with pytest.raises(ValidationError) as error:
        services.event_create(
            unit=enterprise_a.unit,
            enterprise=enterprise_a,
            kind=Event.Kind.TALK,
            title="Sắp tới",
            starts_at=timezone.now() + dt.timedelta(hours=2),
            held=True,
        )
    assert error.value.code == "event_in_future"


def test_event_create_rejects_a_blank_title(enterprise_a):
    with pytest.raises(ValidationError) as error:
        services.event_create(
            unit=enterprise_a.unit, enterprise=None, kind="talk", title="  ", starts_at=timezone.now()
        )
    assert error.value.code == "title_empty"


def test_event_mark_held_records_hand_count_and_materials(make_event):
    event = make_event()
    services.event_mark_held(event=event, unscanned_attendance=40, materials={"leaflet_count": 300, "poster_count": 5})
    event.refresh_from_db()
    assert event.status == Event.Status.HELD
    assert event.unscanned_attendance == 40
    assert (event.leaflet_count, event.poster_count, event.banner_count) == (300, 5, 0)
    assert event.material_count == 305


def test_a_cancelled_event_cannot_be_marked_held(make_event):
    event = services.event_cancel(event=make_event())
    with pytest.raises(ValidationError) as error:
        services.event_mark_held(event=event, unscanned_attendance=1)
    assert error.value.code == "event_cancelled"


def test_event_photo_is_shrunk_and_stripped_to_a_jpeg(make_event):
    upload = SimpleUploadedFile("anh.jpg", jpeg(4000, 3000), content_type="image/jpeg")
    photo = services.event_photo_add(event=make_event(), upload=upload, caption="Hội trường")
    assert (photo.width, photo.height) == (1600, 1200)
    with Image.open(photo.image) as image:
        assert image.format == "JPEG"
        assert not image.getexif()


def test_event_photo_rejects_a_file_that_is_not_an_image(make_event):
    upload = SimpleUploadedFile("anh.jpg", b"not an image at all", content_type="image/jpeg")
    with pytest.raises(ValidationError) as error:
        services.event_photo_add(event=make_event(), upload=upload)
    assert error.value.code == "photo_invalid"


def test_event_photo_refuses_more_than_the_limit(make_event, monkeypatch):
    monkeypatch.setattr(services, "PHOTO_MAX_PER_EVENT", 1)
    event = make_event()
    services.event_photo_add(event=event, upload=SimpleUploadedFile("a.jpg", jpeg(10, 10)))
    with pytest.raises(ValidationError) as error:
        services.event_photo_add(event=event, upload=SimpleUploadedFile("b.jpg", jpeg(10, 10)))
    assert error.value.code == "too_many_photos"


def test_grassroots_officer_plans_an_event_through_the_page(client, grassroots_officer, enterprise_a):
    client.force_login(grassroots_officer)
    page = client.get(reverse("activities:event-plan")).content.decode()
    assert enterprise_a.name in page
    response = client.post(
        reverse("activities:event-plan"),
        {
            "place": f"e{enterprise_a.pk}",
            "kind": "culture_sport",
            "title": "Giải bóng đá công nhân",
            "starts_at": "2030-05-01T17:30",
            "shift": "after_work",
            "planned_attendance": "200",
        },
    )
    event = Event.objects.get()
    assert response.status_code == 302
    assert event.enterprise == enterprise_a
    assert timezone.localtime(event.starts_at).hour == 17


def test_plan_page_refuses_a_place_outside_the_officers_scope(client, grassroots_officer, enterprise_b):
    client.force_login(grassroots_officer)
    response = client.post(
        reverse("activities:event-plan"),
        {"place": f"e{enterprise_b.pk}", "kind": "talk", "title": "X", "starts_at": "2030-05-01T17:30", "shift": "all"},
    )
    assert response.status_code == 200
    assert not Event.objects.exists()


def test_event_list_is_scoped_by_permission(
    client, grassroots_officer, make_event, enterprise_b, django_assert_max_num_queries
):
    mine = make_event(title="Hoạt động của A")
    make_event(enterprise=enterprise_b, title="Hoạt động của B")
    client.force_login(grassroots_officer)
    with django_assert_max_num_queries(8):
        page = client.get(reverse("activities:event-list")).content.decode()
    assert mine.title in page
    assert "Hoạt động của B" not in page


def test_event_of_another_enterprise_is_a_404(client, grassroots_officer, make_event, enterprise_b):
    other = make_event(enterprise=enterprise_b)
    client.force_login(grassroots_officer)
    assert client.get(reverse("activities:event-detail", args=[other.pk])).status_code == 404
    assert client.get(reverse("activities:event-qr", args=[other.pk])).status_code == 404


def test_province_monitor_reads_events_but_cannot_open_the_qr(client, province_monitor, make_event):
    event = make_event()
    client.force_login(province_monitor)
    assert client.get(reverse("activities:event-detail", args=[event.pk])).status_code == 200
    assert client.get(reverse("activities:event-qr", args=[event.pk])).status_code == 404


def test_employer_cannot_open_the_event_list(client, employer):
    client.force_login(employer)
    assert client.get(reverse("activities:event-list")).status_code == 403


def test_marking_held_through_the_page_updates_attendance(client, grassroots_officer, make_event):
    event = make_event()
    client.force_login(grassroots_officer)
    client.post(reverse("activities:event-held", args=[event.pk]), {"unscanned_attendance": "25"})
    page = client.get(reverse("activities:event-detail", args=[event.pk])).content.decode()
    assert "Đã tổ chức" in page
    assert "<strong>25</strong>" in page


@pytest.mark.parametrize(
    ("utc_moment", "shown"),
    [
        (dt.datetime(2026, 12, 1, 17, 30, tzinfo=dt.UTC), "00:30 02/12/2026"),
        (dt.datetime(2026, 12, 1, 23, 30, tzinfo=dt.UTC), "06:30 02/12/2026"),
    ],
)
def test_an_event_at_night_shows_its_vietnamese_day_and_hour(client, grassroots_officer, make_event, utc_moment, shown):
    event = make_event(starts_at=utc_moment + dt.timedelta(minutes=10))
    client.force_login(grassroots_officer)
    with time_machine.travel(utc_moment, tick=False):
        page = client.get(reverse("activities:event-detail", args=[event.pk])).content.decode()
    assert shown.replace(":30", ":40", 1) in page
    assert "01/12/2026" not in page
