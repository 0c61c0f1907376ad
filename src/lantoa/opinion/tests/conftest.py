"""Rumour desk personas: the library's small fixture documents, a desk officer and a grassroots propagandist."""

from collections.abc import Callable

import pytest

from lantoa.legal.models import Provision
from lantoa.legal.tests.factories import import_library
from lantoa.orgs.models import OrgUnit, Role, User


@pytest.fixture
def library(db: None) -> None:
    import_library()


@pytest.fixture
def bhxh_article(library: None) -> Provision:
    return Provision.objects.get(document__number="41/2024/QH15", kind=Provision.Kind.ARTICLE, number="1")


@pytest.fixture
def desk_officer(propaganda_board: OrgUnit, make_official: Callable[..., User]) -> User:
    return make_official(unit=propaganda_board, role=Role.MONITOR, name="Cán bộ Ban Tuyên giáo")
