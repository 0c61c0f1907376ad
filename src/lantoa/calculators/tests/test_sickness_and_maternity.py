"""Sickness and maternity benefits against cases computed by hand from Luật BHXH 41/2024 Điều 43–45, 50–59."""

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from lantoa.calculators import benefit_forms
from lantoa.calculators.rules import maternity, sickness

from .books import book_from_file

BOOK = book_from_file()


def _sick(**extra: Any) -> sickness.SicknessInput:
    values: dict[str, Any] = {
        "on": dt.date(2026, 3, 2),
        "wage_vnd": 8_000_000,
        "days_off": Decimal(3),
        "insured_years": 5,
    }
    return sickness.SicknessInput(**(values | extra))


def test_sickness_pays_75_percent_of_last_months_wage_a_24th_a_day() -> None:
    result = sickness.sickness_benefit(data=_sick())
    lines = {line.label: line.amount for line in result.lines}
    assert lines["Mức hưởng một tháng"] == 6_000_000  # 75% × 8.000.000
    assert lines["Mức hưởng một ngày"] == 250_000  # 6.000.000 ÷ 24
    assert result.lines[-1].amount == 750_000 and result.warnings == []
    assert {"Điều 43 khoản 1 điểm a", "Điều 45 khoản 2"} <= {c.article for c in result.citations}
    assert sickness.sickness_benefit(data=_sick(days_off=Decimal("2.5"))).lines[-1].amount == 625_000


def test_sickness_days_stop_at_the_yearly_maximum_for_the_years_paid_and_the_work() -> None:
    capped = sickness.sickness_benefit(data=_sick(days_off=Decimal(5), days_used=Decimal(28)))
    assert capped.lines[-1].amount == 500_000 and "3 ngày nghỉ vượt" in capped.warnings[0]  # 30 − 28 = 2 days
    assert sickness.max_days(_sick(insured_years=20, heavy_work=True))[0] == 50
    assert sickness.max_days(_sick(insured_years=30))[0] == 60
    assert sickness.max_days(_sick(child_age=2))[0] == 20 and sickness.max_days(_sick(child_age=5))[0] == 15


def test_sickness_refuses_dates_before_the_2014_law_and_children_of_seven() -> None:
    with pytest.raises(ValidationError) as error:
        sickness.sickness_benefit(data=_sick(on=dt.date(2015, 12, 31)))
    assert error.value.code == "no_rule"
    with pytest.raises(ValidationError) as error:
        sickness.sickness_benefit(data=_sick(child_age=7))
    assert error.value.code == "child_too_old"


def _birth(**extra: Any) -> maternity.MaternityInput:
    values: dict[str, Any] = {
        "born_on": dt.date(2026, 8, 10),
        "parent": maternity.MOTHER,
        "average_wage_vnd": 7_000_000,
        "months_paid_last_12": 12,
    }
    return maternity.MaternityInput(**(values | extra))


def test_a_mother_gets_six_months_at_full_average_wage_and_two_reference_levels() -> None:
    result = maternity.maternity_benefit(book=BOOK, data=_birth())
    lines = {line.label: line.amount for line in result.lines}
    assert lines["Trợ cấp thai sản"] == 42_000_000  # 100% × 7.000.000 × 6
    assert lines["Trợ cấp một lần khi sinh con"] == 5_060_000  # 2 × 2.530.000 (from 01/07/2026)
    assert result.lines[-1].amount == 47_060_000 and result.needs_confirmation
    twins = maternity.maternity_benefit(book=BOOK, data=_birth(born_on=dt.date(2026, 3, 1), children=2))
    assert twins.lines[-1].amount == 49_000_000 + 9_360_000  # 7 months; 2 × 2.340.000 × 2 children
    assert {"Điều 139 khoản 1", "Điều 59 khoản 1", "Điều 58 khoản 4"} <= {c.article for c in result.citations}


def test_a_mother_needs_six_months_in_the_last_twelve_or_three_after_resting_on_a_doctors_order() -> None:
    short = maternity.maternity_benefit(book=BOOK, data=_birth(months_paid_last_12=5))
    assert short.is_ok is False and "Điều 50 khoản 2" in short.verdict
    rested = _birth(months_paid_last_12=3, rested_for_pregnancy=True, months_paid_total=24)
    assert maternity.maternity_benefit(book=BOOK, data=rested).is_ok


def test_a_mother_who_left_work_to_treat_infertility_needs_six_months_in_the_last_twenty_four() -> None:
    # 41/2024 Điều 50 khoản 5: 2 months in the last 12 but 6 in the last 24, after leaving work for the treatment.
    treated = _birth(months_paid_last_12=2, infertility_treatment=True, months_paid_last_24=6)
    result = maternity.maternity_benefit(book=BOOK, data=treated)
    assert result.is_ok and "Điều 50 khoản 5" in {c.article for c in result.citations}
    assert result.lines[-1].amount == 47_060_000  # 6 × 7.000.000 + 2 × 2.530.000, as for any qualifying mother
    too_few = maternity.maternity_benefit(book=BOOK, data=_birth(months_paid_last_12=2, infertility_treatment=True,
                                                               months_paid_last_24=5))  # fmt: skip
    assert not too_few.is_ok and "24 tháng trước khi sinh (Điều 50 khoản 5)" in too_few.verdict
    not_treated = maternity.maternity_benefit(book=BOOK, data=_birth(months_paid_last_12=2, months_paid_last_24=12))
    assert not not_treated.is_ok
    before = _birth(
        born_on=dt.date(2025, 3, 1), months_paid_last_12=2, infertility_treatment=True, months_paid_last_24=8
    )
    under_2014 = maternity.maternity_benefit(book=BOOK, data=before)
    assert not under_2014.is_ok and any("chỉ áp dụng cho lần nghỉ sinh từ 01/07/2025" in n for n in under_2014.notes)


@pytest.mark.parametrize(
    ("children", "surgery", "days"), [(1, False, 5), (1, True, 7), (2, False, 10), (2, True, 14), (3, False, 13)]
)
def test_a_father_gets_five_to_fourteen_working_days_each_a_24th_of_his_average_wage(
    children: int, surgery: bool, days: int
) -> None:
    data = _birth(
        parent=maternity.FATHER, average_wage_vnd=9_600_000, children=children, caesarean_or_premature=surgery
    )
    result = maternity.maternity_benefit(book=BOOK, data=data)
    assert result.lines[0].amount == days
    assert result.lines[-1].amount == 400_000 * days  # 9.600.000 ÷ 24 = 400.000 a day


def test_the_father_gets_the_one_time_allowance_only_when_the_mother_does_not_qualify() -> None:
    data = _birth(parent=maternity.FATHER, average_wage_vnd=9_600_000, mother_qualifies=False)
    assert maternity.maternity_benefit(book=BOOK, data=data).lines[-1].amount == 2_000_000 + 5_060_000


def test_a_blank_count_of_years_or_months_counts_zero_and_a_negative_one_is_refused() -> None:
    base = {"on": "02/03/2026", "wage": "8.000.000", "days_off": "3"}
    form = benefit_forms.SicknessForm({**base, "insured_years": ""})
    assert form.is_valid() and form.cleaned_data["insured_years"] == 0
    assert not benefit_forms.SicknessForm({**base, "insured_years": "-1"}).is_valid()


@pytest.fixture
def parameters(db: None) -> None:
    from lantoa.calculators import services

    services.parameters_load()


def test_pages_and_api_answer_and_a_2025_result_links_no_text_the_library_lacks(
    client: Client, parameters: None
) -> None:
    query: dict[str, str | int] = {
        "born_on": "2026-08-10",
        "parent": "mother",
        "average_wage": "7000000",
        "months_paid_last_12": 12,
        "children": 1,
    }
    body = client.get("/api/v1/calculators/maternity", query).json()
    assert body["lines"][-1]["amount"] == 47_060_000 and body["needs_confirmation"]
    page = client.get("/tinh-toan/om-dau/", {"on": "02/03/2026", "wage": "8.000.000", "days_off": "3"})
    assert "750.000 đ" in page.content.decode() and "/phap-luat/41-2024-qh15/dieu-45" in page.content.decode()
    long_term = {"on": "02/03/2026", "wage": "8.000.000", "days_off": "10", "days_used": "28", "long_term": "on"}
    assert "1.833.336 đ" in client.get("/tinh-toan/om-dau/", long_term).content.decode()
    api_long_term = {"on": "2026-03-02", "wage": "8000000", "days_off": "10", "days_used": "28", "long_term": "true"}
    assert client.get("/api/v1/calculators/sickness", api_long_term).json()["lines"][-1]["amount"] == 1_833_336
    assert client.get("/api/v1/calculators/sickness", {"on": "2015-06-01", "wage": "1", "days_off": "1"}).json() == {
        "detail": "Công cụ tính trợ cấp ốm đau theo Luật Bảo hiểm xã hội 58/2014/QH13 (từ 01/01/2016) và "
        "41/2024/QH15 (từ 01/07/2025); ngày nghỉ 01/06/2015 còn theo luật cũ hơn, chưa được tính ở đây.",
        "code": "no_rule",
    }
    insurance = client.get("/api/v1/calculators/insurance", {"start": "2025-05", "salary": "6000000", "region": "I"})
    decree = next(s for s in insurance.json()["sources"] if "73/2024" in s["document"])
    assert decree["url"] == ""  # the library has no Nghị định 73/2024: no link answering 404


def test_a_long_term_illness_goes_on_past_the_yearly_days_at_the_lower_rate_for_the_years_paid() -> None:
    # 30 days a year for 5 years paid, 28 used: 2 days at 75% (250.000 a day), then 8 working days at 50%:
    # 50% × 8.000.000 = 4.000.000 a month, ÷ 24 = 166.667 a day, × 8 = 1.333.336 (41/2024 Điều 43 khoản 2, 45 khoản 3).
    result = sickness.sickness_benefit(data=_sick(days_off=Decimal(10), days_used=Decimal(28), long_term=True))
    amounts = {line.label: line.amount for line in result.lines}
    assert amounts["Phần hưởng ở mức 75%"] == 500_000
    assert amounts["Mức hưởng tiếp một ngày (bệnh cần chữa trị dài ngày)"] == 166_667
    assert amounts["Phần hưởng tiếp"] == 1_333_336
    assert result.lines[-1].is_total and result.lines[-1].amount == 1_833_336
    assert result.warnings == [] and "10 ngày" in result.verdict
    assert {"Điều 43 khoản 2", "Điều 45 khoản 3"} <= {c.article for c in result.citations}
    # 20 years paid: 55% × 8.000.000 = 4.400.000; ÷ 24 = 183.333; 30 years: 65% → 5.200.000; ÷ 24 = 216.667.
    for years, daily in ((20, 183_333), (30, 216_667)):
        lines = sickness.sickness_benefit(
            data=_sick(days_off=Decimal(1), days_used=Decimal(70), insured_years=years, long_term=True)
        ).lines
        assert lines[-1].amount == daily


def test_a_long_term_illness_is_refused_where_the_tool_cannot_compute_it() -> None:
    unticked = sickness.sickness_benefit(data=_sick(days_off=Decimal(5), days_used=Decimal(28)))
    assert "đánh dấu ô “bệnh cần chữa trị dài ngày”" in unticked.warnings[0]
    for extra, code in (
        ({"child_age": 2}, "long_term_child"),
        ({"on": dt.date(2025, 6, 2)}, "long_term_before_2025"),
    ):
        with pytest.raises(ValidationError) as error:
            sickness.sickness_benefit(data=_sick(long_term=True, **extra))
        assert error.value.code == code
