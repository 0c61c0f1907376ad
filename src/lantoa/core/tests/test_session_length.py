"""Officials who can read anonymous reports, claims or legal questions get a short session; others keep the long one."""

import pytest
import time_machine
from django.urls import reverse

from lantoa.orgs import access
from lantoa.orgs.models import Role

OFFICE = reverse("orgs:office-home")


def logged_in(client, user):
    client.force_login(user)
    return client


def test_a_report_reader_is_logged_out_after_30_idle_minutes(client, make_official, labour_federation):
    officer = make_official(unit=labour_federation, role=Role.UNION_OFFICER)
    with time_machine.travel("2026-03-02 08:00 +07:00", tick=False) as traveller:
        logged_in(client, officer)
        assert client.get(OFFICE).status_code == 200
        traveller.shift(29 * 60)
        assert client.get(OFFICE).status_code == 200
        traveller.shift(31 * 60)
        response = client.get(OFFICE)
    assert response.status_code == 302
    assert reverse("orgs:login") in response["Location"]


def test_a_report_reader_is_logged_out_after_8_hours_however_busy(client, make_official, labour_federation):
    officer = make_official(unit=labour_federation, role=Role.UNION_OFFICER)
    with time_machine.travel("2026-03-02 08:00 +07:00", tick=False) as traveller:
        logged_in(client, officer)
        for _ in range(16):
            assert client.get(OFFICE).status_code == 200
            traveller.shift(25 * 60)
        traveller.shift(25 * 60)
        assert client.get(OFFICE).status_code == 302


def test_an_account_that_cannot_read_reports_keeps_its_session_overnight(client, make_official, labour_federation):
    propagandist = make_official(unit=labour_federation, role=Role.PROPAGANDIST)
    with time_machine.travel("2026-03-02 08:00 +07:00", tick=False) as traveller:
        logged_in(client, propagandist)
        assert client.get(OFFICE).status_code == 200
        traveller.shift(20 * 3600)
        assert client.get(OFFICE).status_code == 200


@pytest.mark.parametrize(
    ("role", "unit_fixture"),
    [(Role.MONITOR, "propaganda_board"), (Role.LEGAL_ADVISER, "labour_federation")],
)
def test_readers_of_anonymous_claims_or_legal_questions_get_the_short_session(
    client, make_official, request, role, unit_fixture
):
    """The rumour desk (Ban Tuyên giáo) and legal advisers read what workers sent without a name, like report readers."""
    official = make_official(unit=request.getfixturevalue(unit_fixture), role=role)
    assert not access.can(official, "voice.view_case")
    assert access.can(official, "opinion.view_claims") or access.can(official, "legal.view_questions")
    with time_machine.travel("2026-03-02 08:00 +07:00", tick=False) as traveller:
        logged_in(client, official)
        assert client.get(OFFICE).status_code == 200
        traveller.shift(31 * 60)
        response = client.get(OFFICE)
    assert response.status_code == 302
    assert reverse("orgs:login") in response["Location"]
