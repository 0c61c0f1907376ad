"""Writes for the organisation tree, enterprises and people."""

import datetime as dt
import logging
import secrets
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from vietnam_provinces import Province, ProvinceCode, VietNamDivisionType, Ward

from lantoa.core.text import clean_line
from lantoa.orgs.models import Enterprise, Membership, MinimumWageZone, OrgUnit, Person, Role, User
from lantoa.orgs.validators import tax_code_problem
from lantoa.orgs.wage_regions import REGIONS_FILE, province_title, regions_file_read

logger = logging.getLogger(__name__)
PUBLIC_CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"  # no 0/O or 1/I: read aloud from a poster
# Nghị định 80/2021/NĐ-CP Điều 5: a small or medium enterprise has at most 200 insured workers (industry).
SME_MAX_WORKERS = 200
MIGRANT_HEAVY_SHARE = 0.3

_DIVISION_KINDS = {
    VietNamDivisionType.PHUONG: OrgUnit.Kind.WARD,
    VietNamDivisionType.XA: OrgUnit.Kind.COMMUNE,
    VietNamDivisionType.DAC_KHU: OrgUnit.Kind.SPECIAL_ZONE,
}


@dataclass(frozen=True)
class SyncResult:
    created: int
    updated: int


def _path_for(*, code: str, parent: OrgUnit | None) -> str:
    if "/" in code:
        raise ValidationError(_("Mã đơn vị không được chứa dấu “/”."), code="code_slash")
    return f"{parent.path if parent else '/'}{code}/"


def unit_save(
    *,
    code: str,
    name: str,
    kind: str,
    parent: OrgUnit | None,
    commune: OrgUnit | None = None,
    is_demo: bool = False,
) -> tuple[OrgUnit, bool]:
    """Create or update the unit with this code; returns (unit, created)."""
    code, name = clean_line(code), clean_line(name)
    if not code or not name:
        raise ValidationError(_("Đơn vị phải có mã và tên."), code="unit_incomplete")
    unit, created = OrgUnit.objects.update_or_create(
        code=code,
        defaults={
            "name": name,
            "kind": kind,
            "parent": parent,
            "path": _path_for(code=code, parent=parent),
            "commune": commune,
            "is_demo": is_demo,
        },
    )
    return unit, created


def province_code() -> int:
    """The province this installation serves (setting PROVINCE_CODE, a code of the 34 provinces since 01/07/2025)."""
    return int(settings.PROVINCE_CODE)


@transaction.atomic
def admin_units_sync() -> SyncResult:
    """Load the configured province and all its commune-level units from the vietnam-provinces package (keyed on codes)."""
    code = province_code()
    name = province_title(Province.from_code(ProvinceCode(code)))
    province, province_created = unit_save(code=str(code), name=name, kind=OrgUnit.Kind.PROVINCE, parent=None)
    created = int(province_created)
    updated = int(not province_created)
    for ward in Ward.iter_by_province(ProvinceCode(code)):
        kind = _DIVISION_KINDS[ward.division_type]
        unit, was_created = unit_save(code=str(ward.code.value), name=ward.name, kind=kind, parent=province)
        if kind == OrgUnit.Kind.SPECIAL_ZONE and not unit.is_island:
            unit.is_island = True
            unit.save(update_fields=["is_island"])
        created += was_created
        updated += not was_created
    return SyncResult(created=created, updated=updated)


def province_get() -> OrgUnit:
    return OrgUnit.objects.get(code=str(province_code()))


@transaction.atomic
def minimum_wage_zones_load(*, path: Path = REGIONS_FILE) -> int:
    """Assign each commune of the configured province its minimum-wage region from the decree annex file."""
    annex = regions_file_read(path)
    entry = annex.provinces.get(province_code())
    if entry is None:
        raise ValidationError(_("Tệp vùng lương tối thiểu không có tỉnh này."), code="province_not_in_annex")
    if entry.unmatched:
        logger.warning("wage-region names matching no unit", extra={"names": entry.unmatched})
    communes = {
        unit.name: unit for unit in OrgUnit.objects.filter(kind__in=OrgUnit.COMMUNE_KINDS, parent__code=entry.code)
    }
    listed = entry.region_of()
    unknown = sorted(set(listed) - set(communes))
    if unknown:
        raise ValidationError(
            _("Không tìm thấy đơn vị hành chính: %(names)s."),
            code="unknown_commune",
            params={"names": ", ".join(unknown)},
        )
    for name, commune in communes.items():
        MinimumWageZone.objects.update_or_create(
            commune=commune,
            valid_from=annex.valid_from,
            defaults={"region": listed.get(name, entry.default_region), "source": annex.source},
        )
    return len(communes)


class WageRegions:
    """Minimum-wage regions on one date, loaded once so a 20,000-row import asks the database once.

    Nghị định 293/2025/NĐ-CP Điều 3 khoản 3 điểm c: an employer in an industrial park or cluster spanning
    several regions applies the highest of them (the lowest number).
    """

    def __init__(self, *, on: dt.date) -> None:
        zones = MinimumWageZone.objects.filter(valid_from__lte=on).exclude(valid_to__lt=on)
        self._by_commune = {zone.commune_id: zone.region for zone in zones}
        self._zone_communes: dict[int, list[int]] = {}

    def _communes_of_zone(self, zone: OrgUnit) -> list[int]:
        if zone.pk not in self._zone_communes:
            spanned = list(zone.zone_communes.values_list("pk", flat=True))
            self._zone_communes[zone.pk] = [*spanned, zone.commune_id] if zone.commune_id else spanned
        return self._zone_communes[zone.pk]

    def region(self, *, commune: OrgUnit, zone: OrgUnit | None) -> int | None:
        commune_ids = [commune.pk, *(self._communes_of_zone(zone) if zone else [])]
        regions = [self._by_commune[pk] for pk in commune_ids if pk in self._by_commune]
        return min(regions) if regions else None


def public_code_new() -> str:
    return "".join(secrets.choice(PUBLIC_CODE_ALPHABET) for _ in range(6))


def enterprise_derive(enterprise: Enterprise, *, wage_regions: WageRegions) -> Enterprise:
    """Fill the fields that follow from the others: segment tags and minimum-wage region. Does not save."""
    commune = enterprise.commune
    enterprise.in_zone = enterprise.zone_id is not None
    enterprise.is_border = commune.is_border
    enterprise.is_island = commune.is_island
    enterprise.is_rural = commune.kind == OrgUnit.Kind.COMMUNE
    enterprise.is_sme = enterprise.worker_count <= SME_MAX_WORKERS
    enterprise.is_migrant_heavy = (
        enterprise.worker_count > 0 and enterprise.migrant_worker_count >= MIGRANT_HEAVY_SHARE * enterprise.worker_count
    )
    enterprise.minimum_wage_region = wage_regions.region(commune=commune, zone=enterprise.zone)
    return enterprise


def enterprise_counts_check(
    *, worker_count: int, female_worker_count: int, migrant_worker_count: int, union_member_count: int
) -> dict[str, str]:
    """Counts that cannot exceed the workforce; returns {field: message} for each broken one."""
    problems = {}
    limits = {
        "female_worker_count": (female_worker_count, _("Số lao động nữ không được lớn hơn tổng số lao động.")),
        "migrant_worker_count": (
            migrant_worker_count,
            _("Số lao động ngoại tỉnh không được lớn hơn tổng số lao động."),
        ),
        "union_member_count": (union_member_count, _("Số đoàn viên không được lớn hơn tổng số lao động.")),
    }
    for field, (value, message) in limits.items():
        if value > worker_count:
            problems[field] = message
    return problems


@transaction.atomic
def enterprise_save(
    *,
    tax_code: str,
    name: str,
    ownership: str,
    commune: OrgUnit,
    zone: OrgUnit | None = None,
    sector: str = "",
    worker_count: int = 0,
    female_worker_count: int = 0,
    migrant_worker_count: int = 0,
    union_member_count: int = 0,
    is_demo: bool = False,
) -> tuple[Enterprise, bool]:
    """Create or update an enterprise by tax code, with its place in the tree; returns (enterprise, created)."""
    tax_code = clean_line(tax_code)
    problem = tax_code_problem(tax_code)
    if problem:
        raise ValidationError(problem, code="tax_code_invalid")
    problems = enterprise_counts_check(
        worker_count=worker_count,
        female_worker_count=female_worker_count,
        migrant_worker_count=migrant_worker_count,
        union_member_count=union_member_count,
    )
    if problems:
        raise ValidationError(problems)
    existing = Enterprise.objects.select_related("unit").filter(tax_code=tax_code).first()
    unit, _created = unit_save(
        code=existing.unit.code if existing else f"DN-{tax_code}",
        name=name,
        kind=OrgUnit.Kind.ENTERPRISE,
        parent=commune,
        commune=commune,
        is_demo=is_demo,
    )
    enterprise = existing or Enterprise(unit=unit, tax_code=tax_code, public_code=public_code_new())
    enterprise.unit = unit
    for field, value in {
        "ownership": ownership,
        "sector": clean_line(sector),
        "commune": commune,
        "zone": zone,
        "worker_count": worker_count,
        "female_worker_count": female_worker_count,
        "migrant_worker_count": migrant_worker_count,
        "union_member_count": union_member_count,
    }.items():
        setattr(enterprise, field, value)
    enterprise_derive(enterprise, wage_regions=WageRegions(on=timezone.localdate()))
    enterprise.save()
    return enterprise, existing is None


@transaction.atomic
def person_with_login_create(
    *, full_name: str, phone: str, password: str, unit: OrgUnit, role: str, title: str = "", is_demo: bool = False
) -> Person:
    """A person who can log in with their phone number, holding one role in one unit (idempotent by phone)."""
    phone = clean_line(phone)
    user, user_created = User.objects.get_or_create(username=phone, defaults={"first_name": clean_line(full_name)})
    if user_created:
        user.set_password(password)
        user.save(update_fields=["password"])
    person, _created = Person.objects.update_or_create(
        user=user, defaults={"full_name": clean_line(full_name), "phone": phone, "is_demo": is_demo}
    )
    membership_grant(person=person, unit=unit, role=role, title=title)
    return person


def membership_grant(*, person: Person, unit: OrgUnit, role: str, title: str = "") -> Membership:
    if role not in Role.values:
        raise ValidationError(_("Vai trò không hợp lệ."), code="role_invalid")
    membership, _created = Membership.objects.update_or_create(
        person=person, unit=unit, role=role, defaults={"title": clean_line(title), "ended_on": None}
    )
    return membership


def superuser_ensure(*, username: str, password: str) -> User:
    """A site administrator for the CMS and the Django admin; an existing one keeps its password."""
    user, created = User.objects.get_or_create(username=username, defaults={"is_staff": True, "is_superuser": True})
    if created:
        user.set_password(password)
        user.save(update_fields=["password"])
    return user


def person_save(*, full_name: str, phone: str = "", is_demo: bool = False) -> Person:
    """A person without a login (a propagandist, a core worker), matched by phone number when one is given."""
    full_name, phone = clean_line(full_name), clean_line(phone)
    if not full_name:
        raise ValidationError(_("Hãy nhập họ và tên."), code="name_empty")
    if phone:
        person, _created = Person.objects.update_or_create(
            phone=phone, defaults={"full_name": full_name, "is_demo": is_demo}
        )
        return person
    return Person.objects.create(full_name=full_name, is_demo=is_demo)
