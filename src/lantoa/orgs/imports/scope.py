"""Who may import what: each row is checked, through `orgs.access.can`, where it stands now and where it goes."""

from collections.abc import Callable
from typing import Any

from django.utils.translation import gettext as _

from lantoa.core.imports import CappedProblems
from lantoa.orgs import access
from lantoa.orgs.importers import (
    ENTERPRISE_COLUMNS,
    IMPORTABLE_UNIT_KINDS,
    PROVINCE_LEVEL_KINDS,
    UNIT_COLUMNS,
    Problem,
    Row,
    column_of,
)
from lantoa.orgs.models import Enterprise, OrgUnit


def cell_problem(row: Row, columns: Any, key: str, message: str, *, code: str = "") -> Problem:
    letter, header = column_of(columns, key)
    return Problem(row.sheet, row.number, letter, header, message, code)


def problem_add(
    problems: CappedProblems[Problem],
    row: Row,
    columns: Any,
    key: str,
    message: str,
    params: dict[str, Any] | None = None,
    *,
    code: str = "",
) -> None:
    """A problem in one cell; its message (`message % params`) and place are made only if the problem is kept."""
    problems.add(lambda: cell_problem(row, columns, key, message % params if params else message, code=code))


def scope_check(user: Any, unit: OrgUnit, row: Row, columns: Any, key: str, problems: CappedProblems[Problem]) -> bool:
    if access.can(user, "orgs.import", unit):
        return True
    problem_add(problems, row, columns, key, _("bạn không có quyền nhập dữ liệu cho “%(unit)s”."), {"unit": unit})
    return False


def existing_unit_check(
    user: Any, unit: OrgUnit, row: Row, problems: CappedProblems[Problem], *, province: OrgUnit | None
) -> bool:
    """A row naming an existing unit changes it where it stands now: the importer must hold that place too."""
    if unit.kind not in IMPORTABLE_UNIT_KINDS.values():
        problem_add(
            problems,
            row,
            UNIT_COLUMNS,
            "code",
            _("mã “%(code)s” là của “%(unit)s”, đơn vị này không sửa được bằng tệp nhập."),
            {"code": unit.code, "unit": unit},
        )
        return False
    if unit.kind in PROVINCE_LEVEL_KINDS and not province_level_allowed(user, province):
        problem_add(
            problems,
            row,
            UNIT_COLUMNS,
            "code",
            _("bạn không có quyền sửa “%(unit)s” (đơn vị cấp tỉnh)."),
            {"unit": unit},
        )
        return False
    return scope_check(user, unit.parent or unit, row, UNIT_COLUMNS, "code", problems)


def province_level_allowed(user: Any, province: OrgUnit | None) -> bool:
    return province is not None and access.can(user, "orgs.import", province)


def existing_enterprise_check(user: Any, enterprise: Enterprise, row: Row, problems: CappedProblems[Problem]) -> None:
    """A row naming an existing enterprise (by tax code) changes it where it stands now: the importer must hold it."""
    if not access.can(user, "orgs.import", enterprise):
        problem_add(
            problems,
            row,
            ENTERPRISE_COLUMNS,
            "tax_code",
            _("mã số thuế này là của “%(name)s”, doanh nghiệp ngoài phạm vi của bạn."),
            {"name": enterprise.name},
        )


def zone_check(
    user: Any,
    zone: OrgUnit,
    communes_of: Callable[[OrgUnit], list[OrgUnit]],
    row: Row,
    problems: CappedProblems[Problem],
) -> None:
    """Putting an enterprise in a zone hands it to the zone's officers too (`Enterprise.access_units`).

    The importer must hold `orgs.import` over the zone itself, or over a commune the zone lies in: a commune's
    officer may place enterprises in their own commune's industrial park, not in another commune's or the
    province's other zones. An enterprise already in the zone keeps it without this check.
    """
    if access.can(user, "orgs.import", zone):
        return
    if any(access.can(user, "orgs.import", commune) for commune in communes_of(zone)):
        return
    problem_add(
        problems,
        row,
        ENTERPRISE_COLUMNS,
        "zone",
        _("bạn không có quyền đưa doanh nghiệp vào “%(zone)s”, khu, cụm công nghiệp ngoài phạm vi của bạn."),
        {"zone": zone},
    )
