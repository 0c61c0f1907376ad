"""Login throttling hooks for django-axes: what a log line may say (the address is `core.clients.client_address`)."""

from django.http import HttpRequest


def client_str(username: str, ip_address: str, user_agent: str, path_info: str, request: HttpRequest) -> str:
    """How axes names an attempt in its log lines: the login page only, never the phone number, address or browser."""
    return f"a login at {path_info}"
