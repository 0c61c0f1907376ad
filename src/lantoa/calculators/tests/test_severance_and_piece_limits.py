"""Severance cases the Labour Code leaves without an allowance, and overtime limits for piece-rate pay (in hours)."""

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest

from lantoa.calculators.rules import overtime, severance

from .books import book_from_file

BOOK = book_from_file()


def _severance(**extra: Any) -> severance.SeveranceInput:
    values: dict[str, Any] = {
        "kind": severance.SEVERANCE,
        "started_on": dt.date(2020, 1, 1),
        "ended_on": dt.date(2025, 12, 31),
        "average_wage_vnd": 8_000_000,
    }
    return severance.SeveranceInput(**(values | extra))


@pytest.mark.parametrize(
    ("reason", "article"),
    [
        ("dismissal", "Điều 34 khoản 8"),
        ("probation", "Điều 34 khoản 13"),
        ("foreign", "Điều 34 khoản 5, 12"),
        ("abandoned", "Điều 36 khoản 1 điểm e"),
        ("pension", "Điều 46 khoản 1"),
    ],
)
def test_a_contract_ended_in_a_case_the_code_leaves_out_gives_no_allowance_and_says_why(
    reason: str, article: str
) -> None:
    result = severance.allowance(book=BOOK, data=_severance(reason=reason))
    assert result.is_ok is False and result.lines[-1].amount == 0
    assert "Không có trợ cấp thôi việc hay trợ cấp mất việc làm" in result.verdict
    assert article in {citation.article for citation in result.citations}
    assert {"Điều 46 khoản 1", "Điều 47 khoản 1"} <= {citation.article for citation in result.citations}
    assert all(citation.path.startswith("/phap-luat/45-2019-qh14/dieu-") for citation in result.citations)


def test_an_ordinary_severance_lists_the_cases_that_give_none() -> None:
    result = severance.allowance(book=BOOK, data=_severance())
    # 72 months = 6 years × 0,5 × 8.000.000
    assert result.is_ok and result.lines[-1].amount == 24_000_000
    assert any("Điều 34 khoản 8" in n and "khoản 13" in n and "Điều 36 khoản 1 điểm e" in n for n in result.notes)


def _piece(**extra: Any) -> overtime.OvertimeInput:
    values: dict[str, Any] = {"on": dt.date(2026, 3, 2), "wage_vnd": 2_500, "wage_basis": overtime.WageBasis.PIECE}
    return overtime.OvertimeInput(**(values | extra))


def test_products_made_as_overtime_are_not_counted_as_hours_against_the_monthly_limit() -> None:
    result = overtime.overtime_pay(book=BOOK, data=_piece(weekday_hours=Decimal(150)))
    assert result.lines[-1].amount == 562_500  # 2.500 × 150% × 150 products
    assert not any("150 giờ" in warning for warning in result.warnings)
    assert any("không theo số sản phẩm" in note and "40 giờ" in note for note in result.notes)


def test_piece_rate_overtime_hours_entered_are_checked_against_the_monthly_limit() -> None:
    result = overtime.overtime_pay(book=BOOK, data=_piece(weekday_hours=Decimal(150), month_overtime_hours=Decimal(45)))
    assert any("45 giờ, vượt quá 40 giờ" in warning for warning in result.warnings)
    within = overtime.overtime_pay(book=BOOK, data=_piece(weekday_hours=Decimal(150), month_overtime_hours=Decimal(30)))
    assert within.warnings == []
