"""The mother dies or cannot care for the child, the child dies, the surrogate gives birth: cases computed by hand from
Luật BHXH 58/2014 Điều 34 khoản 3–6 and 41/2024 Điều 53 khoản 1, 4–7, Điều 54 khoản 3, Điều 55 khoản 2, Điều 58, 59."""

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import ValidationError

from lantoa.calculators.rules import maternity
from lantoa.calculators.rules.base import Result

from .books import book_from_file

BOOK = book_from_file()
WAGE = 9_000_000  # a month; a day = 9.000.000 ÷ 30 = 300.000


def _benefit(**extra: Any) -> Result:
    values: dict[str, Any] = {
        "born_on": dt.date(2026, 3, 10),
        "parent": maternity.MOTHER,
        "average_wage_vnd": WAGE,
        "months_paid_last_12": 8,
    }
    return maternity.maternity_benefit(book=BOOK, data=maternity.MaternityInput(**(values | extra)))


def _articles(result: Result) -> set[str]:
    return {f"{c.document.split()[-1]} {c.article}" for c in result.citations}


def _total(result: Result) -> int | None:
    return int(result.lines[-1].amount) if result.lines[-1].amount is not None else None


@pytest.mark.parametrize(
    ("extra", "total", "article"),
    [
        # Mother qualified, died 20/05/2026: the rest of her 6 months, 21/05–09/09 = 3 months 20 days.
        ({}, 27_000_000 + 20 * 300_000, "41/2024/QH15 Điều 53 khoản 5"),
        ({"carer_status": maternity.WORKING}, 33_000_000, "41/2024/QH15 Điều 53 khoản 6"),
        # Twins: her leave is 7 months (to 09/10): 4 months (to 20/09) + 19 days.
        ({"children": 2}, 36_000_000 + 19 * 300_000, "41/2024/QH15 Điều 53 khoản 5"),
        # She had stopped work on 10/01/2026: her leave ends on 09/07; 1 month (to 20/06) + 19 days.
        ({"leave_from": dt.date(2026, 1, 10)}, 9_000_000 + 19 * 300_000, "41/2024/QH15 Điều 53 khoản 5"),
        # Insured without qualifying: until the child is 6 months old, also for twins.
        ({"mother_status": maternity.NOT_QUALIFIED, "children": 2}, 33_000_000, "41/2024/QH15 Điều 53 khoản 5"),
        # Only the father insured, the mother unfit: the father until the child is 6 months old.
        ({"mother_status": maternity.UNINSURED, "mother_unfit": True}, 33_000_000, "41/2024/QH15 Điều 53 khoản 7"),
        # The same death under 58/2014.
        ({"born_on": dt.date(2025, 3, 10), "happened_on": dt.date(2025, 5, 20)}, 33_000_000, "58/2014/QH13 Điều 34 khoản 4"),
        (
            {"born_on": dt.date(2025, 3, 10), "happened_on": dt.date(2025, 5, 20), "carer_status": maternity.WORKING},
            33_000_000,
            "58/2014/QH13 Điều 34 khoản 5",
        ),
        (
            {"born_on": dt.date(2025, 3, 10), "happened_on": dt.date(2025, 5, 20), "mother_status": maternity.UNINSURED},
            33_000_000,
            "58/2014/QH13 Điều 34 khoản 6",
        ),
    ],
)  # fmt: skip
def test_the_father_or_carer_takes_the_rest_of_the_mothers_leave(extra: dict, total: int, article: str) -> None:
    result = _benefit(**({"event": maternity.MOTHER_DIED, "happened_on": dt.date(2026, 5, 20)} | extra))
    assert result.is_ok and _total(result) == total
    assert article in _articles(result)


def test_the_carers_own_average_may_be_of_fewer_than_six_months() -> None:
    result = _benefit(
        event=maternity.MOTHER_DIED,
        happened_on=dt.date(2026, 5, 20),
        average_wage_vnd=None,
        monthly_wages=(6_000_000, 6_000_000, 9_000_000),
        months_paid_total=3,
        months_paid_last_12=3,
    )
    # 7.000.000 a month; a day 233.333; 3 months 20 days.
    assert _total(result) == 21_000_000 + 20 * 233_333
    assert "41/2024/QH15 Điều 59 khoản 1" in _articles(result)


@pytest.mark.parametrize(
    ("extra", "words"),
    [
        ({"mother_unfit": True}, "khoản 7"),  # an insured mother alive keeps her own leave
        ({"mother_status": maternity.UNINSURED, "carer_status": maternity.UNINSURED}, "đều không tham gia"),
        ({"mother_status": maternity.NOT_QUALIFIED, "carer_status": maternity.WORKING}, "khoản 6"),
        ({"leave_from": dt.date(2026, 1, 10), "happened_on": dt.date(2026, 7, 15)}, "đã hết"),
    ],
)
def test_the_cases_the_law_does_not_give_are_refused_with_the_reason(extra: dict, words: str) -> None:
    result = _benefit(**({"event": maternity.MOTHER_DIED, "happened_on": dt.date(2026, 5, 20)} | extra))
    assert result.is_ok is False and _total(result) == 0
    assert words in result.verdict


def test_the_husband_or_carer_of_a_surrogacy_takes_the_rest_of_the_commissioning_mothers_leave() -> None:
    surrogacy = {
        "event": maternity.SURROGACY_CARER,
        "born_on": dt.date(2026, 3, 15),
        "child_born_on": dt.date(2026, 3, 10),
    }
    result = _benefit(**surrogacy, happened_on=dt.date(2026, 4, 30))
    assert _total(result) == 36_000_000 + 9 * 300_000  # 01/05–09/09: 4 months 9 days
    assert "41/2024/QH15 Điều 55 khoản 2" in _articles(result)
    refused = _benefit(**surrogacy, happened_on=dt.date(2026, 4, 30), mother_status=maternity.NOT_QUALIFIED)
    assert refused.is_ok is False and "Điều 55" in refused.verdict
    # Twins: the leave runs to 7 months, but the mother died when they were 6 months old (khoản 2: under 6 months).
    late = _benefit(**surrogacy, children=2, happened_on=dt.date(2026, 9, 10))
    assert late.is_ok is False and "chưa đủ 06 tháng tuổi" in late.verdict
    with pytest.raises(ValidationError) as error:
        _benefit(
            **(surrogacy | {"born_on": dt.date(2025, 3, 15), "child_born_on": dt.date(2025, 3, 10)}),
            happened_on=dt.date(2025, 4, 30),
        )
    assert error.value.code == "surrogacy_before_2025"
    with pytest.raises(ValidationError) as missing:
        _benefit(**surrogacy)
    assert missing.value.code == "happened_missing"


@pytest.mark.parametrize(
    ("extra", "total"),
    [
        # Died at 22 days: 4 months from the birth + 2 × 2.340.000.
        ({"happened_on": dt.date(2025, 4, 1)}, 36_000_000 + 4_680_000),
        # Died at 2 months 10 days: 2 months from the death, to 19/07: 4 months 10 days.
        ({"happened_on": dt.date(2025, 5, 20)}, 36_000_000 + 10 * 300_000 + 4_680_000),
        # Leave from 10/02; died 20/07: 2 months from the death pass the 6 months, which end on 09/08.
        ({"leave_from": dt.date(2025, 2, 10), "happened_on": dt.date(2025, 7, 20)}, 54_000_000 + 4_680_000),
    ],
)
def test_under_the_2014_law_a_child_who_died_shortens_the_mothers_leave(extra: dict, total: int) -> None:
    result = _benefit(event=maternity.CHILD_DIED, born_on=dt.date(2025, 3, 10), **extra)
    assert result.is_ok and _total(result) == total
    assert {"58/2014/QH13 Điều 34 khoản 3", "58/2014/QH13 Điều 38"} <= _articles(result)


def test_a_2014_leave_goes_on_under_it_when_the_child_is_born_and_dies_after_july_2025() -> None:
    result = _benefit(
        event=maternity.CHILD_DIED,
        born_on=dt.date(2025, 7, 10),
        leave_from=dt.date(2025, 6, 20),
        happened_on=dt.date(2025, 8, 1),
    )
    # From 20/06 to 09/11 (4 months from the birth): 4 months 21 days; the allowance of July 2025.
    assert _total(result) == 36_000_000 + 21 * 300_000 + 4_680_000
    assert "41/2024/QH15 Điều 141 khoản 5" in _articles(result)


def test_under_the_2024_law_a_child_who_died_leaves_the_mother_her_six_months() -> None:
    result = _benefit(event=maternity.CHILD_DIED, happened_on=dt.date(2026, 4, 1))
    assert _total(result) == 54_000_000 + 4_680_000
    assert "41/2024/QH15 Điều 53 khoản 4" in _articles(result)
    assert "không còn quy định rút ngắn" in result.notes[0]
    with pytest.raises(ValidationError) as twins:
        _benefit(event=maternity.CHILD_DIED, born_on=dt.date(2025, 3, 10), happened_on=dt.date(2025, 4, 1), children=2)
    assert twins.value.code == "child_died_twins"
    unqualified = _benefit(event=maternity.CHILD_DIED, born_on=dt.date(2025, 3, 10), happened_on=dt.date(2025, 4, 1), months_paid_last_12=4)  # fmt: skip
    assert unqualified.is_ok is False


@pytest.mark.parametrize(
    ("extra", "total"),
    [
        # Handed over after 10 days: at least 60 days from the birth (to 08/05): 1 month 29 days.
        ({"happened_on": dt.date(2026, 3, 20)}, 9_000_000 + 29 * 300_000 + 4_680_000),
        ({"happened_on": dt.date(2026, 6, 20)}, 27_000_000 + 11 * 300_000 + 4_680_000),  # to 20/06: 3 months 11 days
        ({"happened_on": dt.date(2026, 10, 20)}, 54_000_000 + 4_680_000),  # never more than the 6 months of a birth
        # Born from 01/07/2026: the allowance of 2 × 2.530.000.
        ({"born_on": dt.date(2026, 7, 10), "happened_on": dt.date(2026, 7, 20)}, 9_000_000 + 29 * 300_000 + 5_060_000),
    ],
)
def test_the_surrogate_has_leave_until_the_handover_at_least_60_days(extra: dict, total: int) -> None:
    result = _benefit(event=maternity.SURROGATE_BIRTH, **extra)
    assert result.is_ok and _total(result) == total
    assert {"41/2024/QH15 Điều 54 khoản 3 điểm a", "41/2024/QH15 Điều 58 khoản 2"} <= _articles(result)


def test_the_surrogate_who_does_not_qualify_or_gave_birth_before_july_2025_is_refused() -> None:
    unqualified = _benefit(event=maternity.SURROGATE_BIRTH, happened_on=dt.date(2026, 3, 20), months_paid_last_12=4)
    assert unqualified.is_ok is False and "Điều 54 khoản 1, 2" in unqualified.verdict
    with pytest.raises(ValidationError) as error:
        _benefit(event=maternity.SURROGATE_BIRTH, born_on=dt.date(2025, 3, 10), happened_on=dt.date(2025, 3, 20))
    assert error.value.code == "surrogacy_before_2025"
