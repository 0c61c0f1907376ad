import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from lantoa.opinion.models import Recommendation
from lantoa.opinion.selectors import recommendations as selectors
from lantoa.opinion.services import recommendations as services
from lantoa.orgs.models import Enterprise, OrgUnit, Role, User
from lantoa.voice.services import reports as report_services


@pytest.fixture
def commune_committee(commune: Callable[[str], OrgUnit]) -> OrgUnit:
    return commune("Xã Bình Hòa")


def test_a_case_carried_to_a_commune_is_answered_and_the_worker_sees_both(
    client: Client,
    union_officer: User,
    commune_officer: User,
    commune_committee: OrgUnit,
    enterprise_a: Enterprise,
    labour_federation: OrgUnit,
) -> None:
    submitted = report_services.report_submit(
        category="luong-cham-thieu", text="Lương chậm hai tháng.", enterprise=enterprise_a
    )
    today = timezone.localdate()
    recommendation = services.recommendation_raise(
        user=union_officer,
        unit=labour_federation,
        text="Đề nghị xã làm việc với công ty về việc trả lương chậm.",
        due_on=today + dt.timedelta(days=15),
        source=Recommendation.Source.CASE,
        addressee_unit=commune_committee,
        report=submitted.report,
    )
    assert selectors.open_by_body(user=commune_officer) == {commune_committee.name: [recommendation]}
    services.recommendation_answer(
        user=commune_officer, recommendation=recommendation, answer="Xã đã làm việc, công ty trả đủ lương."
    )
    assert selectors.state_of(recommendation) == "answered"
    page = client.post(reverse("voice:follow"), {"receipt": submitted.receipt.code}).content.decode()
    assert f"Đã kiến nghị tới {commune_committee.name} ngày {today:%d/%m/%Y}" in page
    assert "công ty trả đủ lương" in page


def test_only_officers_in_scope_raise_and_answer(
    union_officer: User, enterprise_a: Enterprise, labour_federation: OrgUnit, make_official: Callable[..., User]
) -> None:
    propagandist = make_official(unit=enterprise_a.unit, role=Role.PROPAGANDIST)
    due = timezone.localdate() + dt.timedelta(days=7)
    fields: dict[str, Any] = {
        "unit": labour_federation,
        "text": "Kiến nghị.",
        "due_on": due,
        "source": Recommendation.Source.NOTES,
    }
    with pytest.raises(PermissionDenied):
        services.recommendation_raise(user=propagandist, addressee_name="Sở Nội vụ", **fields)
    with pytest.raises(ValidationError) as missing:
        services.recommendation_raise(user=union_officer, **fields)
    assert missing.value.code == "addressee_missing"
    outside = services.recommendation_raise(
        user=union_officer, addressee_name="Sở Nội vụ", addressee_kind=OrgUnit.Kind.PEOPLES_COMMITTEE, **fields
    )
    other_enterprise_admin = make_official(unit=enterprise_a.unit, role=Role.UNIT_ADMIN)
    with pytest.raises(PermissionDenied):
        services.recommendation_answer(
            user=other_enterprise_admin, recommendation=outside, answer="Không phải việc của tôi."
        )


def test_overdue_list_and_late_answers(client: Client, union_officer: User, labour_federation: OrgUnit) -> None:
    today = timezone.localdate()
    late = services.recommendation_raise(
        user=union_officer,
        unit=labour_federation,
        text="Đề nghị bố trí nhà lưu trú.",
        due_on=today - dt.timedelta(days=2),
        raised_on=today - dt.timedelta(days=20),
        source=Recommendation.Source.DIALOGUE,
        addressee_name="UBND tỉnh",
    )
    assert selectors.state_of(late) == "overdue"
    client.force_login(union_officer)
    page = client.get(reverse("opinion:recommendations") + "?overdue=1").content.decode()
    assert "UBND tỉnh" in page and "Quá hạn" in page
    client.post(reverse("opinion:recommendation-answer", kwargs={"pk": late.pk}), {"answer": "Đã giao Sở Xây dựng."})
    late.refresh_from_db()
    assert selectors.state_of(late) == "answered_late"
