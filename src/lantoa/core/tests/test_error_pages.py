"""Error answers: JSON with a Vietnamese detail under /api/, a Vietnamese page in the right layout elsewhere."""

import json

import pytest
from django.test import RequestFactory, override_settings

from lantoa.core import views


@pytest.mark.parametrize("debug", [True, False])
def test_a_post_to_an_unknown_api_path_without_slash_is_a_json_404(client, db, debug):
    with override_settings(DEBUG=debug):
        response = client.post("/api/v1/voice/nothing-here", {"a": "b"})
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert json.loads(response.content) == {"detail": "Không tìm thấy địa chỉ này.", "code": "not_found"}


def test_an_unknown_worker_page_is_a_vietnamese_404_in_the_worker_layout(client, db):
    response = client.get("/khong-co-trang-nay/")
    text = response.content.decode()
    assert response.status_code == 404
    assert "Không tìm thấy trang" in text
    assert "Cán bộ đăng nhập" in text


def test_an_unknown_office_page_is_a_404_in_the_office_layout(client, db):
    response = client.get("/office/khong-co/")
    assert response.status_code == 404
    assert "Lan Tỏa · Cán bộ" in response.content.decode()


@pytest.mark.parametrize(
    ("handler", "status", "heading"),
    [
        (lambda request: views.bad_request(request, ValueError()), 400, "Yêu cầu không hợp lệ"),
        (lambda request: views.permission_denied(request, PermissionError()), 403, "Không có quyền truy cập"),
        (views.server_error, 500, "Hệ thống đang gặp lỗi"),
    ],
)
def test_each_error_has_its_vietnamese_page_and_json(db, handler, status, heading):
    page = handler(RequestFactory().get("/hoc/"))
    assert page.status_code == status
    assert heading in page.content.decode()
    api = handler(RequestFactory().post("/api/v1/voice/reports"))
    assert api.status_code == status
    assert json.loads(api.content)["detail"]
