"""Every parameterless office page, for anonymous and each role: never a 5xx, and closed to whoever lacks access."""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from lantoa.orgs.models import Role


def parameterless_paths(patterns: list, prefix: str = "") -> list[str]:
    paths = []
    for entry in patterns:
        route = str(entry.pattern)
        if "<" in route or "(" in route or "^" in route or "$" in route:
            continue
        if isinstance(entry, URLResolver):
            paths += parameterless_paths(entry.url_patterns, prefix + route)
        elif isinstance(entry, URLPattern):
            paths.append("/" + prefix + route)
    return paths


OFFICE_PATHS = sorted(
    {path for path in parameterless_paths(get_resolver().url_patterns) if "/office/" in path and "logout" not in path}
)


def test_the_matrix_found_office_pages():
    assert len(OFFICE_PATHS) > 10


@pytest.mark.parametrize("role", [None, *Role.values])
def test_no_office_page_fails_and_anonymous_is_sent_to_login(client, make_official, labour_federation, role):
    if role:
        client.force_login(make_official(unit=labour_federation, role=role))
    for path in OFFICE_PATHS:
        status = client.get(path).status_code
        assert status < 500, (role, path, status)
        if role is None and not path.startswith("/office/login/"):
            assert status in (302, 403, 404), (path, status)
