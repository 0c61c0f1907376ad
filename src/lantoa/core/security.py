"""Login throttling: django-axes' hooks (the address is `core.clients.client_address`) and the per-account lock.

Axes counts failures per phone number *and* address. Someone who changes address after every few guesses is
counted by the per-account lock instead: LOGIN_ACCOUNT_FAILURE_LIMIT wrong passwords for one phone number, from any
address, within LOGIN_ACCOUNT_WINDOW_MINUTES stop password sign-in for that number for LOGIN_ACCOUNT_LOCK_MINUTES.
Any typed number is counted, whether or not an account has it, so the lock says nothing about who has an account.
The cache holds only a keyed hash of the number.

Either lock ends by itself; an administrator lifts it sooner (`manage.py unlock_login`, the admin's action for the
per-account one). Axes' lock is keyed by the number and the address together, so lifting it takes both.
"""

import ipaddress
import logging
from http import HTTPStatus
from typing import Any

from axes.helpers import get_cache, get_client_cache_keys
from axes.models import AccessAttempt
from axes.utils import reset
from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.crypto import salted_hmac

LOCKOUT_TEMPLATE = "core/lockout.html"
logger = logging.getLogger(__name__)


def client_str(username: str, ip_address: str, user_agent: str, path_info: str, request: HttpRequest) -> str:
    """How axes names an attempt in its log lines: the login page only, never the phone number, address or browser."""
    return f"a login at {path_info}"


def _key(kind: str, username: str) -> str:
    return f"login-account:{kind}:{salted_hmac('lantoa.core.security.account', username).hexdigest()}"


def account_is_locked(*, username: str) -> bool:
    return cache.get(_key("lock", username)) is not None


def account_failure_record(*, username: str) -> bool:
    """One wrong password for `username`; True when this failure locks the number."""
    count_key = _key("failures", username)
    if cache.add(count_key, 1, timeout=settings.LOGIN_ACCOUNT_WINDOW_MINUTES * 60):
        failures = 1
    else:
        try:
            failures = cache.incr(count_key)
        except ValueError:  # the window ended between add and incr
            cache.add(count_key, 1, timeout=settings.LOGIN_ACCOUNT_WINDOW_MINUTES * 60)
            failures = 1
    if failures < settings.LOGIN_ACCOUNT_FAILURE_LIMIT:
        return False
    cache.set(_key("lock", username), 1, timeout=settings.LOGIN_ACCOUNT_LOCK_MINUTES * 60)
    cache.delete(count_key)
    return True


def account_lock_lift(*, username: str) -> bool:
    """An administrator lifts the per-account lock and its count; True when the number was locked."""
    was_locked = account_is_locked(username=username)
    cache.delete_many([_key("lock", username), _key("failures", username)])
    return was_locked


def address_of(text: str) -> str:
    """An address as the site reads it (`core.clients.client_address`), from what an administrator typed;
    ValueError when it is not one."""
    return str(ipaddress.ip_address(text.strip()))


def address_lock_lift(*, username: str, address: str) -> bool:
    """An administrator lifts axes' lock of `username` tried from `address`, and its count; True when the pair was
    locked. Logged without the number or the address."""
    attempt = AccessAttempt(username=username, ip_address=address_of(address))
    failures = [get_cache().get(key, 0) for key in get_client_cache_keys(attempt)]
    was_locked = any(count >= settings.AXES_FAILURE_LIMIT for count in failures)
    reset(ip=attempt.ip_address, username=username)
    logger.info("login lock per address lifted by an administrator", extra={"was_locked": was_locked})
    return was_locked


def _deny(request: HttpRequest | None) -> None:
    if request is not None:
        request.login_account_locked = True  # type: ignore[attr-defined]
        request.axes_locked_out = True  # type: ignore[attr-defined]  # AxesMiddleware answers with the lockout page


class AccountLockBackend:
    """Placed after axes' backend and before ModelBackend: a locked number's password is not even checked.

    No `get_user`: a session is never this backend's, and `Client.force_login` picks the first backend that has one."""

    def authenticate(
        self, request: HttpRequest | None, username: str | None = None, password: str | None = None, **kwargs: Any
    ) -> None:
        if username is None:
            return None
        if account_is_locked(username=username):
            _deny(request)
            raise PermissionDenied  # `authenticate` stops here and sends `user_login_failed`
        if request is not None:
            request.login_password_checked_for = username  # type: ignore[attr-defined]
        return None


def login_failed(sender: Any, credentials: dict[str, Any], request: HttpRequest | None = None, **kwargs: Any) -> None:
    """`user_login_failed`: count a password that was really tried (not one refused by a lock)."""
    username = credentials.get("username")
    if request is None or username is None or getattr(request, "login_password_checked_for", None) != username:
        return
    if account_failure_record(username=username):
        _deny(request)


def lockout_response(
    request: HttpRequest, original_response: HttpResponse | None, credentials: dict[str, Any] | None
) -> HttpResponse:
    """AXES_LOCKOUT_CALLABLE: the Vietnamese page for either lock."""
    if getattr(request, "login_account_locked", False):
        context = {"account_locked": True, "minutes": settings.LOGIN_ACCOUNT_LOCK_MINUTES}
    else:
        context = {
            "failure_limit": settings.AXES_FAILURE_LIMIT,
            "minutes": int(settings.AXES_COOLOFF_TIME.total_seconds() // 60),
        }
    return render(request, LOCKOUT_TEMPLATE, context, status=HTTPStatus.TOO_MANY_REQUESTS)
