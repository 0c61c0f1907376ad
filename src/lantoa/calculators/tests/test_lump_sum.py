"""One-time social insurance against cases computed by hand from Luật BHXH 41/2024 Điều 70 and 58/2014 Điều 60."""

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from lantoa.calculators.rules import lump_sum

from .books import book_from_file

BOOK = book_from_file()
JULY_2025 = dt.date(2025, 9, 15)


def _input(**extra: Any) -> lump_sum.LumpSumInput:
    values: dict[str, Any] = {
        "decided_on": JULY_2025,
        "case": lump_sum.LEFT_JOB,
        "months_before_2014": 0,
        "months_from_2014": 0,
        "average_wage_vnd": 6_000_000,
        "paid_before_july_2025": True,
        "months_without_insurance": 12,
    }
    return lump_sum.LumpSumInput(**(values | extra))


def test_odd_months_before_2014_move_to_the_later_period_and_odd_months_round_to_half_or_whole_years() -> None:
    # 40 months before 2014 = 3 years + 4 odd months moved; 2014 on: 77 + 4 = 81 months = 6 years 9 months → 7 years.
    result = lump_sum.lump_sum(book=BOOK, data=_input(months_before_2014=40, months_from_2014=77))
    lines = {line.label: line.amount for line in result.lines}
    assert lines["Những năm đóng trước năm 2014"] == 27_000_000  # 3 × 1,5 × 6.000.000
    assert lines["Những năm đóng từ năm 2014"] == 84_000_000  # 7 × 2 × 6.000.000
    assert result.lines[-1].amount == 111_000_000 and result.is_ok
    articles = {citation.article for citation in result.citations}
    assert {"Điều 70 khoản 1 điểm đ", "Điều 70 khoản 3 điểm a, b", "Điều 5 khoản 6"} <= articles
    assert all(c.path.startswith("/phap-luat/41-2024-qh15/") for c in result.citations if "41/2024" in c.document)


def test_three_odd_months_count_as_half_a_year() -> None:
    result = lump_sum.lump_sum(book=BOOK, data=_input(months_from_2014=27))  # 2 years 3 months → 2,5 years
    assert result.lines[-1].amount == 30_000_000  # 2,5 × 2 × 6.000.000


def test_less_than_a_year_gives_what_was_paid_but_at_most_two_months_of_wage() -> None:
    short = lump_sum.lump_sum(book=BOOK, data=_input(months_from_2014=5))
    assert short.lines[-1].amount == 6_600_000  # 22% × 6.000.000 × 5 = 6.600.000 < 12.000.000
    longer = lump_sum.lump_sum(book=BOOK, data=_input(months_from_2014=11))
    assert longer.lines[-1].amount == 12_000_000  # 22% × 6.000.000 × 11 = 14.520.000, capped at 2 × 6.000.000


def test_a_worker_who_started_paying_from_july_2025_can_no_longer_withdraw_on_leaving_a_job() -> None:
    result = lump_sum.lump_sum(book=BOOK, data=_input(months_from_2014=14, paid_before_july_2025=False))
    assert result.is_ok is False and result.lines[-1].amount == 0
    assert "từ 01/07/2025 không còn được rút" in result.verdict and "Điều 70 khoản 1 điểm đ" in result.verdict


@pytest.mark.parametrize(
    ("extra", "why"),
    [
        ({"months_without_insurance": 11}, "12 tháng liên tục"),
        ({"months_from_2014": 240}, "chưa đủ 20 năm"),
    ],
)
def test_leaving_a_job_needs_twelve_months_out_and_less_than_twenty_years(extra: dict[str, int], why: str) -> None:
    result = lump_sum.lump_sum(book=BOOK, data=_input(**({"months_from_2014": 60} | extra)))
    assert result.is_ok is False and why in result.verdict


def test_at_retirement_age_fifteen_years_mean_a_pension_from_july_2025_and_twenty_before() -> None:
    at_age = {"case": lump_sum.RETIREMENT_AGE, "months_from_2014": 16 * 12}
    assert lump_sum.lump_sum(book=BOOK, data=_input(**at_age)).is_ok is False  # 16 years ≥ 15: pension
    before = lump_sum.lump_sum(book=BOOK, data=_input(decided_on=dt.date(2025, 3, 1), **at_age))
    assert before.is_ok and before.lines[-1].amount == 192_000_000  # 16 × 2 × 6.000.000 (58/2014: under 20 years)
    assert {c.document for c in before.citations} >= {"Luật Bảo hiểm xã hội 58/2014/QH13"}
    assert any("Nghị quyết 93/2015/QH13" in note for note in before.notes)


def test_the_2014_law_has_no_lump_sum_for_a_disability_of_81_percent() -> None:
    result = lump_sum.lump_sum(
        book=BOOK, data=_input(decided_on=dt.date(2025, 3, 1), case=lump_sum.DISABILITY, months_from_2014=30)
    )
    assert result.is_ok is False and "Điều 60 khoản 1" in result.verdict
    assert lump_sum.lump_sum(book=BOOK, data=_input(case=lump_sum.DISABILITY, months_from_2014=30)).is_ok


def test_bad_input_is_refused_in_vietnamese() -> None:
    with pytest.raises(ValidationError) as error:
        lump_sum.lump_sum(book=BOOK, data=_input())
    assert error.value.code == "months_out_of_range"
    with pytest.raises(ValidationError) as error:
        lump_sum.lump_sum(book=BOOK, data=_input(months_from_2014=10, decided_on=dt.date(2015, 6, 1)))
    assert error.value.code == "no_rule"


@pytest.fixture
def parameters(db: None) -> None:
    from lantoa.calculators import services

    services.parameters_load()


def test_the_page_and_the_api_give_the_same_lump_sum(client: Client, parameters: None) -> None:
    query: dict[str, str | int] = {
        "decided_on": "2025-09-15",
        "case": "left_job",
        "months_before_2014": 40,
        "months_from_2014": 77,
        "average_wage": "6.000.000",
        "paid_before_july_2025": "on",
        "months_without_insurance": 12,
    }
    body = client.get("/api/v1/calculators/lump-sum", query).json()
    assert body["lines"][-1]["amount"] == 111_000_000
    assert "Luật Bảo hiểm xã hội 41/2024/QH15, Điều 70 khoản 1 điểm đ" in body["citations"]
    page = client.get("/tinh-toan/bhxh-mot-lan/", query | {"decided_on": "15/09/2025"}).content.decode()
    assert "111.000.000 đ" in page and "/phap-luat/41-2024-qh15/dieu-70" in page
    refused = client.get("/api/v1/calculators/lump-sum", query | {"months_from_2014": -1})
    assert refused.status_code == 422 and refused.json()["code"] == "invalid_input"
    assert "/calculators/lump-sum" in client.get("/api/v1/openapi.json").content.decode()
