"""The per-account lock: wrong passwords for one phone number from many addresses stop its password sign-in."""

import re
from io import StringIO
from typing import Any

import pytest
import time_machine
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from lantoa.orgs.models import Role

PASSWORD = "mat-khau-thu"
WRONG = "sai-mat-khau"
PAGE = reverse("orgs:login")
ACCOUNT_LOCK_TEXT = "tạm dừng 30 phút, từ mọi mạng và mọi máy"


@pytest.fixture
def official(make_official, labour_federation):
    return make_official(unit=labour_federation, role=Role.UNION_OFFICER)


def guess(client: Client, username: str, password: str = WRONG, address: str = "203.0.113.250") -> Any:
    return client.post(PAGE, {"username": username, "password": password}, REMOTE_ADDR=address)


def guess_from_many_addresses(client: Client, username: str, count: int) -> list[int]:
    """A new address every four tries: the per-address lock (five) never trips."""
    return [guess(client, username, address=f"198.51.100.{number // 4}").status_code for number in range(count)]


def lock_text(response: Any) -> str:
    return " ".join(re.findall(r"<p>(.*?)</p>", response.content.decode(), flags=re.S))


def test_twenty_failures_from_rotating_addresses_lock_the_number_even_for_the_right_password(
    client, official, settings
):
    assert settings.LOGIN_ACCOUNT_FAILURE_LIMIT == 20
    statuses = guess_from_many_addresses(client, official.username, 20)
    assert statuses == [200] * 19 + [429]
    response = guess(client, official.username, PASSWORD, address="192.0.2.1")
    assert response.status_code == 429
    assert ACCOUNT_LOCK_TEXT in response.content.decode()
    assert "quản trị viên của đơn vị để mở khóa" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_a_number_without_an_account_is_locked_with_the_same_page(client, official):
    guess_from_many_addresses(client, official.username, 20)
    guess_from_many_addresses(client, "0999999999", 20)
    for_account = guess(client, official.username, address="192.0.2.1")
    for_nobody = guess(client, "0999999999", address="192.0.2.1")
    assert for_account.status_code == for_nobody.status_code == 429
    assert lock_text(for_account) == lock_text(for_nobody)
    assert official.username not in for_account.content.decode()


def test_the_lock_holds_one_number_only(client, official, make_official, labour_federation):
    colleague = make_official(unit=labour_federation, role=Role.UNION_OFFICER)
    guess_from_many_addresses(client, official.username, 20)
    assert guess(client, colleague.username, PASSWORD, address="198.51.100.0").status_code == 302


def test_failures_older_than_the_window_do_not_add_up(client, official):
    with time_machine.travel("2026-03-02 08:00 +07:00", tick=False) as traveller:
        guess_from_many_addresses(client, official.username, 19)
        traveller.shift(61 * 60)
        assert guess(client, official.username, address="192.0.2.1").status_code == 200
        assert guess(client, official.username, PASSWORD, address="192.0.2.2").status_code == 302


def test_the_lock_ends_after_its_time_and_tries_during_it_do_not_extend_it(client, official):
    with time_machine.travel("2026-03-02 08:00 +07:00", tick=False) as traveller:
        guess_from_many_addresses(client, official.username, 20)
        traveller.shift(29 * 60)
        assert guess(client, official.username, PASSWORD, address="192.0.2.1").status_code == 429
        traveller.shift(2 * 60)
        response = guess(client, official.username, PASSWORD, address="192.0.2.2")
        assert response.status_code == 302
        assert client.session["_auth_user_id"] == str(official.pk)


def test_the_per_address_lock_still_holds_first(client, official):
    for _ in range(5):
        guess(client, official.username)
    response = guess(client, official.username, PASSWORD)
    assert response.status_code == 429
    assert "sai 5 lần liên tiếp" in response.content.decode()
    assert ACCOUNT_LOCK_TEXT not in response.content.decode()


def test_the_command_lifts_the_lock(client, official):
    guess_from_many_addresses(client, official.username, 20)
    out = StringIO()
    call_command("unlock_login", official.username, stdout=out)
    assert "Đã mở khóa: số này lại đăng nhập được bằng mật khẩu" in out.getvalue()
    assert guess(client, official.username, PASSWORD, address="192.0.2.1").status_code == 302


def test_an_administrator_lifts_the_lock_from_the_admin(client, admin_client, official):
    guess_from_many_addresses(client, official.username, 20)
    response = admin_client.post(
        "/django-admin/orgs/user/",
        {"action": "login_unlock", "_selected_action": [official.pk]},
        follow=True,
    )
    assert "Đã mở khóa 1 tài khoản." in response.content.decode()
    assert guess(client, official.username, PASSWORD, address="192.0.2.1").status_code == 302


def test_the_lock_holds_on_the_admin_login_page_too(client, official):
    guess_from_many_addresses(client, official.username, 20)
    response = client.post(
        "/django-admin/login/", {"username": official.username, "password": PASSWORD}, REMOTE_ADDR="192.0.2.1"
    )
    assert response.status_code == 429
    assert ACCOUNT_LOCK_TEXT in response.content.decode()
