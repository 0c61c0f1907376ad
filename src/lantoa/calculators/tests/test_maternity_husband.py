"""The husband's cases of Luật BHXH 41/2024, computed by hand: the one-time allowance passing to the husband of the
mother who asked for a surrogate or of the surrogate (Điều 58 khoản 2, third and fourth cases; 2 × the reference level
2.340.000 of March 2026 = 4.680.000 a child), the surrogate's husband's days (Điều 54 khoản 4) and the husband's days
after a loss from 22 weeks (Điều 52 khoản 2). A day = 9.600.000 ÷ 24 = 400.000 (Điều 59 khoản 2)."""

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from lantoa.calculators.rules import maternity
from lantoa.calculators.rules.base import Result

from .books import book_from_file

BOOK = book_from_file()


def _husband(event: str, **extra: Any) -> Result:
    values: dict[str, Any] = {
        "born_on": dt.date(2026, 3, 10),
        "parent": maternity.FATHER,
        "average_wage_vnd": 9_600_000,
        "months_paid_last_12": 8,
        "event": event,
    }
    return maternity.maternity_benefit(book=BOOK, data=maternity.MaternityInput(**(values | extra)))


def _articles(result: Result) -> set[str]:
    return {f"{c.document.split()[-1]} {c.article}" for c in result.citations}


def _refusal(event: str, **extra: Any) -> str:
    with pytest.raises(ValidationError) as error:
        _husband(event, **extra)
    return str(error.value.code)


def test_the_husband_of_the_mother_who_asked_for_a_surrogate_has_the_allowance_when_no_one_else_does() -> None:
    result = _husband(maternity.SURROGACY, mother_qualifies=False, children=2)
    assert result.is_ok and result.lines[-1].amount == 9_360_000  # 2 × 2.340.000 × 2 children
    assert {"41/2024/QH15 Điều 58 khoản 2", "41/2024/QH15 Điều 58 khoản 4"} <= _articles(result)
    assert "Điều 55 khoản 2" in result.notes[0]


@pytest.mark.parametrize(
    ("extra", "reason"),
    [
        ({}, "Vợ bạn"),  # his wife qualifies (the default)
        ({"mother_qualifies": False, "surrogate_qualifies": True}, "Người mang thai hộ"),
        ({"mother_qualifies": False, "months_paid_last_12": 5}, "06 tháng"),
    ],
)
def test_the_commissioning_husband_is_refused_when_someone_before_him_has_it(extra: dict, reason: str) -> None:
    result = _husband(maternity.SURROGACY, **extra)
    assert result.is_ok is False and result.lines[-1].amount == 0 and reason in result.verdict


def test_the_surrogates_husband_has_a_fathers_days_and_the_allowance_last_of_all() -> None:
    days_only = _husband(maternity.SURROGATE_BIRTH, mother_qualifies=False)
    assert days_only.lines[-1].amount == 2_000_000  # 5 days × 400.000: the mother who asked may have it
    assert "41/2024/QH15 Điều 54 khoản 4" in _articles(days_only) and "Điều 58 khoản 2" in days_only.notes[-1]
    everyone_else_out = {"mother_qualifies": False, "commissioning_unqualified": True}
    assert _husband(maternity.SURROGATE_BIRTH, **everyone_else_out).lines[-1].amount == 2_000_000 + 4_680_000
    twins = _husband(maternity.SURROGATE_BIRTH, children=2, caesarean_or_premature=True, **everyone_else_out)
    assert twins.lines[-1].amount == 14 * 400_000 + 2 * 4_680_000  # Điều 53 khoản 2 điểm d
    short = _husband(maternity.SURROGATE_BIRTH, months_paid_last_12=5, **everyone_else_out)
    assert short.lines[-1].amount == 2_000_000
    # His wife, the surrogate, qualifies: she has the allowance.
    assert _husband(maternity.SURROGATE_BIRTH, commissioning_unqualified=True).lines[-1].amount == 2_000_000


def test_the_husband_after_a_loss_from_22_weeks_has_the_days_of_a_birth_without_the_allowance() -> None:
    result = _husband(maternity.MISCARRIAGE, weeks_pregnant=24)
    assert result.is_ok and result.lines[-1].amount == 2_000_000
    assert {"41/2024/QH15 Điều 52 khoản 2", "41/2024/QH15 Điều 53 khoản 2 điểm a"} <= _articles(result)
    assert _husband(maternity.MISCARRIAGE, weeks_pregnant=30, caesarean_or_premature=True).lines[-1].amount == 2_800_000
    late = _husband(maternity.MISCARRIAGE, weeks_pregnant=24, leave_from=dt.date(2026, 5, 10))  # day 61
    assert "60 ngày" in late.warnings[0]


@pytest.mark.parametrize(
    ("event", "extra", "code"),
    [
        (maternity.MISCARRIAGE, {"weeks_pregnant": 21}, "husband_loss_under_22_weeks"),
        (maternity.MISCARRIAGE, {"weeks_pregnant": 22, "mother_qualifies": False}, "husband_loss_wife_unqualified"),
        (maternity.MISCARRIAGE, {"weeks_pregnant": 30, "born_on": dt.date(2025, 3, 10)}, "husband_loss_before_2025"),
        (maternity.MISCARRIAGE, {}, "weeks_missing"),
        (maternity.SURROGACY, {"born_on": dt.date(2025, 3, 10)}, "surrogacy_before_2025"),
        (maternity.SURROGATE_BIRTH, {"born_on": dt.date(2025, 3, 10)}, "surrogacy_before_2025"),
        (maternity.SURROGATE_BIRTH, {"leave_from": dt.date(2026, 3, 1)}, "leave_from_invalid"),
    ],
)
def test_the_husbands_cases_the_law_does_not_give_are_refused(event: str, extra: dict, code: str) -> None:
    assert _refusal(event, **extra) == code


@pytest.fixture
def parameters(db: None) -> None:
    from lantoa.calculators import services

    services.parameters_load()


def test_the_api_and_the_page_compute_the_husbands_cases(client: Client, parameters: None) -> None:
    query = {"parent": "father", "born_on": "2026-03-10", "average_wage": "9600000", "months_paid_last_12": "8"}
    surrogate = query | {"event": "surrogate", "commissioning_unqualified": "true"}  # mother_qualifies absent = no
    body = client.get("/api/v1/calculators/maternity", surrogate).json()
    assert body["lines"][-1]["amount"] == 6_680_000
    refused = client.get("/api/v1/calculators/maternity", query | {"event": "miscarriage", "weeks_pregnant": "20"})
    assert refused.status_code == 422 and refused.json()["code"] == "husband_loss_under_22_weeks"
    page = client.get(
        "/tinh-toan/thai-san/",
        {"event": "miscarriage", "parent": "father", "born_on": "10/03/2026", "weeks_pregnant": "24",
         "mother_qualifies": "on", "average_wage": "9.600.000"},
    )  # fmt: skip
    html = page.content.decode()
    assert page.status_code == 200 and "2.000.000 đ" in html and "Điều 52 khoản 2" in html
