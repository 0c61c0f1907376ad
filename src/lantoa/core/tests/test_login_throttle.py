"""Login throttling: five wrong passwords for one phone from one address lock that pair out for 15 minutes."""

import logging
from io import StringIO
from typing import Any

import pytest
import time_machine
from django.core.cache import cache
from django.core.management import CommandError, call_command
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


def test_an_administrator_lifts_the_lock_of_one_number_from_one_address(client, official, caplog):
    page = reverse("orgs:login")
    for address in ("203.0.113.7", "198.51.100.4"):
        for _ in range(5):
            attempt(client, page, official.username, "sai-mat-khau", address=address)
        assert attempt(client, page, official.username, PASSWORD, address=address).status_code == 429
    out = StringIO()
    with caplog.at_level(logging.INFO):
        call_command("unlock_login", official.username, "--address", " 203.0.113.7 ", stdout=out)
    assert "Đã mở khóa đăng nhập của số này từ địa chỉ 203.0.113.7." in out.getvalue()
    logged = "\n".join(record.getMessage() + str(record.__dict__) for record in caplog.records)
    assert "login lock per address lifted" in logged
    assert "203.0.113.7" not in logged and official.username not in logged
    assert attempt(client, page, official.username, PASSWORD, address="198.51.100.4").status_code == 429
    response = attempt(client, page, official.username, PASSWORD, address="203.0.113.7")
    assert response.status_code == 302 and client.session["_auth_user_id"] == str(official.pk)


def test_the_address_is_read_as_the_site_reads_it_and_a_wrong_one_is_refused(client, official):
    page = reverse("orgs:login")
    for _ in range(5):
        attempt(client, page, official.username, "sai-mat-khau", address="2001:db8::7")
    out = StringIO()
    call_command("unlock_login", official.username, "--address", "2001:DB8:0::7", stdout=out)
    assert "từ địa chỉ 2001:db8::7." in out.getvalue()
    assert attempt(client, page, official.username, PASSWORD, address="2001:db8::7").status_code == 302
    call_command("unlock_login", official.username, "--address", "2001:db8::7", stdout=out)
    assert "Số này không bị khóa từ địa chỉ 2001:db8::7" in out.getvalue()
    with pytest.raises(CommandError, match="không phải là một địa chỉ IP"):
        call_command("unlock_login", official.username, "--address", "máy-của-tôi")
