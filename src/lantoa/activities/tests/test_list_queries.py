import datetime as dt

import pytest
from django.urls import reverse

from lantoa.activities.services import dialogues, emulation, welfare

DAY = dt.date(2026, 2, 1)


@pytest.fixture
def filled(make_enterprise, grassroots_union):
    for number in range(4):
        enterprise = make_enterprise(name=f"Công ty số {number}")
        dialogues.agreement_record(
            enterprise=enterprise, signed_on=DAY, effective_on=DAY, expires_on=DAY.replace(year=2028)
        )
        welfare.welfare_record(
            enterprise=enterprise, period_start=DAY, period_end=DAY, meal_allowance_per_shift_vnd=20_000
        )
        emulation.initiative_submit(
            enterprise=enterprise, title=f"Sáng kiến {number}", authors="Tổ 1", description="Mô tả", submitted_on=DAY
        )
        emulation.nomination_propose(
            unit=grassroots_union, nominee_name=f"Người {number}", title="good_worker", year=2026, achievements="X"
        )


@pytest.mark.parametrize(
    ("url_name", "expected"),
    [
        ("activities:agreement-list", "Công ty số 3"),
        ("activities:welfare-list", "Công ty số 3"),
        ("activities:emulation", "Sáng kiến 3"),
        ("activities:dialogue-overdue", "Công ty số 3"),
    ],
)
def test_office_lists_run_a_bounded_number_of_queries(
    client, union_officer, filled, url_name, expected, django_assert_max_num_queries
):
    client.force_login(union_officer)
    with django_assert_max_num_queries(10):
        response = client.get(reverse(url_name))
    assert response.status_code == 200
    assert expected in response.content.decode()
