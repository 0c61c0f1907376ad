"""The calculator pages as a worker and an official use them."""

import pytest
import time_machine

from lantoa.calculators import services
from lantoa.core.text import slugify_vi
from lantoa.legal.models import Document
from lantoa.orgs.models import Role


@pytest.fixture
def parameters(db):
    services.parameters_load()
    # Results link the cited article only when the law library holds the text.
    for number, title in (("45/2019/QH14", "Bộ luật Lao động"), ("293/2025/NĐ-CP", "Nghị định lương tối thiểu")):
        Document.objects.create(number=number, slug=slugify_vi(number), title=title, doc_type=title.split()[0])


def test_home_shows_the_calculators_tile(client, parameters):
    body = client.get("/").content.decode()
    assert "Tính quyền lợi" in body
    assert "/tinh-toan/" in body


def test_calculator_index_lists_every_calculator(client, db):
    body = client.get("/tinh-toan/").content.decode()
    for path in (
        "luong-toi-thieu",
        "truy-linh-luong",
        "lam-them-gio",
        "nghi-phep-nam",
        "tro-cap-thoi-viec",
        "bao-hiem",
        "tro-cap-that-nghiep",
    ):
        assert f"/tinh-toan/{path}/" in body


@time_machine.travel("2026-02-10 09:00 +0700")
def test_overtime_page_shows_the_amount_article_and_rule_date(client, parameters):
    response = client.get(
        "/tinh-toan/lam-them-gio/",
        {
            "wage": "5.310.000",
            "normal_days": "26",
            "normal_hours": "8",
            "weekday_hours": "20",
            "wage_basis": "month",
            "on": "10/02/2026",
        },
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "765.870 đ" in body
    assert "Điều 98" in body
    assert "áp dụng từ 01/01/2021" in body
    assert 'href="/phap-luat/45-2019-qh14/dieu-98"' in body


def test_overtime_page_computes_piece_rate_overtime_and_refuses_holiday_days(client, parameters):
    query = {"wage": "2.500", "wage_basis": "piece", "weekday_hours": "120", "on": "10/02/2026"}
    query |= {"normal_days": "26", "normal_hours": "8"}
    body = client.get("/tinh-toan/lam-them-gio/", query).content.decode()
    assert "450.000 đ" in body and "120 sản phẩm" in body
    body = client.get("/tinh-toan/lam-them-gio/", {**query, "holiday_paid_days": "1"}).content.decode()
    assert "không theo sản phẩm" in body and "ket-qua" not in body


def test_overtime_page_without_query_shows_an_empty_form_with_todays_date(client, db):
    with time_machine.travel("2026-03-05 09:00 +0700"):
        body = client.get("/tinh-toan/lam-them-gio/").content.decode()
    assert 'value="05/03/2026"' in body
    assert "ket-qua" not in body


def test_bad_money_shows_a_vietnamese_message(client, parameters):
    body = client.get(
        "/tinh-toan/lam-them-gio/", {"wage": "5.31", "on": "10/02/2026", "wage_basis": "month"}
    ).content.decode()
    assert "Số tiền chỉ gồm chữ số" in body
    assert "ket-qua" not in body


def test_bad_date_shows_a_vietnamese_message(client, parameters):
    body = client.get(
        "/tinh-toan/luong-toi-thieu/", {"wage": "5000000", "on": "31/02/2026", "basis": "month", "region": "1"}
    ).content.decode()
    assert "hãy nhập theo dạng ngày/tháng/năm" in body


def test_minimum_wage_page_takes_the_region_from_the_commune(client, province, parameters):
    body = client.get(
        "/tinh-toan/luong-toi-thieu/",
        {
            "wage": "4.700.000",
            "on": "15/01/2026",
            "basis": "month",
            "commune": province.children.get(name="Phường Long Xuyên").code,
        },
    ).content.decode()
    assert "Phường Long Xuyên thuộc vùng II" in body
    assert "4.730.000 đ" in body
    assert "thấp hơn lương tối thiểu vùng 30.000 đ" in body


def test_minimum_wage_page_before_the_2026_annex_asks_for_a_region(client, province, parameters):
    code = province.children.get(name="Phường Long Xuyên").code
    body = client.get(
        "/tinh-toan/luong-toi-thieu/", {"wage": "4700000", "on": "15/12/2025", "basis": "month", "commune": code}
    ).content.decode()
    assert "Chưa có danh mục địa bàn vùng của Phường Long Xuyên cho ngày 15/12/2025" in body


def test_minimum_wage_page_uses_the_enterprise_the_worker_came_from(client, enterprise_b, parameters):
    client.get(f"/e/{enterprise_b.public_code}")
    body = client.get(
        "/tinh-toan/luong-toi-thieu/", {"wage": "4800000", "on": "15/01/2026", "basis": "month"}
    ).content.decode()
    assert "Vùng II theo nơi hoạt động của Công ty B ở Rạch Giá" in body
    assert "không thấp hơn lương tối thiểu vùng" in body


def test_minimum_wage_page_without_any_region_says_what_to_choose(client, parameters):
    body = client.get(
        "/tinh-toan/luong-toi-thieu/", {"wage": "4800000", "on": "15/01/2026", "basis": "month"}
    ).content.decode()
    assert "Hãy chọn xã, phường nơi công ty hoạt động hoặc chọn vùng" in body


def test_arrears_page_splits_months_across_the_2026_rise(client, parameters):
    body = client.get(
        "/tinh-toan/truy-linh-luong/", {"start": "11/2025", "end": "02/2026", "wage": "4500000", "region": "2"}
    ).content.decode()
    assert "460.000 đ" in body
    assert "Nghị định 74/2024/NĐ-CP" in body and "Nghị định 293/2025/NĐ-CP" in body


def test_leave_severance_and_insurance_pages_compute(client, parameters):
    leave = client.get(
        "/tinh-toan/nghi-phep-nam/",
        {"started_on": "01/03/2020", "year": "2025", "condition": "normal", "normal_days": "26"},
    )
    assert "13 ngày" in leave.content.decode()
    severance = client.get(
        "/tinh-toan/tro-cap-thoi-viec/",
        {
            "kind": "severance",
            "started_on": "01/01/2019",
            "ended_on": "30/06/2025",
            "average_wage": "6.000.000",
            "insured_months": "0",
        },
    )
    assert "19.500.000 đ" in severance.content.decode()
    insurance = client.get("/tinh-toan/bao-hiem/", {"start": "01/2026", "salary": "10.000.000", "region": "2"})
    body = insurance.content.decode()
    assert "1.050.000 đ" in body and "2.150.000 đ" in body
    assert "con số cần đối chiếu văn bản gốc" in body


def test_calculation_for_a_date_without_rules_says_so(client, parameters):
    body = client.get(
        "/tinh-toan/bao-hiem/", {"start": "01/2024", "salary": "10000000", "region": "2"}
    ).content.decode()
    assert "Chưa có quy định về" in body


def test_parameter_list_is_for_officials_only(client, parameters, union_officer, employer):
    assert client.get("/tinh-toan/tham-so/").status_code == 302
    client.force_login(employer)
    assert client.get("/tinh-toan/tham-so/").status_code == 403
    client.force_login(union_officer)
    body = client.get("/tinh-toan/tham-so/").content.decode()
    assert "5.310.000 đ" in body
    assert "Cần đối chiếu văn bản gốc" in body


def test_parameter_list_reads_in_few_queries(client, parameters, union_officer, django_assert_max_num_queries):
    client.force_login(union_officer)
    with django_assert_max_num_queries(6):
        assert client.get("/tinh-toan/tham-so/").status_code == 200


def test_office_menu_links_to_the_parameter_list(client, union_officer):
    client.force_login(union_officer)
    assert "/tinh-toan/tham-so/" in client.get("/office/").content.decode()


def test_view_parameters_is_granted_to_office_roles_only():
    from lantoa.orgs.access import POLICY

    assert "legal.view_parameters" in POLICY[Role.UNION_OFFICER]
    assert "legal.view_parameters" in POLICY[Role.MONITOR]
    assert "legal.view_parameters" not in POLICY[Role.WORKER]
    assert "legal.view_parameters" not in POLICY[Role.EMPLOYER]


def test_article_98_links_to_the_overtime_calculator():
    from lantoa.core import registry

    assert registry.provision_tools(document_number="45/2019/QH14", article_number="98") == [
        ("Tính tiền làm thêm giờ, làm đêm", "/tinh-toan/lam-them-gio/")
    ]
    assert registry.provision_tools(document_number="45/2019/QH14", article_number="1") == []


def test_calculator_pages_list_the_articles_they_apply(client, db):
    body = client.get("/tinh-toan/lam-them-gio/").content.decode()
    assert 'href="/phap-luat/45-2019-qh14/dieu-98"' in body
    assert 'href="/phap-luat/45-2019-qh14/dieu-107"' in body


def test_minimum_wage_form_says_which_region_the_enterprise_gives(client, enterprise_b):
    client.get(f"/e/{enterprise_b.public_code}")
    body = client.get("/tinh-toan/luong-toi-thieu/").content.decode()
    assert "vùng được lấy theo nơi hoạt động của Công ty B ở Rạch Giá (hiện là vùng II)" in body


def test_minimum_wage_page_keeps_the_2025_minimum_for_a_worker_hired_before_2026(client, parameters):
    query = {"wage": "4.800.000", "on": "10/02/2026", "basis": "month", "region": "2"}
    query |= {"hired_on": "01/06/2025", "region_2025": "1"}
    body = client.get("/tinh-toan/luong-toi-thieu/", query).content.decode()
    assert "4.960.000 đ" in body and "Điều 5 khoản 5" in body
    assert "160.000 đ" in body


def test_arrears_page_applies_the_2025_minimum_kept_for_a_worker_hired_before_2026(client, parameters):
    query = {"start": "12/2025", "end": "02/2026", "wage": "4.800.000", "region": "2"}
    query |= {"hired_on": "01/06/2025", "region_2025": "1"}
    body = client.get("/tinh-toan/truy-linh-luong/", query).content.decode()
    assert "480.000 đ" in body and "Điều 5 khoản 5" in body


def test_minimum_wage_page_converts_a_daily_wage_and_refuses_zero_days(client, parameters):
    query = {"wage": "180.000", "on": "02/03/2026", "basis": "day", "region": "2", "normal_days": "26"}
    body = client.get("/tinh-toan/luong-toi-thieu/", query).content.decode()
    assert "4.680.000 đ" in body and "Điều 4 khoản 3" in body
    body = client.get("/tinh-toan/luong-toi-thieu/", {**query, "normal_days": "0"}).content.decode()
    assert "Số này phải lớn hơn 0." in body and "ket-qua" not in body


def test_unemployment_page_shows_amount_months_first_day_and_articles(client, parameters):
    query = {
        "job_ended_on": "15/03/2026",
        "contribution_months": "50",
        "average_wage": "8.000.000",
        "filed_on": "20/03/2026",
        "region": "2",
    }
    body = client.get("/tinh-toan/tro-cap-that-nghiep/", query).content.decode()
    assert "4.800.000 đ" in body
    assert "4 tháng" in body
    assert "03/04/2026" in body
    assert "Điều 39 khoản 1" in body
    assert 'href="/phap-luat/74-2025-qh15/dieu-39"' in body


def test_money_placeholder_is_a_minimum_wage_an_giang_has(client, db):
    body = client.get("/tinh-toan/bao-hiem/").content.decode()
    assert 'placeholder="4.730.000"' in body  # region II 2026; An Giang has regions II to IV, not I
    assert "5.310.000" not in body
