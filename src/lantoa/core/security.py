"""Login throttling hooks for django-axes: which address counts, and what a log line may say."""

from django.http import HttpRequest


def client_address(request: HttpRequest) -> str:
    """The address a login attempt is counted against: the socket peer only, never a forwarded header.

    A client can write any `X-Forwarded-For` it likes, so trusting it would let an attacker rotate addresses.
    """
    return request.META.get("REMOTE_ADDR", "")


def client_str(username: str, ip_address: str, user_agent: str, path_info: str, request: HttpRequest) -> str:
    """How axes names an attempt in its log lines: the login page only, never the phone number, address or browser."""
    return f"a login at {path_info}"
