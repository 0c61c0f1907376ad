import pytest

from lantoa.calculators import services
from lantoa.calculators.forms import MinimumWageForm

API = "/api/v1/calculators"


@pytest.fixture
def parameters(db):
    services.parameters_load()


def test_unemployment_benefit_answers_amount_months_and_citations(client, parameters):
    response = client.get(
        f"{API}/unemployment-benefit",
        {"job_ended_on": "2026-03-15", "contribution_months": 50, "average_wage": 8_000_000, "region": "II"},
    )
    assert response.status_code == 200
    body = response.json()
    assert body["monthly_benefit"] == 4_800_000  # 60% × 8.000.000 under 5 × 4.730.000
    assert body["benefit_months"] == 4
    assert "Luật Việc làm 74/2025/QH15, Điều 39 khoản 1" in body["citations"]
    assert any(line["label"] == "Tổng trợ cấp nếu hưởng đủ" and line["amount"] == 19_200_000 for line in body["lines"])


def test_unemployment_benefit_before_2026_uses_the_2013_law_and_the_cap(client, parameters):
    body = client.get(
        f"{API}/unemployment-benefit",
        {"job_ended_on": "2025-12-10", "contribution_months": 36, "average_wage": 50_000_000, "region": "I"},
    ).json()
    assert body["monthly_benefit"] == 24_800_000  # 5 × 4.960.000
    assert body["benefit_months"] == 3
    assert "Luật Việc làm 38/2013/QH13, Điều 50 khoản 1" in body["citations"]


@pytest.mark.parametrize(
    "query",
    [
        {"job_ended_on": "15-03-2026x", "contribution_months": 50, "average_wage": 1, "region": "II"},
        {"job_ended_on": "2026-03-15", "contribution_months": 50, "average_wage": 8_000_000, "region": "V"},
        {"job_ended_on": "2026-03-15", "contribution_months": 9999, "average_wage": 8_000_000, "region": "II"},
    ],
)
def test_unemployment_benefit_refuses_bad_input_with_422_in_vietnamese(client, parameters, query):
    response = client.get(f"{API}/unemployment-benefit", query)
    assert response.status_code == 422
    detail = response.json()["detail"]
    assert any(word in detail for word in ("không hợp lệ", "Vùng", "nhỏ hơn hoặc bằng", "Số tháng"))


def test_every_calculator_is_in_the_openapi_schema(client, db):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    for name in ("minimum-wage", "arrears", "overtime", "leave", "severance", "insurance", "unemployment-benefit"):
        assert f"{API}/{name}" in paths


def test_each_calculator_documents_the_query_parameters_of_its_form(client, db):
    """A client reads what to send from the schema: the page form's fields, required ones marked, choices listed."""
    operation = client.get("/api/v1/openapi.json").json()["paths"][f"{API}/minimum-wage"]["get"]
    parameters = {item["name"]: item for item in operation["parameters"]}
    assert set(parameters) == set(MinimumWageForm.base_fields)
    assert parameters["wage"]["required"] and not parameters["hired_on"]["required"]
    assert parameters["on"]["schema"] == {"type": "string", "format": "date"}
    assert parameters["basis"]["schema"]["enum"] == ["month", "hour", "week", "day", "piece"]
    assert {"I", "4"} <= set(parameters["region"]["schema"]["enum"])
    months = client.get("/api/v1/openapi.json").json()["paths"][f"{API}/arrears"]["get"]["parameters"]
    assert months[0]["schema"]["pattern"] == r"^[0-9]{4}-(0[1-9]|1[0-2])$"


def test_insurance_api_uses_the_ceiling_in_force_on_the_month(client, parameters):
    body = client.get(f"{API}/insurance", {"start": "2026-07", "salary": "100000000", "region": "II"}).json()
    ceiling = next(line for line in body["lines"] if line["label"] == "Trần lương đóng BHXH")
    assert ceiling["amount"] == 50_600_000
    assert any(c.startswith("Nghị định 161/2026/NĐ-CP") for c in body["citations"])


def test_overtime_api_refuses_a_bad_wage_with_the_pages_message(client, parameters):
    response = client.get(f"{API}/overtime", {"wage": "5.31", "weekday_hours": "hai", "on": "2026-02-10"})
    assert response.status_code == 422
    assert response.json()["code"] == "invalid_input"
