"""Personas shared by every app's tests: a province with its bodies, enterprises and officials."""

from collections.abc import Callable, Iterator

import pytest
from django.core.cache import cache

from lantoa.orgs import services
from lantoa.orgs.models import Enterprise, OrgUnit, Role, User


@pytest.fixture(autouse=True)
def fresh_cache() -> Iterator[None]:
    """Each test starts with an empty cache: a page or a rate bucket cached by another test is not this one's."""
    yield
    cache.clear()


@pytest.fixture
def province(db: None) -> OrgUnit:
    services.admin_units_sync()
    services.minimum_wage_zones_load()
    return services.province_get()


@pytest.fixture
def commune(province: OrgUnit) -> Callable[[str], OrgUnit]:
    return lambda name: OrgUnit.objects.get(name=name)


@pytest.fixture
def labour_federation(province: OrgUnit) -> OrgUnit:
    unit, _created = services.unit_save(
        code="LDLD", name="Liên đoàn Lao động tỉnh", kind=OrgUnit.Kind.LABOUR_FEDERATION, parent=province
    )
    return unit


@pytest.fixture
def propaganda_board(province: OrgUnit) -> OrgUnit:
    unit, _created = services.unit_save(
        code="BTGDV", name="Ban Tuyên giáo và Dân vận", kind=OrgUnit.Kind.PROPAGANDA_BOARD, parent=province
    )
    return unit


@pytest.fixture
def make_enterprise(province: OrgUnit) -> Callable[..., Enterprise]:
    counter = iter(range(1, 10_000))

    def make(
        *, commune: str = "Xã Bình Hòa", zone: OrgUnit | None = None, workers: int = 300, **fields: object
    ) -> Enterprise:
        number = next(counter)
        enterprise, _created = services.enterprise_save(
            tax_code=str(fields.pop("tax_code", f"{1600000000 + number}")),
            name=str(fields.pop("name", f"Công ty Thử nghiệm {number}")),
            ownership=str(fields.pop("ownership", Enterprise.Ownership.PRIVATE)),
            commune=OrgUnit.objects.get(name=commune),
            zone=zone,
            worker_count=workers,
            **fields,
        )
        return enterprise

    return make


@pytest.fixture
def make_official(db: None) -> Callable[..., User]:
    counter = iter(range(1, 10_000))

    def make(*, unit: OrgUnit, role: str, name: str = "Cán bộ Thử nghiệm") -> User:
        person = services.person_with_login_create(
            full_name=name, phone=f"09{next(counter):08d}", password="mat-khau-thu", unit=unit, role=role
        )
        return person.user

    return make


@pytest.fixture
def enterprise_a(make_enterprise: Callable[..., Enterprise]) -> Enterprise:
    return make_enterprise(name="Công ty A ở Bình Hòa", commune="Xã Bình Hòa", tax_code="1600000101")


@pytest.fixture
def enterprise_b(make_enterprise: Callable[..., Enterprise]) -> Enterprise:
    return make_enterprise(name="Công ty B ở Rạch Giá", commune="Phường Rạch Giá", tax_code="1700000202")


@pytest.fixture
def union_officer(labour_federation: OrgUnit, make_official: Callable[..., User]) -> User:
    """A Labour Federation officer: acts over the whole province."""
    return make_official(unit=labour_federation, role=Role.UNION_OFFICER, name="Cán bộ LĐLĐ")


@pytest.fixture
def commune_officer(commune: Callable[[str], OrgUnit], make_official: Callable[..., User]) -> User:
    return make_official(unit=commune("Xã Bình Hòa"), role=Role.UNIT_ADMIN, name="Cán bộ xã Bình Hòa")


@pytest.fixture
def province_monitor(propaganda_board: OrgUnit, make_official: Callable[..., User]) -> User:
    return make_official(unit=propaganda_board, role=Role.MONITOR, name="Chuyên viên Ban Tuyên giáo")


@pytest.fixture
def employer(enterprise_a: Enterprise, make_official: Callable[..., User]) -> User:
    return make_official(unit=enterprise_a.unit, role=Role.EMPLOYER, name="Giám đốc nhân sự A")
