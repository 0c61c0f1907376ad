"""A worker asks in everyday words, reads the article with its validity; an unanswered question reaches an adviser."""

import pytest
from playwright.sync_api import expect

from lantoa.calculators import services as calculator_services
from lantoa.legal import search
from lantoa.legal.tests.factories import import_library
from lantoa.orgs.models import Role

from .pages.a11y import serious_violations
from .pages.calculators import CalculatorPages
from .pages.legal import LegalPages
from .pages.office import OfficePages


@pytest.fixture
def library(settings, tmp_path) -> None:
    settings.VAR_DIR = tmp_path
    calculator_services.parameters_load()  # the labour parameters (minimum wages, overtime rates) by date
    import_library()  # a small fixture of the Labour Code's overtime articles and a replaced insurance law
    search.index_build()


def test_worker_finds_the_overtime_limit_and_an_adviser_answers_what_search_cannot(
    page,
    library,
    labour_federation,
    make_official,
) -> None:
    legal = LegalPages(page)
    legal.ask("cty bắt tăng ca 5 tiếng mỗi ngày có đúng ko")
    top = legal.answers().first
    expect(top).to_contain_text("Điều 107. Làm thêm giờ")
    expect(top).to_contain_text("Bộ luật Lao động 45/2019/QH14")
    expect(top).to_contain_text("Còn hiệu lực")
    expect(top.locator("mark").first).to_be_visible()
    assert serious_violations(page) == []

    top.get_by_role("link", name="Điều 107. Làm thêm giờ").click()
    expect(page.get_by_role("heading", name="Điều 107. Làm thêm giờ")).to_be_visible()
    expect(page.locator(".validity")).to_contain_text("Còn hiệu lực")
    expect(page.locator("#dieu-107-khoan-2-diem-b")).to_contain_text("không quá 40 giờ trong 01 tháng")
    page.get_by_role("link", name="Tính tiền làm thêm giờ, làm đêm").click()
    calculators = CalculatorPages(page)
    calculators.fill_overtime(wage="5.310.000", weekday_hours="20", longest_day="5", on="10/02/2026")
    result = calculators.result()
    assert "vượt quá 50%" in result and "Bộ luật Lao động 45/2019/QH14, Điều 98" in result

    question = "Công ty giữ thẻ ATM của công nhân để trả lương thì có được không?"
    legal.ask(question)
    code = legal.send_to_adviser()

    adviser = make_official(unit=labour_federation, role=Role.LEGAL_ADVISER, name="Tư vấn viên LĐLĐ")
    office = OfficePages(page)
    office.login(adviser.username, "mat-khau-thu")
    legal.answer_question(
        question,
        answer="Công ty không được giữ thẻ ATM của bạn. Tiền lương phải trả trực tiếp, đầy đủ cho người lao động.",
        citation="45/2019/QH14, Điều 107, khoản 2",
        title="Công ty giữ thẻ ATM của công nhân có đúng không?",
    )
    office.logout()

    page.goto(f"{page.base_url}/phap-luat/so-tay/")
    page.get_by_role("link", name="Hỏi đáp từ tư vấn viên").click()  # each chapter is its own page
    page.get_by_role("link", name="Công ty giữ thẻ ATM của công nhân có đúng không?").click()
    expect(page.get_by_role("heading", name="Công ty giữ thẻ ATM của công nhân có đúng không?")).to_be_visible()
    expect(page.locator(".citations")).to_contain_text("khoản 2 Điều 107 Bộ luật Lao động 45/2019/QH14")

    assert "Tiền lương phải trả trực tiếp" in legal.read_answer(code)
