import datetime as dt

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.urls import reverse

from lantoa.activities.models import Dialogue
from lantoa.activities.selectors import dialogues as selectors
from lantoa.activities.services import dialogues as services

TODAY = dt.date(2026, 6, 15)


def record(enterprise, held_on=TODAY, **fields):
    return services.dialogue_record(
        enterprise=enterprise,
        kind=fields.pop("kind", Dialogue.Kind.PERIODIC),
        held_on=held_on,
        agenda=fields.pop("agenda", "Tiền ăn giữa ca, nhà xe"),
        **fields,
    )


@pytest.fixture(autouse=True)
def _today():
    with time_machine.travel(dt.datetime(2026, 6, 15, 9, tzinfo=dt.UTC), tick=False):
        yield


def test_dialogue_record_normalises_case_references(enterprise_a):
    dialogue = record(enterprise_a, voice_case_refs="pa-12, PA-12;  pa-13")
    assert dialogue.voice_case_refs == "PA-12, PA-13"
    assert dialogue.case_refs == ["PA-12", "PA-13"]


def test_dialogue_record_refuses_a_held_dialogue_in_the_future(enterprise_a):
    with pytest.raises(ValidationError) as error:
        record(enterprise_a, held_on=TODAY + dt.timedelta(days=1))
    assert error.value.code == "dialogue_in_future"


def test_dialogue_record_requires_an_agenda(enterprise_a):
    with pytest.raises(ValidationError) as error:
        record(enterprise_a, agenda="   ")
    assert error.value.code == "agenda_empty"


def test_commitment_cannot_be_due_before_the_dialogue(enterprise_a):
    dialogue = record(enterprise_a)
    with pytest.raises(ValidationError) as error:
        services.commitment_add(
            dialogue=dialogue,
            description="Lắp quạt",
            owner_side="employer",
            owner_name="Ông B",
            due_on=TODAY.replace(day=1),
        )
    assert error.value.code == "due_before_dialogue"


def test_commitment_is_tracked_to_closure_with_its_result(enterprise_a):
    dialogue = record(enterprise_a)
    commitment = services.commitment_add(
        dialogue=dialogue, description="Lắp quạt", owner_side="employer", owner_name="Ông B", due_on=TODAY
    )
    assert commitment.is_overdue_on(TODAY + dt.timedelta(days=1))
    with pytest.raises(ValidationError) as error:
        services.commitment_close(commitment=commitment, closing_note=" ")
    assert error.value.code == "closing_note_empty"
    services.commitment_close(commitment=commitment, closing_note="Đã lắp 20 quạt")
    assert commitment.closed_on == TODAY
    with pytest.raises(ValidationError) as error:
        services.commitment_close(commitment=commitment, closing_note="lại")
    assert error.value.code == "already_closed"


def test_overdue_list_holds_enterprises_without_a_dialogue_in_twelve_months(
    union_officer, enterprise_a, enterprise_b, make_enterprise
):
    fresh = make_enterprise(name="Công ty mới đối thoại")
    record(fresh, held_on=TODAY - dt.timedelta(days=30))
    record(enterprise_a, held_on=TODAY - dt.timedelta(days=400))
    record(fresh, held_on=TODAY - dt.timedelta(days=500))
    services.dialogue_record(
        enterprise=enterprise_b, kind="periodic", held_on=TODAY, agenda="Kế hoạch", status=Dialogue.Status.PLANNED
    )
    overdue = list(selectors.enterprises_without_dialogue(user=union_officer, today=TODAY))
    assert overdue == [enterprise_a, enterprise_b] or overdue == [enterprise_b, enterprise_a]
    assert fresh not in overdue


def test_worker_representatives_minimum_follows_decree_145_article_38():
    assert [selectors.worker_representatives_minimum(n) for n in (10, 50, 149, 150, 300, 500, 999, 1000)] == [
        3,
        4,
        4,
        9,
        14,
        19,
        19,
        24,
    ]


def test_agreement_term_must_be_one_to_three_years(enterprise_a):
    with pytest.raises(ValidationError) as error:
        services.agreement_record(
            enterprise=enterprise_a, signed_on=TODAY, effective_on=TODAY, expires_on=TODAY + dt.timedelta(days=200)
        )
    assert error.value.code == "agreement_term"
    agreement = services.agreement_record(
        enterprise=enterprise_a, signed_on=TODAY, effective_on=TODAY, expires_on=dt.date(2029, 6, 14)
    )
    assert agreement.pk


def test_expiring_list_keeps_only_the_latest_agreement_within_ninety_days(union_officer, enterprise_a, enterprise_b):
    old = services.agreement_record(
        enterprise=enterprise_a,
        signed_on=dt.date(2024, 7, 1),
        effective_on=dt.date(2024, 7, 1),
        expires_on=dt.date(2026, 6, 30),
    )
    services.agreement_record(
        enterprise=enterprise_a,
        signed_on=dt.date(2026, 6, 1),
        effective_on=dt.date(2026, 7, 1),
        expires_on=dt.date(2028, 6, 30),
    )
    soon = services.agreement_record(
        enterprise=enterprise_b,
        signed_on=dt.date(2023, 9, 1),
        effective_on=dt.date(2023, 9, 1),
        expires_on=dt.date(2026, 8, 31),
    )
    expiring = list(selectors.agreements_expiring_for_user(user=union_officer, today=TODAY))
    assert expiring == [soon]
    assert old not in expiring


def test_grassroots_officer_records_a_dialogue_with_a_commitment_through_the_pages(
    client, grassroots_officer, enterprise_a
):
    client.force_login(grassroots_officer)
    response = client.post(
        reverse("activities:dialogue-new"),
        {
            "enterprise": enterprise_a.pk,
            "kind": "periodic",
            "status": "held",
            "held_on": "2026-06-10",
            "agenda": "Tiền ăn giữa ca",
            "worker_representative_count": "5",
            "voice_case_refs": "PA-1",
        },
    )
    dialogue = Dialogue.objects.get()
    assert response.status_code == 302
    client.post(
        reverse("activities:commitment-add", args=[dialogue.pk]),
        {
            "description": "Tăng suất ăn lên 25.000 đ",
            "owner_side": "employer",
            "owner_name": "Bà C",
            "due_on": "2026-07-01",
        },
    )
    page = client.get(reverse("activities:dialogue-detail", args=[dialogue.pk])).content.decode()
    assert "Tăng suất ăn lên 25.000 đ" in page
    assert "Chưa đủ số đại diện tối thiểu" in page  # 300 workers need at least 14


def test_commitment_form_errors_come_back_as_a_fragment(client, grassroots_officer, enterprise_a):
    dialogue = record(enterprise_a)
    client.force_login(grassroots_officer)
    response = client.post(
        reverse("activities:commitment-add", args=[dialogue.pk]),
        {"description": "X", "owner_side": "employer", "owner_name": "B", "due_on": "2026-01-01"},
        HTTP_HX_REQUEST="true",
    )
    body = response.content.decode()
    assert "Hạn hoàn thành không được trước ngày đối thoại." in body
    assert "<html" not in body


def test_employer_sees_their_dialogue_but_not_another_enterprises(client, employer, enterprise_a, enterprise_b):
    mine, other = record(enterprise_a), record(enterprise_b, agenda="Chuyện riêng của B")
    client.force_login(employer)
    listing = client.get(reverse("activities:dialogue-list")).content.decode()
    assert reverse("activities:dialogue-detail", args=[mine.pk]) in listing
    assert reverse("activities:dialogue-detail", args=[other.pk]) not in listing
    assert client.get(reverse("activities:dialogue-detail", args=[other.pk])).status_code == 404
    assert client.get(reverse("activities:dialogue-new")).status_code == 403


def test_dialogue_list_query_count_is_bounded(client, union_officer, enterprise_a, django_assert_max_num_queries):
    for _ in range(5):
        dialogue = record(enterprise_a)
        services.commitment_add(dialogue=dialogue, description="X", owner_side="union", owner_name="Y", due_on=TODAY)
    client.force_login(union_officer)
    with django_assert_max_num_queries(10):
        assert client.get(reverse("activities:dialogue-list")).status_code == 200


def test_a_planned_dialogue_is_recorded_as_held_from_its_page(client, grassroots_officer, enterprise_a):
    planned = record(enterprise_a, status=Dialogue.Status.PLANNED)
    client.force_login(grassroots_officer)
    client.post(
        reverse("activities:dialogue-held", args=[planned.pk]),
        {"issues_raised": "Nhà xe chật", "agreements": "Mở rộng nhà xe"},
    )
    planned.refresh_from_db()
    assert planned.status == Dialogue.Status.HELD
    assert planned.agreements == "Mở rộng nhà xe"
