"""Rest to recover health after sickness or maternity, computed by hand from Luật BHXH 58/2014 Điều 29, 41 and
41/2024 Điều 46, 60: 30 % of the base salary / reference level a day (2.340.000 → 702.000; 2.530.000 from 01/07/2026
→ 759.000)."""

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from lantoa.calculators.rules import recovery
from lantoa.calculators.rules.base import Result

from .books import book_from_file

BOOK = book_from_file()


def _rest(**extra: Any) -> Result:
    values: dict[str, Any] = {"after": recovery.SICKNESS, "on": dt.date(2026, 3, 2), "sick_days": Decimal(30)}
    return recovery.recovery_benefit(book=BOOK, data=recovery.RecoveryInput(**(values | extra)))


def _articles(result: Result) -> set[str]:
    return {f"{c.document.split()[-1]} {c.article}" for c in result.citations}


@pytest.mark.parametrize(
    ("extra", "total", "article"),
    [
        ({"case": recovery.SURGERY}, 7 * 702_000, "41/2024/QH15 Điều 46 khoản 2 điểm b"),
        ({"case": recovery.LONG_TERM, "rest_days_used": 4}, 6 * 702_000, "41/2024/QH15 Điều 46 khoản 2 điểm a"),
        ({"days_off": Decimal(3)}, 3 * 702_000, "41/2024/QH15 Điều 46 khoản 2 điểm c"),
        (
            {"on": dt.date(2025, 3, 3), "sick_days": Decimal(0), "sick_days_used_up": True},
            5 * 702_000,
            "58/2014/QH13 Điều 29 khoản 2 điểm c",
        ),
        (
            {"after": recovery.MATERNITY, "on": dt.date(2026, 9, 15), "case": recovery.MULTIPLE},
            10 * 759_000,
            "41/2024/QH15 Điều 60 khoản 2 điểm a",
        ),
        (
            {"after": recovery.MATERNITY, "on": dt.date(2025, 2, 3), "maternity_leave": recovery.MISCARRIAGE},
            5 * 702_000,
            "58/2014/QH13 Điều 41 khoản 2 điểm c",
        ),
        (
            {"after": recovery.MATERNITY, "maternity_leave": recovery.SURROGATE, "case": recovery.CAESAREAN},
            7 * 702_000,
            "41/2024/QH15 Điều 60 khoản 2 điểm b",
        ),
    ],
)
def test_the_rest_is_30_percent_of_the_base_salary_a_day_for_the_days_of_the_case(
    extra: dict, total: int, article: str
) -> None:
    result = _rest(**extra)
    assert result.is_ok and result.lines[-1].amount == total
    assert article in _articles(result)
    assert any(c.article.startswith("Điều 3") or "141 khoản 13" in c.article for c in result.citations)


def test_the_reference_level_comes_from_the_parameter_book_on_the_first_day_of_rest() -> None:
    before, after = _rest(on=dt.date(2026, 6, 30)), _rest(on=dt.date(2026, 7, 1))
    assert before.lines[1].amount == 702_000 and after.lines[1].amount == 759_000
    assert "mức tham chiếu 2.530.000 đ" in after.lines[1].formula
    with pytest.raises(ValidationError):  # no base salary stored before 01/07/2024
        _rest(on=dt.date(2024, 3, 1), sick_days_used_up=True)


@pytest.mark.parametrize(
    ("extra", "words"),
    [
        ({"sick_days": Decimal(29)}, "từ đủ 30 ngày"),
        ({"on": dt.date(2025, 3, 3)}, "Điều 26"),  # 58/2014: the year's sickness days not all taken
        ({"rest_days_used": 10}, "đủ 10 ngày"),
        ({"after": recovery.MATERNITY, "returned_early": True}, "Điều 60 khoản 4"),
        ({"after": recovery.MATERNITY, "maternity_leave": "other"}, "Điều 60 khoản 1"),
        ({"after": recovery.MATERNITY, "on": dt.date(2025, 3, 3), "maternity_leave": recovery.SURROGATE}, "Điều 41"),
        ({"leave_ended_on": dt.date(2026, 1, 20)}, "quá 30 ngày"),
        (
            {"after": recovery.MATERNITY, "maternity_leave": recovery.SURROGATE, "contract_ended_before_birth": True},
            "Điều 54 khoản 3 điểm b",
        ),
    ],
)
def test_a_rest_the_law_does_not_give_is_refused_with_the_reason(extra: dict, words: str) -> None:
    result = _rest(**extra)
    assert result.is_ok is False and result.lines[-1].amount == 0
    assert words in result.verdict


def test_the_surrogates_rest_cites_her_khoan_and_only_she_loses_it_by_leaving_before_the_birth() -> None:
    surrogate = _rest(after=recovery.MATERNITY, maternity_leave=recovery.SURROGATE)
    assert surrogate.is_ok and "41/2024/QH15 Điều 54 khoản 3 điểm b" in _articles(surrogate)
    # Điều 54 khoản 3 điểm b is the surrogate's exception; a mother's rest after a birth (Điều 60) has none.
    mother = _rest(after=recovery.MATERNITY, contract_ended_before_birth=True)
    assert mother.is_ok and mother.lines[-1].amount == 5 * 702_000


def test_days_past_the_most_are_not_paid_and_wrong_inputs_are_refused() -> None:
    capped = _rest(case=recovery.SURGERY, days_off=Decimal(9))
    assert capped.lines[0].amount == 7 and "2 ngày vượt" in capped.warnings[0]
    for extra, code in (
        ({"case": recovery.MULTIPLE}, "case_invalid"),
        ({"leave_ended_on": dt.date(2026, 3, 2)}, "rest_before_end"),
        ({"days_off": Decimal("2.5")}, "days_invalid"),
    ):
        with pytest.raises(ValidationError) as error:
            _rest(**extra)
        assert error.value.code == code


@pytest.fixture
def parameters(db: None) -> None:
    from lantoa.calculators import services

    services.parameters_load()


def test_the_page_and_the_api_compute_the_rest_and_the_new_maternity_cases(client: Client, parameters: None) -> None:
    query = {"after": "maternity", "on": "2026-09-15", "case": "multiple"}
    body = client.get("/api/v1/calculators/recovery", query).json()
    assert body["lines"][-1]["amount"] == 7_590_000
    assert "Luật Bảo hiểm xã hội 41/2024/QH15, Điều 60 khoản 3" in body["citations"]
    page = client.get("/tinh-toan/duong-suc/", query | {"on": "15/09/2026"}).content.decode()
    assert "7.590.000 đ" in page and "/phap-luat/41-2024-qh15/dieu-60" in page
    died = {"event": "mother_died", "born_on": "2026-03-10", "happened_on": "2026-05-20", "average_wage": "9000000"}
    died_body = client.get("/api/v1/calculators/maternity", died).json()
    assert died_body["lines"][-1]["amount"] == 33_000_000
    assert "Luật Bảo hiểm xã hội 41/2024/QH15, Điều 53 khoản 5" in died_body["citations"]
    working = client.get("/api/v1/calculators/maternity", died | {"carer_status": "working"}).json()
    assert "Điều 53 khoản 6" in working["verdict"]
    maternity_page = client.get(
        "/tinh-toan/thai-san/",
        {"event": "surrogate", "born_on": "10/03/2026", "happened_on": "20/03/2026", "average_wage": "9.000.000", "months_paid_last_12": "8"},
    ).content.decode()  # fmt: skip
    assert "22.380.000 đ" in maternity_page
    assert (
        client.get("/api/v1/calculators/recovery", {"after": "sickness", "on": "2026-03-02"}).json()["lines"][-1][
            "amount"
        ]
        == 0
    )  # fewer than 30 sickness days entered: refused, 0
