"""Every menu link an official sees opens for them: no 403 or 404 behind a link, for each role of the demo."""

import re

import pytest

from lantoa.orgs import services
from lantoa.orgs.models import OrgUnit, Role

NAV = re.compile(r"<nav\b.*?</nav>|<ul class=\"tiles\">.*?</ul>|<p><a href=\"\?unit=.*?</p>", re.S)
HREF = re.compile(r'href="([/?][^"#]*)"')


def menu_links(html: str, *, on: str) -> set[str]:
    hrefs = {href.replace("&amp;", "&") for block in NAV.findall(html) for href in HREF.findall(block)}
    return {on.split("?")[0] + href if href.startswith("?") else href for href in hrefs}


@pytest.fixture
def officials(province, labour_federation, propaganda_board, enterprise_a, commune, make_official):
    union, _created = services.unit_save(
        code="CDCS-A", name="Công đoàn cơ sở A", kind=OrgUnit.Kind.GRASSROOTS_UNION, parent=enterprise_a.unit
    )
    return {
        "monitor": make_official(unit=propaganda_board, role=Role.MONITOR),
        "federation officer": make_official(unit=labour_federation, role=Role.UNION_OFFICER),
        "commune officer": make_official(unit=commune("Xã Bình Hòa"), role=Role.UNIT_ADMIN),
        "ward officer": make_official(unit=commune("Phường Rạch Giá"), role=Role.UNIT_ADMIN),
        "grassroots union officer": make_official(unit=union, role=Role.UNION_OFFICER),
        "employer": make_official(unit=enterprise_a.unit, role=Role.EMPLOYER),
        "legal adviser": make_official(unit=labour_federation, role=Role.LEGAL_ADVISER),
        "editor": make_official(unit=propaganda_board, role=Role.EDITOR),
        "reviewer": make_official(unit=labour_federation, role=Role.REVIEWER),
        "propagandist": make_official(unit=labour_federation, role=Role.PROPAGANDIST),
        "worker": make_official(unit=enterprise_a.unit, role=Role.WORKER),
    }


def test_every_menu_link_opens_for_the_role_that_sees_it(client, officials):
    broken = []
    for name, user in officials.items():
        client.force_login(user)
        seen, queue = set(), ["/office/"]
        while queue:
            url = queue.pop()
            if url in seen or url.startswith(("/cms/", "/django-admin/", "/office/logout")):
                continue
            seen.add(url)
            response = client.get(url)
            if response.status_code in (403, 404):
                broken.append((name, url, response.status_code))
            elif response.status_code == 200 and '<body class="office"' in response.content.decode():
                queue.extend(menu_links(response.content.decode(), on=url) - seen)
        client.logout()
    assert broken == [], broken
