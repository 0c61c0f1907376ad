"""Sickness and maternity on both sides of 01/07/2025, against cases computed by hand from Luật BHXH 58/2014
Điều 25–39 and 41/2024 Điều 42–59; the first day off picks the law (41/2024 Điều 141 khoản 5)."""

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from lantoa.calculators.rules import maternity, sickness
from lantoa.calculators.rules.base import Result

from .books import book_from_file

BOOK = book_from_file()


def _sick(**extra: Any) -> sickness.SicknessInput:
    values: dict[str, Any] = {"on": dt.date(2025, 3, 3), "wage_vnd": 8_000_000, "days_off": Decimal(3)}
    return sickness.SicknessInput(**(values | extra))


def _articles(result: Result) -> set[str]:
    return {f"{c.document.split()[-1]} {c.article}" for c in result.citations}


def test_sickness_before_july_2025_is_paid_under_the_2014_law_at_75_percent_a_24th_a_day() -> None:
    result = sickness.sickness_benefit(data=_sick())
    assert [line.amount for line in result.lines] == [6_000_000, 250_000, 3, 750_000]  # 75% × 8.000.000 ÷ 24 × 3
    assert {"58/2014/QH13 Điều 25 khoản 1", "58/2014/QH13 Điều 26 khoản 1 điểm a", "58/2014/QH13 Điều 28 khoản 1"} <= (
        _articles(result)
    )
    law_2014 = next(c for c in result.citations if c.article == "Điều 28 khoản 4")
    assert law_2014.path == "/phap-luat/58-2014-qh13/dieu-28" and law_2014.valid_to == dt.date(2025, 6, 30)
    assert "58/2014/QH13" in result.verdict


def test_the_first_day_off_picks_the_sickness_law() -> None:
    assert "58/2014/QH13 Điều 28 khoản 1" in _articles(sickness.sickness_benefit(data=_sick(on=dt.date(2025, 6, 30))))
    assert "41/2024/QH15 Điều 45 khoản 2" in _articles(sickness.sickness_benefit(data=_sick(on=dt.date(2025, 7, 1))))


def test_the_2014_days_a_year_and_its_whole_days() -> None:
    assert sickness.max_days(_sick(insured_years=20, heavy_work=True)) == (
        50,
        "Điều 26 khoản 1 điểm b",
    )
    assert sickness.max_days(_sick(child_age=2)) == (20, "Điều 27 khoản 1")
    assert sickness.max_days(_sick(child_age=3)) == (15, "Điều 27 khoản 1")
    capped = sickness.sickness_benefit(data=_sick(wage_vnd=9_600_000, days_off=Decimal(5), days_used=Decimal(28)))
    assert capped.lines[-1].amount == 600_000  # 75% × 9.600.000 = 7.200.000; ÷ 24 = 300.000; 30 − 28 = 2 days
    assert "180 ngày" in capped.warnings[0]
    with pytest.raises(ValidationError) as error:
        sickness.sickness_benefit(data=_sick(days_off=Decimal("2.5")))
    assert error.value.code == "half_day_before_2025"
    assert sickness.sickness_benefit(data=_sick(on=dt.date(2025, 7, 1), days_off=Decimal("2.5"))).lines[-1].amount == (
        625_000
    )


def _case(**extra: Any) -> maternity.MaternityInput:
    values: dict[str, Any] = {
        "born_on": dt.date(2025, 3, 10),
        "parent": maternity.MOTHER,
        "average_wage_vnd": 7_000_000,
        "months_paid_last_12": 12,
    }
    return maternity.MaternityInput(**(values | extra))


def _benefit(**extra: Any) -> Result:
    return maternity.maternity_benefit(book=BOOK, data=_case(**extra))


def _lines(result: Result) -> dict[str, Any]:
    return {str(line.label): line.amount for line in result.lines}


def test_a_2014_birth_gives_six_months_and_two_base_salaries() -> None:
    result = _benefit()
    assert _lines(result)["Trợ cấp thai sản"] == 42_000_000  # 100% × 7.000.000 × 6
    assert _lines(result)["Trợ cấp một lần khi sinh con"] == 4_680_000  # 2 × 2.340.000 (NĐ 73/2024)
    assert result.lines[-1].amount == 46_680_000
    assert {"58/2014/QH13 Điều 31 khoản 2", "58/2014/QH13 Điều 34 khoản 1", "58/2014/QH13 Điều 38"} <= _articles(result)
    assert "2 × mức lương cơ sở 2.340.000 đ × 1 con" in [line.formula for line in result.lines]


def test_a_birth_before_the_stored_base_salary_is_computed_without_the_allowance() -> None:
    result = _benefit(born_on=dt.date(2024, 3, 10))
    assert result.lines[-1].amount == 42_000_000 and "Trợ cấp một lần khi sinh con" not in _lines(result)
    assert "chưa được tính" in result.warnings[0]


def test_a_leave_begun_before_july_2025_stays_under_the_2014_law_to_its_end() -> None:
    result = _benefit(born_on=dt.date(2025, 7, 20), leave_from=dt.date(2025, 6, 1))
    assert "41/2024/QH15 Điều 141 khoản 5" in _articles(result) and "58/2014/QH13 Điều 34 khoản 1" in _articles(result)
    assert result.lines[-1].amount == 46_680_000  # 42.000.000 + 2 × 2.340.000
    assert "41/2024/QH15 Điều 53 khoản 1" in _articles(_benefit(born_on=dt.date(2025, 7, 20)))
    with pytest.raises(ValidationError) as error:
        _benefit(born_on=dt.date(2025, 7, 20), leave_from=dt.date(2025, 5, 19))  # more than 2 months before
    assert error.value.code == "leave_from_invalid"


@pytest.mark.parametrize(("on", "days"), [(dt.date(2025, 5, 5), 14), (dt.date(2025, 7, 5), 17)])
def test_a_father_of_triplets_by_surgery_gets_three_more_days_only_under_the_2024_law(on: dt.date, days: int) -> None:
    result = _benefit(
        born_on=on, parent=maternity.FATHER, average_wage_vnd=9_600_000, children=3, caesarean_or_premature=True
    )
    assert result.lines[0].amount == days and result.lines[-1].amount == 400_000 * days  # 9.600.000 ÷ 24


def test_under_the_2014_law_the_father_gets_the_allowance_only_when_he_alone_is_insured() -> None:
    father = {"parent": maternity.FATHER, "average_wage_vnd": 9_600_000, "born_on": dt.date(2025, 5, 5)}
    assert _benefit(**father, mother_qualifies=False).lines[-1].amount == 2_000_000  # 5 days × 400.000
    alone = _benefit(**father, only_father_insured=True)
    assert alone.lines[-1].amount == 2_000_000 + 4_680_000 and "58/2014/QH13 Điều 38" in _articles(alone)
    late = _benefit(**father, leave_from=dt.date(2025, 6, 10))  # 36 days after the birth
    assert "30 ngày đầu" in late.warnings[0]


@pytest.mark.parametrize(
    ("on", "far", "asked", "paid"),
    [(dt.date(2025, 3, 10), False, 6, 5), (dt.date(2025, 3, 10), True, 6, 6), (dt.date(2025, 7, 10), False, 12, 10)],
)
def test_check_ups_pay_working_days_a_24th_of_the_average(on: dt.date, far: bool, asked: int, paid: int) -> None:
    result = _benefit(
        event=maternity.PRENATAL, born_on=on, average_wage_vnd=7_200_000, days_off=Decimal(asked), far_or_pathology=far
    )
    assert result.lines[0].amount == paid and result.lines[-1].amount == 300_000 * paid  # 7.200.000 ÷ 24
    assert bool(result.warnings) == (asked > paid)


@pytest.mark.parametrize(
    ("on", "weeks", "days", "point"),
    [
        (dt.date(2025, 3, 10), 4, 10, "58/2014/QH13 Điều 33 khoản 1 điểm a"),
        (dt.date(2025, 3, 10), 23, 40, "58/2014/QH13 Điều 33 khoản 1 điểm c"),
        (dt.date(2025, 3, 10), 25, 50, "58/2014/QH13 Điều 33 khoản 1 điểm d"),
        (dt.date(2025, 7, 10), 13, 40, "41/2024/QH15 Điều 52 khoản 1 điểm c"),
        (dt.date(2025, 7, 10), 23, 50, "41/2024/QH15 Điều 52 khoản 1 điểm d"),
    ],
)
def test_a_miscarriage_gives_days_by_the_weeks_each_a_30th(on: dt.date, weeks: int, days: int, point: str) -> None:
    result = _benefit(
        event=maternity.MISCARRIAGE,
        born_on=on,
        average_wage_vnd=6_000_000,
        weeks_pregnant=weeks,
        months_paid_last_12=None,
    )
    assert result.lines[0].amount == days and result.lines[-1].amount == 200_000 * days  # 6.000.000 ÷ 30
    assert point in _articles(result)


def test_a_miscarriage_from_22_weeks_of_a_qualified_mother_counts_as_a_birth_from_july_2025() -> None:
    result = _benefit(
        event=maternity.MISCARRIAGE, born_on=dt.date(2025, 7, 10), average_wage_vnd=6_000_000, weeks_pregnant=22
    )
    assert result.lines[-1].amount == 36_000_000 and "41/2024/QH15 Điều 52 khoản 2" in _articles(
        result
    )  # 6 × 6.000.000
    prescribed = _benefit(
        event=maternity.MISCARRIAGE, average_wage_vnd=6_000_000, weeks_pregnant=10, days_off=Decimal(15)
    )
    assert prescribed.lines[-1].amount == 3_000_000  # 15 of the 20 days × 200.000


@pytest.mark.parametrize(("event", "days"), [(maternity.IUD, 7), (maternity.STERILISATION, 15)])
@pytest.mark.parametrize("on", [dt.date(2025, 3, 10), dt.date(2025, 7, 10)])
def test_contraception_gives_7_or_15_days_each_a_30th(event: str, days: int, on: dt.date) -> None:
    result = _benefit(event=event, born_on=on, average_wage_vnd=6_000_000, months_paid_last_12=None)
    assert result.lines[0].amount == days and result.lines[-1].amount == 200_000 * days
    assert _benefit(event=maternity.STERILISATION, parent=maternity.FATHER, average_wage_vnd=6_000_000).is_ok
    with pytest.raises(ValidationError) as error:
        _benefit(event=maternity.IUD, parent=maternity.FATHER)
    assert error.value.code == "event_parent"


@pytest.mark.parametrize(
    ("born", "received", "article"),
    [
        (dt.date(2025, 1, 10), dt.date(2025, 2, 25), "58/2014/QH13 Điều 36"),
        (dt.date(2026, 1, 10), dt.date(2026, 2, 25), "41/2024/QH15 Điều 56 khoản 1"),
    ],
)
def test_an_adopted_child_under_six_months_gives_leave_to_six_months_and_the_allowance(
    born: dt.date, received: dt.date, article: str
) -> None:
    result = _benefit(event=maternity.ADOPTION, born_on=received, child_born_on=born, average_wage_vnd=9_000_000)
    lines = _lines(result)
    assert lines["Thời gian nghỉ"] == 4  # 25/02 → 25/06, then 15 days to the 6-month birthday (10/07)
    assert lines["Trợ cấp thai sản"] == 36_000_000 + 300_000 * 15  # 4 × 9.000.000 + 15 × (9.000.000 ÷ 30)
    assert lines["Trợ cấp một lần khi nhận con nuôi"] == 4_680_000  # 2 × 2.340.000
    assert result.lines[-1].amount == 45_180_000 and article in _articles(result)
    with pytest.raises(ValidationError) as error:
        _benefit(event=maternity.ADOPTION, born_on=dt.date(2026, 2, 1), child_born_on=dt.date(2025, 8, 1))
    assert error.value.code == "child_too_old"
    short = _benefit(event=maternity.ADOPTION, born_on=received, child_born_on=born, months_paid_last_12=5)
    assert short.is_ok is False


def test_the_mother_who_asked_for_a_surrogate_has_leave_to_six_months_and_a_month_more_for_a_twin() -> None:
    # 41/2024 Điều 55 khoản 1: twins born 01/08/2026, received 05/08: until 6 months + 1 month for the second child
    # (01/03/2027): 05/08 → 05/02/2027 is 6 months, then 24 days; a day = 9.000.000 ÷ 30 = 300.000 (Điều 59 khoản 3).
    twins = {"born_on": dt.date(2026, 8, 5), "child_born_on": dt.date(2026, 8, 1), "children": 2}
    result = _benefit(event=maternity.SURROGACY, average_wage_vnd=9_000_000, **twins)
    lines = _lines(result)
    assert lines["Thời gian nghỉ"] == 6 and "01/03/2027): 6 tháng 24 ngày" in result.lines[0].formula
    assert lines["Trợ cấp thai sản"] == 54_000_000 + 300_000 * 24
    assert lines["Trợ cấp một lần khi nhận con nhờ mang thai hộ"] == 10_120_000  # 2 × 2.530.000 × 2 children
    assert result.lines[-1].amount == 71_320_000
    assert {"41/2024/QH15 Điều 55 khoản 1", "41/2024/QH15 Điều 58 khoản 2"} <= _articles(result)
    # The surrogate qualifies for the one-time allowance: then the mother does not have it (Điều 58 khoản 2).
    surrogate_paid = _benefit(event=maternity.SURROGACY, average_wage_vnd=9_000_000, surrogate_qualifies=True, **twins)
    assert surrogate_paid.lines[-1].amount == 61_200_000 and "Điều 58 khoản 2" in surrogate_paid.notes[0]
    refused: list[tuple[dict[str, Any], str]] = [
        ({"born_on": dt.date(2025, 3, 5), "child_born_on": dt.date(2025, 3, 1)}, "surrogacy_before_2025"),
        ({"born_on": dt.date(2026, 8, 5), "child_born_on": None}, "child_born_missing"),
    ]
    for extra, code in refused:
        with pytest.raises(ValidationError) as error:
            _benefit(event=maternity.SURROGACY, **extra)
        assert error.value.code == code
    assert not _benefit(event=maternity.SURROGACY, months_paid_last_12=5, **twins).is_ok


def test_the_average_is_computed_from_the_months_paid_when_under_six() -> None:
    wages = (6_000_000, 7_000_000, 8_000_000)
    result = _benefit(
        event=maternity.PRENATAL,
        born_on=dt.date(2026, 3, 2),
        average_wage_vnd=None,
        monthly_wages=wages,
        months_paid_total=3,
        months_paid_last_12=None,
        days_off=Decimal(2),
    )
    assert [line.amount for line in result.lines] == [7_000_000, 2, 291_667, 583_334]  # 21.000.000 ÷ 3; ÷ 24; × 2
    assert result.lines[0].label == "Mức bình quân tiền lương của 3 tháng đã đóng (đóng chưa đủ 6 tháng)"
    six = _benefit(
        event=maternity.MISCARRIAGE,
        weeks_pregnant=3,
        average_wage_vnd=None,
        monthly_wages=(6_000_000,) * 3 + (6_600_000,) * 3,
    )
    assert [line.amount for line in six.lines] == [6_300_000, 10, 210_000, 2_100_000]  # 37.800.000 ÷ 6; ÷ 30; × 10
    refused: list[tuple[dict[str, Any], str]] = [
        ({"monthly_wages": wages}, "six_months_needed"),  # a birth takes 6 months
        ({"event": maternity.PRENATAL, "monthly_wages": wages, "days_off": Decimal(1)}, "months_mismatch"),  # 12 paid
        ({}, "wage_missing"),
    ]
    for extra, code in refused:
        with pytest.raises(ValidationError) as error:
            _benefit(average_wage_vnd=None, **extra)
        assert error.value.code == code


@pytest.fixture
def parameters(db: None) -> None:
    from lantoa.calculators import services

    services.parameters_load()


def test_the_page_and_the_api_compute_the_new_cases(client: Client, parameters: None) -> None:
    query = {"event": "adoption", "born_on": "2026-02-25", "child_born_on": "2026-01-10", "average_wage": "9000000"}
    body = client.get("/api/v1/calculators/maternity", query | {"months_paid_last_12": "8"}).json()
    assert (
        body["lines"][-1]["amount"] == 45_180_000
        and "Luật Bảo hiểm xã hội 41/2024/QH15, Điều 56 khoản 1" in (body["citations"])
    )
    refused = client.get("/api/v1/calculators/maternity", query | {"child_born_on": "2025-08-01"})
    assert refused.status_code == 422 and refused.json()["code"] == "child_too_old"
    surrogacy = {"event": "surrogacy", "born_on": "2026-08-05", "child_born_on": "2026-08-01", "children": "2"}
    surrogacy_body = client.get(
        "/api/v1/calculators/maternity", query | surrogacy | {"months_paid_last_12": "8"}
    ).json()
    assert surrogacy_body["lines"][-1]["amount"] == 71_320_000
    wrong = client.get("/api/v1/calculators/maternity", query | {"event": "death"})
    assert wrong.status_code == 422 and "event" in wrong.json()["detail"]
    page = client.get(
        "/tinh-toan/thai-san/",
        {
            "event": "miscarriage",
            "born_on": "10/03/2025",
            "weeks_pregnant": "23",
            "monthly_wages": "6.000.000; 6.000.000",
        },
    ).content.decode()
    assert "8.000.000 đ" in page and "/phap-luat/58-2014-qh13/dieu-33" in page  # 40 days × 200.000
    sick = client.get("/api/v1/calculators/sickness", {"on": "2025-06-02", "wage": "8000000", "days_off": "3"}).json()
    assert sick["lines"][-1]["amount"] == 750_000 and sick["sources"][0]["valid_to"] == "2025-06-30"
