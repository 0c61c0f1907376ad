import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from lantoa.calculators.rules import unemployment
from lantoa.calculators.rules.base import Result
from lantoa.calculators.rules.unemployment import UnemploymentInput

from .books import book_from_file

BOOK = book_from_file()
MONTHLY = "Trợ cấp thất nghiệp mỗi tháng"


def amounts(result: Result) -> dict[str, object]:
    return {str(line.label): line.amount for line in result.lines}


def test_2026_benefit_is_60_percent_of_the_average_wage_for_months_by_contribution_years():
    data = UnemploymentInput(
        job_ended_on=dt.date(2026, 3, 15),
        contribution_months=50,
        average_wage_vnd=8_000_000,
        region=2,
        filed_on=dt.date(2026, 3, 20),
    )
    result = unemployment.unemployment_benefit(book=BOOK, data=data)
    lines = amounts(result)
    assert lines[MONTHLY] == 4_800_000  # 60% × 8.000.000, under the cap 5 × 4.730.000 = 23.650.000
    assert lines["Mức tối đa: 5 lần lương tối thiểu vùng II"] == 23_650_000
    assert lines["Số tháng được hưởng"] == 4  # 36 months give 3, the next full 12 one more; 2 months left over
    assert lines["Tổng trợ cấp nếu hưởng đủ"] == 19_200_000
    # Friday 20/03 is working day 1; the 11th working day is Friday 03/04/2026.
    assert "Ngày bắt đầu hưởng: 03/04/2026" in lines
    articles = {(c.document, c.article) for c in result.citations}
    assert ("Luật Việc làm 74/2025/QH15", "Điều 39 khoản 1") in articles
    assert ("Luật Việc làm 74/2025/QH15", "Điều 39 khoản 3") in articles
    assert any(c.document == "Nghị định 293/2025/NĐ-CP" for c in result.citations)  # the regional minimum


def test_2026_benefit_is_capped_at_five_regional_minimum_wages():
    data = UnemploymentInput(
        job_ended_on=dt.date(2026, 2, 1), contribution_months=144, average_wage_vnd=50_000_000, region=4
    )
    result = unemployment.unemployment_benefit(book=BOOK, data=data)
    lines = amounts(result)
    assert lines[MONTHLY] == 18_500_000  # 60% = 30.000.000 > 5 × 3.700.000
    assert lines["Số tháng được hưởng"] == 12  # 3 + (144 − 36) ÷ 12 = 12
    assert result.warnings


def test_2025_benefit_follows_the_2013_law_and_its_sixteenth_day():
    data = UnemploymentInput(
        job_ended_on=dt.date(2025, 12, 10),
        contribution_months=36,
        average_wage_vnd=10_000_000,
        region=1,
        filed_on=dt.date(2025, 12, 15),
    )
    result = unemployment.unemployment_benefit(book=BOOK, data=data)
    lines = amounts(result)
    assert lines[MONTHLY] == 6_000_000
    assert lines["Mức tối đa: 5 lần lương tối thiểu vùng I"] == 24_800_000  # 5 × 4.960.000 (NĐ 74/2024)
    assert lines["Số tháng được hưởng"] == 3
    assert "Ngày bắt đầu hưởng: 30/12/2025" in lines  # 15/12 is day 1, day 16 is 30/12
    assert {c.document for c in result.citations} >= {"Luật Việc làm 38/2013/QH13"}
    assert all(c.document != "Luật Việc làm 74/2025/QH15" for c in result.citations)
    assert any(c.article == "Điều 50 khoản 1" for c in result.citations)


def test_under_twelve_months_gives_no_benefit_and_cites_the_condition():
    data = UnemploymentInput(
        job_ended_on=dt.date(2026, 5, 4), contribution_months=11, average_wage_vnd=6_000_000, region=3
    )
    result = unemployment.unemployment_benefit(book=BOOK, data=data)
    assert result.is_ok is False
    assert amounts(result)["Số tháng được hưởng"] == 0
    assert any(c.article == "Điều 38 khoản 1 điểm b" for c in result.citations)


@pytest.mark.parametrize(("months", "benefit"), [(12, 3), (36, 3), (47, 3), (48, 4), (143, 11), (144, 12), (300, 12)])
def test_benefit_months_by_contribution_months(months, benefit):
    assert unemployment.benefit_months(months) == benefit


def test_refuses_impossible_input_with_a_stable_code():
    with pytest.raises(ValidationError) as error:
        unemployment.unemployment_benefit(
            book=BOOK,
            data=UnemploymentInput(
                job_ended_on=dt.date(2026, 1, 5), contribution_months=999, average_wage_vnd=1, region=1
            ),
        )
    assert error.value.code == "months_out_of_range"
