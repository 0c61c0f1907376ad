"""Login throttling: five wrong passwords for one phone from one address lock that pair out for 15 minutes."""

import logging
from typing import Any

import pytest
import time_machine
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from lantoa.orgs.models import Role

PASSWORD = "mat-khau-thu"
LOGIN_PAGES = [reverse("orgs:login"), "/django-admin/login/"]  # Wagtail's sends editors to the first


@pytest.fixture(autouse=True)
def fresh_counts() -> None:
    cache.clear()


@pytest.fixture
def official(make_official, labour_federation):
    return make_official(unit=labour_federation, role=Role.UNION_OFFICER)


def attempt(
    client: Client, page: str, username: str, password: str, address: str = "203.0.113.7", **headers: Any
) -> Any:  # the test client's response
    return client.post(page, {"username": username, "password": password}, REMOTE_ADDR=address, **headers)


@pytest.mark.parametrize("page", LOGIN_PAGES)
def test_five_failures_lock_out_even_the_right_password_with_a_vietnamese_page(client, official, page):
    for _ in range(4):
        assert attempt(client, page, official.username, "sai-mat-khau").status_code == 200
    assert attempt(client, page, official.username, "sai-mat-khau").status_code == 429
    response = attempt(client, page, official.username, PASSWORD)
    assert response.status_code == 429
    text = response.content.decode()
    assert "Tạm khóa đăng nhập" in text
    assert "15 phút" in text
    assert "_auth_user_id" not in client.session


def test_the_lock_ends_after_the_cool_off(client, official):
    page = reverse("orgs:login")
    with time_machine.travel("2026-03-02 08:00 +07:00", tick=False) as traveller:
        for _ in range(5):
            attempt(client, page, official.username, "sai-mat-khau")
        assert attempt(client, page, official.username, PASSWORD).status_code == 429
        traveller.shift(16 * 60)
        response = attempt(client, page, official.username, PASSWORD)
        assert response.status_code == 302
        assert client.session["_auth_user_id"] == str(official.pk)


def test_a_success_resets_the_count(client, official):
    page = reverse("orgs:login")
    for _ in range(4):
        attempt(client, page, official.username, "sai-mat-khau")
    assert attempt(client, page, official.username, PASSWORD).status_code == 302
    client.logout()
    for _ in range(4):
        attempt(client, page, official.username, "sai-mat-khau")
    assert attempt(client, page, official.username, PASSWORD).status_code == 302


def test_the_lock_holds_one_phone_from_one_address_only(client, official, make_official, labour_federation):
    page = reverse("orgs:login")
    colleague = make_official(unit=labour_federation, role=Role.UNION_OFFICER)
    for _ in range(5):
        attempt(client, page, official.username, "sai-mat-khau")
    assert attempt(client, page, colleague.username, PASSWORD).status_code == 302
    client.logout()
    assert attempt(client, page, official.username, PASSWORD, address="198.51.100.9").status_code == 302


def test_a_forged_forwarded_header_does_not_reset_the_count(client, official):
    page = reverse("orgs:login")
    for number in range(5):
        attempt(client, page, official.username, "sai-mat-khau", HTTP_X_FORWARDED_FOR=f"10.0.0.{number}")
    response = attempt(client, page, official.username, PASSWORD, HTTP_X_FORWARDED_FOR="10.0.0.99")
    assert response.status_code == 429


def test_log_lines_carry_neither_phone_nor_address_nor_browser(client, official, caplog):
    page = reverse("orgs:login")
    with caplog.at_level(logging.DEBUG):
        for _ in range(6):
            attempt(client, page, official.username, "sai-mat-khau", HTTP_USER_AGENT="NokiaBrowser/7.4")
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert "Locking out" in logged
    assert official.username not in logged
    assert "203.0.113.7" not in logged
    assert "NokiaBrowser" not in logged
