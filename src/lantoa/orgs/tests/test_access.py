"""The role × action matrix: who may do what, where. Deny by default."""

import pytest

from lantoa.orgs import access, selectors, services
from lantoa.orgs.models import OrgUnit, Role


@pytest.fixture
def grassroots_union(enterprise_a):
    unit, _created = services.unit_save(
        code="CDCS-A", name="CĐCS Công ty A", kind=OrgUnit.Kind.GRASSROOTS_UNION, parent=enterprise_a.unit
    )
    return unit


@pytest.fixture
def people(
    union_officer, commune_officer, province_monitor, employer, grassroots_union, make_official, labour_federation
):
    return {
        "union_officer": union_officer,
        "commune_officer": commune_officer,
        "province_monitor": province_monitor,
        "employer": employer,
        "grassroots_officer": make_official(unit=grassroots_union, role=Role.UNION_OFFICER),
        "legal_adviser": make_official(unit=labour_federation, role=Role.LEGAL_ADVISER),
        "editor": make_official(unit=labour_federation, role=Role.EDITOR),
        "worker": make_official(unit=grassroots_union, role=Role.WORKER),
    }


# persona, action, target, allowed
MATRIX = [
    ("union_officer", "orgs.view_enterprise", "enterprise_a", True),
    ("union_officer", "orgs.view_enterprise", "enterprise_b", True),
    ("union_officer", "orgs.import", "enterprise_b", True),
    ("union_officer", "voice.view_case", "enterprise_b", True),
    ("commune_officer", "orgs.view_enterprise", "enterprise_a", True),
    ("commune_officer", "orgs.view_enterprise", "enterprise_b", False),
    ("commune_officer", "orgs.import", "enterprise_a", True),
    ("commune_officer", "plans.approve_report", "enterprise_a", False),
    ("province_monitor", "orgs.view_enterprise", "enterprise_b", True),
    ("province_monitor", "plans.approve_report", "enterprise_a", True),
    ("province_monitor", "orgs.import", "enterprise_a", False),
    ("employer", "orgs.view_enterprise", "enterprise_a", True),
    ("employer", "orgs.view_enterprise", "enterprise_b", False),
    ("employer", "voice.view_aggregates", "enterprise_a", True),
    ("employer", "voice.view_case", "enterprise_a", False),
    ("grassroots_officer", "voice.view_case", "enterprise_a", True),
    ("grassroots_officer", "voice.view_case", "enterprise_b", False),
    ("grassroots_officer", "orgs.view_enterprise", "enterprise_a", True),
    ("legal_adviser", "legal.answer_question", "enterprise_a", True),
    ("legal_adviser", "orgs.view_enterprise", "enterprise_a", False),
    ("editor", "content.edit", "enterprise_a", True),
    ("editor", "content.review", "enterprise_a", False),
    ("worker", "orgs.view_enterprise", "enterprise_a", False),
    ("worker", "voice.view_case", "enterprise_a", False),
    ("province_monitor", "activities.view_activities", "enterprise_b", True),
    ("employer", "activities.view_activities", "enterprise_a", False),
    ("employer", "activities.view_dialogue", "enterprise_b", False),
    ("grassroots_officer", "activities.manage_welfare", "enterprise_a", True),
    ("employer", "activities.manage_emulation", "enterprise_a", False),
]


@pytest.mark.parametrize(("persona", "action", "target", "allowed"), MATRIX)
def test_permission_matrix(people, enterprise_a, enterprise_b, persona, action, target, allowed):
    obj = {"enterprise_a": enterprise_a, "enterprise_b": enterprise_b}[target]
    assert access.can(people[persona], action, obj) is allowed


def test_anonymous_users_may_do_nothing(enterprise_a):
    from django.contrib.auth.models import AnonymousUser

    assert not access.can(AnonymousUser(), "orgs.view_enterprise", enterprise_a)
    assert not access.can(AnonymousUser(), "orgs.view_enterprise")


def test_unknown_actions_are_a_programming_error(union_officer, enterprise_a):
    with pytest.raises(ValueError, match="Unknown action"):
        access.can(union_officer, "orgs.fly_to_the_moon", enterprise_a)


def test_ended_memberships_grant_nothing(commune_officer, enterprise_a):
    commune_officer.person.memberships.update(ended_on="2026-01-01")
    commune_officer._lantoa_memberships = None
    assert not access.can(commune_officer, "orgs.view_enterprise", enterprise_a)


def test_zone_officer_sees_enterprises_of_the_zone_in_any_commune(province, make_enterprise, make_official, commune):
    zone, _created = services.unit_save(code="KCN-X", name="KCN X", kind=OrgUnit.Kind.INDUSTRIAL_PARK, parent=province)
    inside = make_enterprise(commune="Xã Bình Hòa", zone=zone)
    outside = make_enterprise(commune="Xã Bình Hòa")
    officer = make_official(unit=zone, role=Role.UNIT_ADMIN)
    assert access.can(officer, "orgs.view_enterprise", inside)
    assert not access.can(officer, "orgs.view_enterprise", outside)
    assert list(selectors.enterprise_list_for_user(user=officer)) == [inside]


def test_enterprise_list_is_scoped_to_the_users_units(commune_officer, union_officer, enterprise_a, enterprise_b):
    assert list(selectors.enterprise_list_for_user(user=commune_officer)) == [enterprise_a]
    assert set(selectors.enterprise_list_for_user(user=union_officer)) == {enterprise_a, enterprise_b}


def test_every_policy_role_is_a_real_role():
    assert set(access.POLICY) == set(Role.values)
