import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from lantoa.activities.models import Propagandist, Reward
from lantoa.activities.selectors import force as selectors
from lantoa.activities.services import force as services

DAY = dt.date(2026, 3, 1)


@pytest.fixture
def member(grassroots_union):
    return services.propagandist_add(
        unit=grassroots_union, kind=Propagandist.Kind.CORE_WORKER, joined_on=DAY, full_name="Lâm  Văn Thắng"
    )


def test_propagandist_add_creates_the_person_and_refuses_a_duplicate(member, grassroots_union):
    assert member.person.full_name == "Lâm Văn Thắng"
    with pytest.raises(ValidationError) as error:
        services.propagandist_add(
            unit=grassroots_union, kind=Propagandist.Kind.CORE_WORKER, joined_on=DAY, person=member.person
        )
    assert error.value.code == "already_on_roster"


def test_training_result_outside_the_training_units_scope_is_refused(member, make_enterprise):
    other = make_enterprise(name="Công ty khác")
    training = services.training_create(unit=other.unit, title="Lớp của công ty khác", held_on=DAY)
    with pytest.raises(ValidationError) as error:
        services.training_result_record(training=training, member=member)
    assert error.value.code == "outside_training_unit"


def test_roster_counts_events_trainings_and_points(member, labour_federation, make_event, grassroots_officer):
    digital = services.training_create(unit=labour_federation, title="Kỹ năng số", held_on=DAY, is_digital_skills=True)
    services.training_result_record(training=digital, member=member, certificate_number="KNS-1")
    with pytest.raises(ValidationError) as error:
        services.training_result_record(training=digital, member=member)
    assert error.value.code == "already_recorded"
    make_event(held=True, presenters=[member])
    make_event(held=False, presenters=[member])  # planned: no points yet
    services.reward_give(unit=labour_federation, member=member, title="Giấy khen", awarded_on=DAY, points=7)
    roster = selectors.roster_with_points(list(selectors.propagandist_list_for_user(user=grassroots_officer)))
    (row,) = roster
    assert (row.event_count, row.training_count, row.digital_count) == (1, 1, 1)
    assert row.points == selectors.POINTS_PER_EVENT + selectors.POINTS_PER_TRAINING + 7


def test_trained_propagandists_are_listed_for_an_indicator_period(member, labour_federation, enterprise_a):
    training = services.training_create(unit=labour_federation, title="Luật Công đoàn 2024", held_on=DAY)
    services.training_result_record(training=training, member=member)
    assert list(selectors.trained_propagandists(unit=enterprise_a.unit, start=DAY, end=DAY)) == [member]
    assert not selectors.trained_propagandists(unit=enterprise_a.unit, start=DAY, end=DAY, digital_only=True)


def test_grassroots_officer_adds_a_member_through_the_page(client, grassroots_officer, grassroots_union):
    client.force_login(grassroots_officer)
    response = client.post(
        reverse("activities:force-add"),
        {"unit": grassroots_union.pk, "kind": "propagandist", "full_name": "Trần Thị Mai", "joined_on": "2026-01-05"},
    )
    assert Propagandist.objects.get().person.full_name == "Trần Thị Mai"
    assert response.status_code == 302
    page = client.get(reverse("activities:force-list")).content.decode()
    assert "Trần Thị Mai" in page


def test_a_reward_given_through_the_page_goes_to_the_members_unit_with_blank_figures_as_zero(
    client, grassroots_officer, member
):
    client.force_login(grassroots_officer)
    response = client.post(
        reverse("activities:reward-new"),
        {"member": member.pk, "title": "Giấy khen", "awarded_on": "2026-03-02", "amount_vnd": "", "points": "5"},
    )
    assert response.status_code == 302
    reward = Reward.objects.get()
    assert (reward.unit, reward.propagandist, reward.recipient_name) == (member.unit, member, "Lâm Văn Thắng")
    assert (reward.amount_vnd, reward.points, reward.decision_number) == (0, 5, "")


def test_force_list_is_scoped_and_bounded(client, member, enterprise_b, make_official, django_assert_max_num_queries):
    from lantoa.orgs.models import Role

    outsider = make_official(unit=enterprise_b.unit, role=Role.UNIT_ADMIN)
    client.force_login(outsider)
    with django_assert_max_num_queries(10):
        page = client.get(reverse("activities:force-list")).content.decode()
    assert "Lâm Văn Thắng" not in page
    assert client.get(reverse("activities:force-detail", args=[member.pk])).status_code == 404


def test_presenters_offered_to_an_organiser_are_in_their_scope(member, grassroots_officer):
    assert list(selectors.propagandist_choices_for_user(user=grassroots_officer)) == [member]


def test_a_member_leaves_the_roster_and_is_no_longer_listed(client, grassroots_officer, member):
    client.force_login(grassroots_officer)
    client.post(reverse("activities:force-leave", args=[member.pk]))
    member.refresh_from_db()
    assert member.left_on is not None
    assert "Lâm Văn Thắng" not in client.get(reverse("activities:force-list")).content.decode()
