"""A GET of any activities page only reads: no row inserted, updated or deleted."""

from django.urls import reverse
from django.utils import timezone

from lantoa.activities import urls as activity_urls
from lantoa.activities.services import checkin as checkin_services
from lantoa.core.tests.support import no_database_writes

STATIC_PAGES = [
    "showcase",
    "event-list",
    "event-plan",
    "event-log",
    "dialogue-list",
    "dialogue-new",
    "dialogue-overdue",
    "agreement-list",
    "agreement-new",
    "force-list",
    "force-add",
    "training-new",
    "reward-new",
    "emulation",
    "nomination-new",
    "initiative-new",
    "good-model-new",
    "welfare-list",
    "welfare-new",
]


def test_no_activities_page_writes_to_the_database_on_a_get(client, union_officer, make_event, enterprise_a):
    event = make_event(held=True)
    urls = [reverse(f"activities:{name}") for name in STATIC_PAGES]
    urls += [reverse(f"activities:{p.name}") for p in activity_urls.urlpatterns if p.name.startswith("records-")]
    urls += [
        reverse("activities:event-detail", args=[event.pk]),
        reverse("activities:event-qr", args=[event.pk]),
        reverse("activities:checkin", args=[event.pk, checkin_services.checkin_code(event=event)]),
    ]
    period = {"unit": enterprise_a.unit.code, "start": "2026-01-01", "end": timezone.localdate().isoformat()}
    client.force_login(union_officer)
    client.get(reverse("activities:event-list"))
    for url in urls:
        with no_database_writes():
            response = client.get(url, period if "/records/" in url else {})
        assert response.status_code == 200, url
