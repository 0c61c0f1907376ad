"""The "law as on" date in links and the search API: only a real day in dd/mm/yyyy or yyyy-mm-dd is read."""

import pytest
from django.test import Client

from lantoa.legal.tests.factories import import_library

HOSTILE = ["1.19e-07", "2026-13-01", "99999-01-01", "x" * 20_000]
INVALID = "Ngày không hợp lệ: hãy nhập theo dạng ngày/tháng/năm, ví dụ 15/01/2026."


@pytest.mark.parametrize("on", HOSTILE, ids=lambda value: value[:12])
def test_search_page_shows_the_date_error_instead_of_answers(db: None, client: Client, on: str) -> None:
    response = client.get("/phap-luat/hoi/", {"q": "làm thêm giờ tối đa", "on": on})
    page = response.content.decode()
    assert response.status_code == 200
    assert INVALID in page and 'aria-invalid="true"' in page
    assert "Chỉ hiện điều luật đang có hiệu lực" not in page


def test_search_page_with_an_empty_date_answers_for_today(db: None, client: Client) -> None:
    page = client.get("/phap-luat/hoi/", {"q": "làm thêm giờ tối đa", "on": ""}).content.decode()
    assert "Chỉ hiện điều luật đang có hiệu lực" in page and INVALID not in page


@pytest.mark.parametrize("ngay", HOSTILE, ids=lambda value: value[:12])
def test_article_link_with_a_broken_date_is_a_400_page_that_says_why(db: None, client: Client, ngay: str) -> None:
    import_library()
    response = client.get("/phap-luat/45-2019-qh14/dieu-107", {"ngay": ngay})
    assert response.status_code == 400
    assert INVALID in response.content.decode()


def test_article_link_with_a_year_out_of_range_names_the_years(db: None, client: Client) -> None:
    import_library()
    response = client.get("/phap-luat/45-2019-qh14/dieu-107", {"ngay": "01/01/0001"})
    assert response.status_code == 400 and "Năm phải từ 1900 đến 2100." in response.content.decode()


@pytest.mark.parametrize("on", [*HOSTILE, ""], ids=lambda value: value[:12])
def test_search_api_refuses_a_broken_date_with_the_vietnamese_422(db: None, client: Client, on: str) -> None:
    response = client.get("/api/v1/legal/search", {"q": "làm thêm giờ", "on": on})
    body = response.json()
    assert response.status_code == 422 and body["code"] == "invalid_input"
    assert body["detail"] == f"Dữ liệu gửi lên không hợp lệ (trường: on). {INVALID}"


def test_search_api_reads_a_day_month_year_date(db: None, client: Client) -> None:
    response = client.get("/api/v1/legal/search", {"q": "làm thêm giờ", "on": "05/01/2026"})
    assert response.status_code == 200 and response.json()["on"] == "2026-01-05"
