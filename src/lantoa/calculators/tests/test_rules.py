"""Calculation rules against cases computed by hand from the law texts and the stored figures."""

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from django.core.exceptions import ValidationError

from lantoa.calculators.numbers import parse_decimal, parse_money, vn_decimal
from lantoa.calculators.rules import insurance, leave, overtime, severance, wages
from lantoa.calculators.rules.base import Result

from .books import book_from_file

BOOK = book_from_file()


def amounts(result: Result) -> dict[str, object]:
    return {str(line.label): line.amount for line in result.lines}


# ---------- input parsing ----------


@pytest.mark.parametrize("text", ["5.310.000", "5310000", "5 310 000", "5,310,000", "5.310.000 đ", " 5310000đ "])
def test_parse_money_accepts_dotted_plain_and_spaced_forms(text):
    assert parse_money(text) == 5_310_000


@pytest.mark.parametrize("text", ["5.31", "5.3100.000", "năm triệu", "-5000", "5.310.000,5", ""])
def test_parse_money_rejects_ambiguous_or_non_numeric_text_with_a_code(text):
    with pytest.raises(ValidationError) as error:
        parse_money(text)
    assert error.value.code == "money_invalid"
    assert "4.730.000" in error.value.messages[0]  # region II, which An Giang has


def test_parse_decimal_accepts_a_comma_and_vn_decimal_prints_one():
    assert parse_decimal("2,5") == Decimal("2.5")
    assert vn_decimal(Decimal("5.8333")) == "5,83"
    assert vn_decimal(Decimal("1234.50")) == "1.234,5"
    with pytest.raises(ValidationError) as error:
        parse_decimal("hai")
    assert error.value.code == "number_invalid"


# ---------- minimum wage ----------


def test_minimum_wage_check_uses_decree_293_from_2026_and_reports_the_shortfall():
    result = wages.minimum_wage_check(book=BOOK, on=dt.date(2026, 1, 15), region=2, wage_vnd=4_700_000, basis="month")
    assert result.is_ok is False
    assert result.lines[0].amount == 4_730_000
    assert result.lines[-1].amount == -30_000
    assert "30.000 đ" in result.verdict
    assert result.citations[0].document == "Nghị định 293/2025/NĐ-CP"
    assert result.citations[0].valid_from == dt.date(2026, 1, 1)


def test_minimum_wage_check_uses_decree_74_on_the_last_day_of_2025():
    result = wages.minimum_wage_check(book=BOOK, on=dt.date(2025, 12, 31), region=2, wage_vnd=4_700_000, basis="month")
    assert result.is_ok is True
    assert result.lines[0].amount == 4_410_000
    assert result.citations[0].document == "Nghị định 74/2024/NĐ-CP"
    assert result.citations[0].valid_to == dt.date(2025, 12, 31)


def test_a_worker_hired_in_2025_keeps_the_higher_minimum_of_a_workplace_moved_down_a_region():
    def check(hired_on: dt.date | None) -> Result:
        return wages.minimum_wage_check(
            book=BOOK,
            on=dt.date(2026, 2, 10),
            region=2,
            wage_vnd=4_800_000,
            basis=wages.PAY_MONTH,
            hired_on=hired_on,
            region_2025=1,
        )

    kept = check(dt.date(2025, 6, 1))
    assert not kept.is_ok  # 4.800.000 < 4.960.000, region I on 31/12/2025 (Nghị định 293/2025 Điều 5 khoản 5)
    assert amounts(kept)["Chênh lệch"] == -160_000
    assert any(c.article == "Điều 5 khoản 5" for c in kept.citations)
    assert check(dt.date(2026, 1, 5)).is_ok  # hired in 2026: region II of 2026, 4.730.000
    assert check(None).is_ok


def test_arrears_keep_the_2025_minimum_through_2026_for_a_worker_hired_before():
    def arrears(hired_on: dt.date | None) -> Result:
        return wages.wage_arrears(
            book=BOOK,
            region=2,
            start=dt.date(2025, 12, 1),
            end=dt.date(2026, 2, 1),
            wage_vnd=4_800_000,
            hired_on=hired_on,
            region_2025=1,
        )

    kept = amounts(arrears(dt.date(2025, 6, 1)))
    # December 2025 in region I (4.960.000); January and February keep it (Nghị định 293/2025 Điều 5 khoản 5).
    assert [kept[f"Tháng {m}"] for m in ("12/2025", "01/2026", "02/2026")] == [160_000, 160_000, 160_000]
    assert kept["Tổng số tiền còn thiếu"] == 480_000
    hired_2026 = amounts(arrears(None))
    assert [hired_2026[f"Tháng {m}"] for m in ("12/2025", "01/2026")] == [160_000, 0]  # 2026: region II, 4.730.000


def test_weekly_daily_and_piece_wages_are_compared_as_a_month():
    def check(wage: int, basis: str, **extra: Any) -> Result:
        return wages.minimum_wage_check(
            book=BOOK, on=dt.date(2026, 3, 2), region=2, wage_vnd=wage, basis=basis, **extra
        )

    weekly = check(1_100_000, wages.PAY_WEEK)  # 1.100.000 × 52 ÷ 12 = 4.766.667 ≥ 4.730.000
    assert amounts(weekly)["Lương của bạn quy đổi theo tháng"] == 4_766_667 and weekly.is_ok
    daily = check(180_000, wages.PAY_DAY, normal_days=Decimal(26))  # 180.000 × 26 = 4.680.000 < 4.730.000
    assert amounts(daily)["Chênh lệch"] == -50_000 and not daily.is_ok
    assert any(c.article == "Điều 4 khoản 3" for c in daily.citations)
    assert check(4_730_000, wages.PAY_PIECE).is_ok


def test_minimum_wage_check_compares_an_hourly_wage_with_the_hourly_minimum():
    result = wages.minimum_wage_check(book=BOOK, on=dt.date(2026, 3, 1), region=4, wage_vnd=17_000, basis="hour")
    assert result.lines[0].amount == 17_800
    assert result.lines[-1].amount == -800


def test_minimum_wage_check_before_the_stored_rules_says_so_in_vietnamese():
    with pytest.raises(ValidationError) as error:
        wages.minimum_wage_check(book=BOOK, on=dt.date(2024, 6, 30), region=1, wage_vnd=5_000_000, basis="month")
    assert error.value.code == "parameter_missing"
    assert "30/06/2024" in error.value.messages[0]


def test_wage_arrears_split_across_the_january_2026_rise_month_by_month():
    result = wages.wage_arrears(
        book=BOOK, region=2, start=dt.date(2025, 11, 1), end=dt.date(2026, 2, 1), wage_vnd=4_500_000
    )
    by_month = amounts(result)
    # 11 and 12/2025: 4.410.000 ≤ 4.500.000; 01 and 02/2026: 4.730.000 − 4.500.000 = 230.000 each.
    assert by_month["Tháng 11/2025"] == 0
    assert by_month["Tháng 12/2025"] == 0
    assert by_month["Tháng 01/2026"] == 230_000
    assert by_month["Tháng 02/2026"] == 230_000
    assert by_month["Tổng số tiền còn thiếu"] == 460_000
    documents = {citation.document for citation in result.citations}
    assert {"Nghị định 74/2024/NĐ-CP", "Nghị định 293/2025/NĐ-CP"} <= documents


def test_wage_arrears_rejects_a_reversed_period():
    with pytest.raises(ValidationError) as error:
        wages.wage_arrears(book=BOOK, region=1, start=dt.date(2026, 3, 1), end=dt.date(2026, 1, 1), wage_vnd=1)
    assert error.value.code == "period_reversed"


# ---------- overtime ----------


def overtime_input(*, wage_vnd: int = 5_310_000, **fields: Any) -> overtime.OvertimeInput:
    return overtime.OvertimeInput(on=dt.date(2026, 2, 10), wage_vnd=wage_vnd, **fields)


def test_overtime_hourly_wage_is_monthly_wage_over_normal_hours_rounded_to_the_dong():
    result = overtime.overtime_pay(book=BOOK, data=overtime_input(weekday_hours=Decimal(20)))
    lines = amounts(result)
    # 5.310.000 ÷ (26 × 8) = 25.528,85 → 25.529 đ; 25.529 × 150% × 20 = 765.870 đ.
    assert lines["Tiền lương giờ của ngày làm việc bình thường"] == 25_529
    assert lines["Làm thêm ngày thường, ban ngày"] == 765_870
    assert lines["Tổng tiền làm thêm giờ, làm đêm được trả thêm"] == 765_870
    assert result.citations[0].article == "Điều 98"
    assert result.citations[0].valid_from == dt.date(2021, 1, 1)
    assert result.warnings == []


def test_overtime_rest_day_holiday_and_night_rates_follow_article_98():
    result = overtime.overtime_pay(
        book=BOOK,
        data=overtime_input(
            rest_hours=Decimal(8),
            holiday_hours=Decimal(8),
            night_hours=Decimal(10),
            weekday_night_hours=Decimal(4),
            rest_night_hours=Decimal(2),
            holiday_night_hours=Decimal(2),
        ),
    )
    lines = amounts(result)
    assert lines["Làm thêm ngày nghỉ hằng tuần, ban ngày"] == 408_464  # 25.529 × 200% × 8
    assert lines["Làm thêm ngày lễ, tết, ngày nghỉ có hưởng lương, ban ngày"] == 612_696  # × 300% × 8
    assert lines["Làm việc ban đêm trong giờ bình thường – phần trả thêm"] == 76_587  # × 30% × 10
    assert lines["Làm thêm ngày thường, ban đêm"] == 204_232  # × (150 + 30 + 20 × 100)% × 4 = 200%
    assert lines["Làm thêm ngày nghỉ hằng tuần, ban đêm"] == 137_857  # × (200 + 30 + 20 × 200)% × 2 = 270%
    assert lines["Làm thêm ngày lễ, tết, ban đêm"] == 199_126  # × (300 + 30 + 20 × 300)% × 2 = 390%
    total = 408_464 + 612_696 + 76_587 + 204_232 + 137_857 + 199_126
    assert lines["Tổng tiền làm thêm giờ, làm đêm được trả thêm"] == total


def test_overtime_at_night_after_day_overtime_takes_150_percent_as_the_day_rate():
    result = overtime.overtime_pay(
        book=BOOK, data=overtime_input(weekday_night_hours=Decimal(4), day_overtime_before_night=True)
    )
    assert amounts(result)["Làm thêm ngày thường, ban đêm"] == 214_444  # 25.529 × 210% × 4 = 214.443,6


def test_overtime_of_a_worker_paid_by_the_hour_adds_the_holiday_wage_when_paid_by_the_day():
    data = overtime_input(
        wage_vnd=30_000, wage_basis=overtime.WageBasis.HOUR, holiday_hours=Decimal(4), holiday_paid_days=Decimal(1)
    )
    lines = amounts(overtime.overtime_pay(book=BOOK, data=data))
    assert lines["Làm thêm ngày lễ, tết, ngày nghỉ có hưởng lương, ban ngày"] == 360_000  # 30.000 × 300% × 4
    assert lines["Tiền lương của chính ngày lễ, tết (người hưởng lương ngày)"] == 240_000  # 30.000 × 8 × 1


def test_overtime_paid_by_the_piece_multiplies_the_unit_price_by_the_products():
    data = overtime_input(
        wage_vnd=2_500,
        wage_basis=overtime.WageBasis.PIECE,
        weekday_hours=Decimal(120),
        rest_night_hours=Decimal(40),
        night_hours=Decimal(300),
    )
    result = overtime.overtime_pay(book=BOOK, data=data)
    lines = amounts(result)
    assert lines["Làm thêm ngày thường, ban ngày"] == 450_000  # 2.500 × 150% × 120
    assert lines["Làm thêm ngày nghỉ hằng tuần, ban đêm"] == 270_000  # 2.500 × (200% + 30% + 20% × 200%) × 40
    assert lines["Làm việc ban đêm trong giờ bình thường – phần trả thêm"] == 225_000  # 2.500 × 30% × 300
    assert lines["Tổng tiền làm thêm giờ, làm đêm được trả thêm"] == 945_000
    assert any("120 sản phẩm" in line.formula for line in result.lines)
    assert any("sản phẩm" in note and "Điều 55" in note for note in result.notes)


def test_overtime_paid_by_the_piece_refuses_the_holiday_wage_of_day_paid_workers():
    data = overtime_input(wage_vnd=2_500, wage_basis=overtime.WageBasis.PIECE, holiday_paid_days=Decimal(1))
    with pytest.raises(ValidationError) as error:
        overtime.overtime_pay(book=BOOK, data=data)
    assert error.value.code == "piece_holiday_days"


def test_overtime_warns_when_five_hours_a_day_pass_half_of_eight_normal_hours():
    result = overtime.overtime_pay(
        book=BOOK, data=overtime_input(weekday_hours=Decimal(25), longest_weekday_overtime=Decimal(5))
    )
    assert len(result.warnings) == 1
    assert "5 giờ" in result.warnings[0] and "tối đa 4 giờ" in result.warnings[0]
    assert "Điều 107" in result.warnings[0]


def test_overtime_under_a_weekly_schedule_caps_the_whole_day_at_twelve_hours():
    ok = overtime.overtime_pay(
        book=BOOK,
        data=overtime_input(normal_hours=Decimal(9), longest_weekday_overtime=Decimal(3), weekly_schedule=True),
    )
    too_long = overtime.overtime_pay(
        book=BOOK,
        data=overtime_input(normal_hours=Decimal(9), longest_weekday_overtime=Decimal(4), weekly_schedule=True),
    )
    assert ok.warnings == []
    assert "13 giờ" in too_long.warnings[0] and "12 giờ" in too_long.warnings[0]


def test_overtime_warns_past_40_hours_a_month_and_200_hours_a_year_unless_the_sector_allows_300():
    result = overtime.overtime_pay(
        book=BOOK, data=overtime_input(weekday_hours=Decimal(45), year_overtime_hours=Decimal(250))
    )
    assert any("45 giờ" in warning and "40 giờ" in warning for warning in result.warnings)
    assert any("250 giờ" in warning and "200 giờ" in warning for warning in result.warnings)
    special = overtime.overtime_pay(
        book=BOOK, data=overtime_input(weekday_hours=Decimal(30), year_overtime_hours=Decimal(250), special_sector=True)
    )
    assert special.warnings == []


def test_overtime_warns_past_twelve_hours_on_a_rest_day():
    result = overtime.overtime_pay(book=BOOK, data=overtime_input(longest_rest_day_overtime=Decimal(13)))
    assert "13 giờ" in result.warnings[0] and "Điều 60" in result.warnings[0]


# ---------- annual leave ----------


def test_annual_leave_adds_one_day_after_five_full_years():
    result = leave.annual_leave(book=BOOK, data=leave.LeaveInput(started_on=dt.date(2020, 3, 1), year=2025))
    assert result.lines[-1].amount == 13
    assert result.lines[1].amount == 1


def test_annual_leave_of_a_first_partial_year_is_pro_rata_by_months():
    # 10/04/2025: April has 21 of 30 days (counts), May–December 8 → 9 months; 12 × 9 / 12 = 9 days.
    result = leave.annual_leave(book=BOOK, data=leave.LeaveInput(started_on=dt.date(2025, 4, 10), year=2025))
    assert result.lines[-1].amount == 9


def test_annual_leave_for_heavy_work_when_leaving_pays_the_days_not_taken():
    data = leave.LeaveInput(
        started_on=dt.date(2024, 9, 20),
        year=2025,
        condition="heavy",
        ended_on=dt.date(2025, 6, 10),
        days_taken=Decimal(2),
        monthly_wage_vnd=5_310_000,
    )
    result = leave.annual_leave(book=BOOK, data=data)
    lines = amounts(result)
    # January–May count, June has 10 of 30 days (does not): 14 × 5 / 12 = 5,83 days; 3,83 left.
    assert lines["Số ngày nghỉ hằng năm năm 2025"] == Decimal("5.83")
    # 5.310.000 ÷ 26 × 3,83 = 782.203,85 → 782.204 đ.
    assert lines["Tiền lương những ngày chưa nghỉ (khi thôi việc, mất việc)"] == 782_204
    assert any(citation.article == "Điều 113 khoản 3" for citation in result.citations)


def test_annual_leave_for_a_year_not_worked_is_refused():
    with pytest.raises(ValidationError) as error:
        leave.annual_leave(book=BOOK, data=leave.LeaveInput(started_on=dt.date(2026, 5, 1), year=2025))
    assert error.value.code == "no_work_in_year"


# ---------- severance and job loss ----------


def test_full_months_counts_whole_months_only():
    assert severance.full_months(dt.date(2015, 1, 1), dt.date(2024, 12, 31)) == 120
    assert severance.full_months(dt.date(2020, 1, 15), dt.date(2021, 1, 13)) == 11
    assert severance.full_months(dt.date(2020, 1, 15), dt.date(2021, 1, 14)) == 12


def test_severance_is_half_a_month_per_year_after_deducting_unemployment_insurance():
    data = severance.SeveranceInput(
        kind=severance.SEVERANCE,
        started_on=dt.date(2015, 1, 1),
        ended_on=dt.date(2024, 12, 31),
        average_wage_vnd=8_000_000,
        insured_months=110,
    )
    result = severance.allowance(book=BOOK, data=data)
    # 120 − 110 = 10 months → more than 6 odd months count as 1 year; 1 × 0,5 × 8.000.000.
    assert result.lines[-1].amount == 4_000_000
    assert {citation.article for citation in result.citations} >= {"Điều 46 khoản 1", "Điều 8 khoản 3"}


def test_severance_counts_six_odd_months_as_half_a_year():
    data = severance.SeveranceInput(
        kind=severance.SEVERANCE,
        started_on=dt.date(2019, 1, 1),
        ended_on=dt.date(2025, 6, 30),
        average_wage_vnd=6_000_000,
    )
    assert severance.allowance(book=BOOK, data=data).lines[-1].amount == 19_500_000  # 6,5 × 0,5 × 6.000.000


def test_job_loss_allowance_is_at_least_two_months_of_wage():
    data = severance.SeveranceInput(
        kind=severance.JOB_LOSS,
        started_on=dt.date(2015, 1, 1),
        ended_on=dt.date(2024, 12, 31),
        average_wage_vnd=8_000_000,
        insured_months=110,
    )
    assert severance.allowance(book=BOOK, data=data).lines[-1].amount == 16_000_000


def test_job_loss_allowance_is_one_month_per_year_above_the_floor():
    data = severance.SeveranceInput(
        kind=severance.JOB_LOSS,
        started_on=dt.date(2021, 1, 1),
        ended_on=dt.date(2025, 12, 31),
        average_wage_vnd=7_000_000,
    )
    assert severance.allowance(book=BOOK, data=data).lines[-1].amount == 35_000_000  # 5 years × 1 × 7.000.000


def test_allowance_needs_twelve_months_of_work():
    data = severance.SeveranceInput(
        kind=severance.SEVERANCE,
        started_on=dt.date(2025, 1, 1),
        ended_on=dt.date(2025, 10, 31),
        average_wage_vnd=6_000_000,
    )
    result = severance.allowance(book=BOOK, data=data)
    assert result.is_ok is False
    assert "12 tháng" in result.verdict


# ---------- insurance ----------


def test_insurance_contributions_of_a_ten_million_salary_line_by_line():
    result = insurance.insurance_contributions(book=BOOK, on=dt.date(2026, 1, 1), region=2, salary_vnd=10_000_000)
    lines = amounts(result)
    assert lines["BHXH hưu trí, tử tuất – người lao động"] == 800_000
    assert lines["Bảo hiểm thất nghiệp – người lao động"] == 100_000
    assert lines["Bảo hiểm y tế – người lao động"] == 150_000
    assert lines["Người lao động đóng (trừ vào lương)"] == 1_050_000  # 10,5%
    assert lines["Người sử dụng lao động đóng"] == 2_150_000  # 14 + 3 + 0,5 + 1 + 3 = 21,5%
    assert lines["Kinh phí công đoàn (người sử dụng lao động đóng, không trừ vào lương)"] == 200_000
    assert result.needs_confirmation  # the reference level and the health-insurance rate are flagged


def test_insurance_contributions_apply_the_ceilings_per_fund():
    result = insurance.insurance_contributions(book=BOOK, on=dt.date(2026, 1, 1), region=2, salary_vnd=100_000_000)
    lines = amounts(result)
    assert lines["Trần lương đóng BHXH"] == 46_800_000  # 20 × 2.340.000
    assert lines["Trần lương đóng BHTN (vùng II)"] == 94_600_000  # 20 × 4.730.000
    # 8% × 46.800.000 + 1% × 94.600.000 + 1,5% × 46.800.000
    assert lines["Người lao động đóng (trừ vào lương)"] == 3_744_000 + 946_000 + 702_000
    # (14 + 3 + 0,5)% × 46.800.000 + 1% × 94.600.000 + 3% × 46.800.000
    assert lines["Người sử dụng lao động đóng"] == 6_552_000 + 1_404_000 + 234_000 + 946_000 + 1_404_000


def test_insurance_over_a_period_uses_each_months_unemployment_ceiling():
    result = insurance.insurance_over_period(
        book=BOOK, start=dt.date(2025, 12, 1), end=dt.date(2026, 1, 1), region=2, salary_vnd=100_000_000
    )
    lines = amounts(result)
    # December 2025: unemployment ceiling 20 × 4.410.000 = 88.200.000 → 882.000; January 2026: 946.000.
    assert lines["Người lao động đóng cả kỳ"] == (3_744_000 + 882_000 + 702_000) + (3_744_000 + 946_000 + 702_000)
    documents = {citation.document for citation in result.citations}
    assert {"Luật Việc làm 38/2013/QH13", "Luật Việc làm 74/2025/QH15"} <= documents


@pytest.mark.parametrize(
    ("on", "ceiling", "worker", "employer"),
    [
        # 30/06/2026: 20 × 2.340.000 = 46.800.000; 8% + 1,5% of it, 1% of 94.600.000 (20 × 4.730.000).
        (dt.date(2026, 6, 30), 46_800_000, 3_744_000 + 702_000 + 946_000, 6_552_000 + 1_404_000 + 234_000 + 1_404_000),
        # 01/07/2026 (Nghị định 161/2026): 20 × 2.530.000 = 50.600.000 → 4.048.000 + 759.000 + 946.000.
        (dt.date(2026, 7, 1), 50_600_000, 4_048_000 + 759_000 + 946_000, 7_084_000 + 1_518_000 + 253_000 + 1_518_000),
    ],
)
def test_insurance_ceiling_follows_the_base_salary_in_force_on_the_date(on, ceiling, worker, employer):
    result = insurance.insurance_contributions(book=BOOK, on=on, region=2, salary_vnd=100_000_000)
    lines = amounts(result)
    assert lines["Trần lương đóng BHXH"] == ceiling
    assert lines["Người lao động đóng (trừ vào lương)"] == worker
    # 14% retirement, 3% sickness, 0,5% accident and 3% health on the ceiling; 1% unemployment on 94.600.000.
    assert lines["Người sử dụng lao động đóng"] == employer + 946_000
    documents = {citation.document for citation in result.citations}
    assert ("Nghị định 161/2026/NĐ-CP" in documents) == (on >= dt.date(2026, 7, 1))
    assert result.needs_confirmation


def test_insurance_over_june_and_july_2026_changes_the_ceiling_in_july():
    result = insurance.insurance_over_period(
        book=BOOK, start=dt.date(2026, 6, 1), end=dt.date(2026, 7, 1), region=2, salary_vnd=100_000_000
    )
    assert amounts(result)["Người lao động đóng cả kỳ"] == (3_744_000 + 702_000 + 946_000) + (
        4_048_000 + 759_000 + 946_000
    )


def test_insurance_before_july_2025_cites_the_2014_social_insurance_law():
    result = insurance.insurance_contributions(book=BOOK, on=dt.date(2025, 3, 1), region=3, salary_vnd=5_000_000)
    assert amounts(result)["Người lao động đóng (trừ vào lương)"] == 525_000
    assert any(citation.document == "Luật Bảo hiểm xã hội 58/2014/QH13" for citation in result.citations)


def test_severance_refuses_more_insured_months_than_months_worked():
    data = severance.SeveranceInput(
        kind=severance.SEVERANCE,
        started_on=dt.date(2015, 1, 1),
        ended_on=dt.date(2024, 12, 31),
        average_wage_vnd=8_000_000,
        insured_months=999,
    )
    with pytest.raises(ValidationError) as error:
        severance.allowance(book=BOOK, data=data)
    assert error.value.code == "months_exceed_service"


def test_severance_when_every_month_was_insured_says_there_is_none_instead_of_at_least_zero():
    data = severance.SeveranceInput(
        kind=severance.SEVERANCE,
        started_on=dt.date(2015, 1, 1),
        ended_on=dt.date(2024, 12, 31),
        average_wage_vnd=8_000_000,
        insured_months=120,
    )
    result = severance.allowance(book=BOOK, data=data)
    assert result.is_ok is False
    assert "ít nhất" not in result.verdict
    assert "không còn thời gian tính trợ cấp thôi việc" in result.verdict


def test_a_2025_minimum_wage_result_links_no_article_the_library_lacks():
    result = wages.minimum_wage_check(
        book=BOOK, on=dt.date(2025, 6, 1), region=2, wage_vnd=5_000_000, basis="month", hired_on=None, region_2025=None
    )
    decree = next(c for c in result.citations if c.document == "Nghị định 74/2024/NĐ-CP")
    assert decree.path == ""  # /phap-luat/74-2024-nd-cp/dieu-3 would answer 404
    assert all(c.path.startswith("/phap-luat/") for c in result.citations if c.path)
