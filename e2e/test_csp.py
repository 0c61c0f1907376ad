"""Content-Security-Policy: the worker and office journeys load without a single blocked resource or script."""

import pytest
from django.urls import reverse

from lantoa.orgs.models import Role

WORKER_PAGES = [
    "/",
    reverse("legal:search") + "?q=l%C6%B0%C6%A1ng+t%E1%BB%91i+thi%E1%BB%83u",
    "/tinh-toan/luong-toi-thieu/",
    reverse("voice:report-new"),
    reverse("voice:follow"),
    reverse("opinion:claim-new"),
    reverse("opinion:claim-follow"),
    reverse("legal:handbook") + "?q=nghi+phep",
    reverse("content:offline"),
]


@pytest.fixture
def bypass_csp() -> bool:
    return False


def watch_violations(page) -> list[str]:
    """Collect what the browser blocked, from the DOM event and from the console."""
    seen: list[str] = []
    page.on("console", lambda message: seen.append(message.text) if message.type == "error" else None)
    page.add_init_script(
        "document.addEventListener('securitypolicyviolation', e =>"
        " console.error('CSP ' + e.violatedDirective + ' ' + e.blockedURI));"
    )
    return seen


def test_worker_pages_pass_the_policy(page, enterprise_a):
    violations = watch_violations(page)
    for path in WORKER_PAGES:
        response = page.goto(f"{page.base_url}{path}")
        assert response.status == 200, path
        assert "default-src 'self'" in response.headers["content-security-policy"]
        page.wait_for_load_state("networkidle")
    assert violations == []


@pytest.mark.parametrize("role", [Role.UNION_OFFICER])
def test_the_office_dashboard_passes_the_policy(page, make_official, labour_federation, role):
    official = make_official(unit=labour_federation, role=role)
    violations = watch_violations(page)
    page.goto(f"{page.base_url}{reverse('orgs:login')}")
    page.fill("#id_username", official.username)
    page.fill("#id_password", "mat-khau-thu")
    page.click("button[type=submit]")
    page.wait_for_url(f"{page.base_url}{reverse('orgs:office-home')}")
    page.wait_for_load_state("networkidle")
    assert violations == []
