"""Error answers: JSON with a Vietnamese detail under /api/, a Vietnamese page in the right layout elsewhere."""

import json

import pytest
from django.test import Client, RequestFactory, override_settings

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


@pytest.mark.parametrize("debug", [True, False])
@pytest.mark.parametrize("path", ["/api/v1/nonexistent", "/api/v1/nonexistent/", "/api/khong-co", "/api/v1/voice/x"])
def test_a_post_to_an_unknown_api_path_is_a_json_404_not_a_csrf_page(db, debug, path):
    client = Client(enforce_csrf_checks=True)  # a real API caller: no CSRF cookie, no token
    with override_settings(DEBUG=debug):
        response = client.post(path, {"a": "b"})
    assert response.status_code == 404
    assert json.loads(response.content) == {"detail": "Không tìm thấy địa chỉ này.", "code": "not_found"}


def test_a_csrf_failure_under_api_answers_json_in_vietnamese(db):
    response = views.csrf_failure(RequestFactory().post("/api/v1/voice/reports"), reason="CSRF cookie not set.")
    assert response.status_code == 403
    assert json.loads(response.content)["code"] == "csrf_failed"
    assert "Hãy tải lại trang" in json.loads(response.content)["detail"]


@pytest.mark.parametrize("debug", [True, False])
@pytest.mark.parametrize("path", ["/hoc", "/office/khong-co", "/khong-co-trang?x=1"])
def test_a_post_to_a_page_without_its_slash_is_sent_on_with_method_and_body(db, debug, path):
    client = Client(enforce_csrf_checks=True, raise_request_exception=False)
    with override_settings(DEBUG=debug):
        response = client.post(path, {"a": "b"})
    assert response.status_code == 308  # not Django's RuntimeError (a 500 with DEBUG on), nor a 301 that drops the post
    base, _sep, query = path.partition("?")
    assert response["Location"] == base + "/" + (f"?{query}" if query else "")


def test_a_get_without_its_slash_still_gets_the_usual_redirect(db):
    response = Client().get("/hoc")
    assert (response.status_code, response["Location"]) == (301, "/hoc/")
