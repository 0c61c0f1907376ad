"""A worker opens a calculator (overtime, maternity, the rest after it), enters the figures, sees the amount with its\narticle and rule date."""

from playwright.sync_api import expect

from lantoa.calculators import services
from lantoa.legal.models import Document

from .pages.calculators import CalculatorPages


def test_worker_computes_overtime_pay_and_is_warned_about_five_hours_a_day(page, db):
    services.parameters_load()
    # a result links the cited article only when the law library holds the text
    Document.objects.create(number="45/2019/QH14", slug="45-2019-qh14", title="Bộ luật Lao động", doc_type="Bộ")
    calculators = CalculatorPages(page)
    page.goto(page.base_url + "/")
    page.get_by_role("link", name="Tính quyền lợi").click()
    calculators.open_overtime_from_index()
    expect(page).to_have_url(page.base_url + "/tinh-toan/lam-them-gio/")
    expect(page.get_by_role("heading", name="Tiền làm thêm giờ, làm việc ban đêm")).to_be_visible()

    calculators.fill_overtime(wage="5.310.000", weekday_hours="20", longest_day="5", on="10/02/2026")

    result = calculators.result()
    assert "765.870 đ" in result  # 5.310.000 ÷ (26 × 8) = 25.529 đ/giờ × 150% × 20 giờ
    assert "Bộ luật Lao động 45/2019/QH14, Điều 98" in result
    assert "áp dụng từ 01/01/2021" in result
    assert "10/02/2026" in result
    assert "vượt quá 50%" in result
    expect(
        page.locator("#ket-qua").get_by_role("link", name="Bộ luật Lao động 45/2019/QH14, Điều 98")
    ).to_have_attribute("href", "/phap-luat/45-2019-qh14/dieu-98")
    page.screenshot(path="var/e2e-overtime.png", full_page=True)


def test_worker_typing_a_wrong_amount_reads_a_vietnamese_message(page, db):
    services.parameters_load()
    calculators = CalculatorPages(page)
    page.goto(page.base_url + "/tinh-toan/lam-them-gio/")
    calculators.fill_overtime(wage="5.31", weekday_hours="hai")
    errors = calculators.form_errors()
    assert "Số tiền chỉ gồm chữ số" in errors
    assert "Hãy nhập một số, ví dụ 8 hoặc 2,5." in errors
    expect(page.locator("#ket-qua")).to_have_count(0)


def test_a_father_whose_wife_died_after_the_birth_and_a_mother_resting_after_twins_read_their_amounts(page, db):
    services.parameters_load()
    calculators = CalculatorPages(page)
    calculators.fill_mother_died(born_on="10/03/2026", died_on="20/05/2026", average_wage="9.000.000")
    result = calculators.result()
    assert "33.000.000 đ" in result  # 21/05–09/09/2026: 3 months × 9.000.000 + 20 days × 300.000
    assert "Luật Bảo hiểm xã hội 41/2024/QH15, Điều 53 khoản 5" in result
    calculators.fill_recovery(on="15/09/2026", case="Sau thai sản: sinh một lần từ hai con trở lên")
    rest = calculators.result()
    assert "7.590.000 đ" in rest  # 10 days × 30% × 2.530.000
    assert "Điều 60 khoản 2 điểm a" in rest
