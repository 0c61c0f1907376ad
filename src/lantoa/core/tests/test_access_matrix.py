"""Every office page, for anonymous and each role: never a 5xx, closed to whoever lacks access, and an empty POST
(what a probe sends) writes nothing anywhere."""

import re

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from lantoa.core.tests.support import row_counts
from lantoa.orgs import services as org_services
from lantoa.orgs.models import OrgUnit, Role


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
        response = client.get(path)
        status = response.status_code
        pending = status == 503 and response.has_header("Retry-After")  # a file not built yet (core.public_files)
        assert status < 500 or pending, (role, path, status)
        if role is None and not path.startswith("/office/login/"):
            assert status in (302, 403, 404), (path, status)


def office_routes(patterns: list, prefix: str = "") -> list[str]:
    """Every office route, parameters filled with a case that belongs to another enterprise (see the test)."""
    routes = []
    for entry in patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            routes += office_routes(entry.url_patterns, route)
        elif "office/" in route and "logout" not in route and "^" not in route:
            routes.append("/" + route)
    return routes


def _filled(route: str, pk: int) -> str:
    return re.sub(r"<int:\w+>", str(pk), re.sub(r"<(?:str:|slug:)?\w+>", "x", re.sub(r"<int:\w+>", str(pk), route)))


# Rows a refused or empty POST may still leave: sessions, login throttling, and the audit trail of an official who
# opened a case in their scope (every read of a report is logged, voice.ReportReadLog).
BOOKKEEPING = {"sessions.Session", "axes.AccessAttempt", "axes.AccessLog", "axes.AccessFailureLog"}
AUDIT = {"voice.ReportReadLog"}


def test_an_empty_post_to_any_office_url_writes_nothing_and_never_fails(
    client, make_official, labour_federation, make_enterprise
):
    """One test for every role (the fixtures cost more than the requests): anonymous, each role at the Labour
    Federation, and a grassroots officer of another enterprise, who must not even leave a read log."""
    from lantoa.voice.services.reports import report_submit

    other = make_enterprise(name="Công ty Ngoài Phạm Vi")
    case = report_submit(category="khac", text="Phản ánh của doanh nghiệp khác.", enterprise=other).report
    paths = sorted({_filled(route, case.pk) for route in office_routes(get_resolver().url_patterns)})
    assert len(paths) > 20
    mine = make_enterprise(name="Công ty Của Tôi")
    union, _created = org_services.unit_save(
        code="CDCS-MINE", name="CĐCS Công ty Của Tôi", kind=OrgUnit.Kind.GRASSROOTS_UNION, parent=mine.unit
    )
    outsider = make_official(unit=union, role=Role.UNION_OFFICER)
    personas = [(None, None), *((role, make_official(unit=labour_federation, role=role)) for role in Role.values)]
    for role, official in [*personas, ("outsider", outsider)]:
        client.logout()
        if official:
            client.force_login(official)
        before = row_counts()
        for path in paths:
            status = client.post(path, {}).status_code
            assert status < 500, (role, path, status)
            if role is None and not path.startswith("/office/login/"):
                assert status in (302, 403, 404, 405), (path, status)
        allowed = BOOKKEEPING | (AUDIT if role not in (None, "outsider") else set())
        changed = {label for label, count in row_counts().items() if count != before[label]} - allowed
        assert not changed, (role, changed)
