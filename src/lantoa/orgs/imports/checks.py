"""Checking an import's rows against the database: the communes, parents and zones they name, the tree's depth."""

from typing import Any

from django.db.models import Max, Value
from django.db.models.functions import Length, Replace
from django.utils.translation import gettext as _

from lantoa.core.imports import CappedProblems
from lantoa.core.text import fold
from lantoa.core.xlsx import FORMULA_PREFIXES
from lantoa.orgs.importers import ENTERPRISE_COLUMNS, PROVINCE_LEVEL_KINDS, UNIT_COLUMNS, Problem, Row
from lantoa.orgs.imports.scope import (
    cell_problem,
    existing_enterprise_check,
    existing_unit_check,
    problem_add,
    province_level_allowed,
    scope_check,
    zone_check,
)
from lantoa.orgs.models import Enterprise, OrgUnit
from lantoa.orgs.services import enterprise_counts_check
from lantoa.orgs.validators import tax_code_problem

# How deep a unit may sit below the province (/91/commune/zone/union/… is four), and its path's column length.
MAX_UNIT_DEPTH = 12
MAX_PATH_CHARS = OrgUnit._meta.get_field("path").max_length or 255


class Places:
    """Looks up communes and units by code or name, as a person would type them."""

    def __init__(self) -> None:
        units = OrgUnit.objects.filter(kind__in=[*OrgUnit.COMMUNE_KINDS, *OrgUnit.ZONE_KINDS, *OrgUnit.BODY_KINDS])
        self.by_code: dict[str, OrgUnit] = {unit.code: unit for unit in units}
        self.by_pk: dict[int, OrgUnit] = {unit.pk: unit for unit in units}
        self.communes: dict[str, OrgUnit] = {}
        ambiguous: set[str] = set()
        for unit in units:
            if unit.kind not in OrgUnit.COMMUNE_KINDS:
                continue
            bare = unit.name.split(" ", 1)[1] if " " in unit.name else unit.name
            self.communes[fold(unit.name)] = unit
            self.communes[unit.code] = unit
            key = fold(bare)
            if key in self.communes and self.communes[key] != unit:
                ambiguous.add(key)
            self.communes[key] = unit
        for key in ambiguous:
            del self.communes[key]
        self._zone_communes: dict[int, list[OrgUnit]] = {}

    def zone_communes(self, zone: OrgUnit) -> list[OrgUnit]:
        """The communes a zone lies in (its own and those it spans), read once per zone."""
        if zone.pk not in self._zone_communes:
            spanned = list(zone.zone_communes.all())
            located = self.by_pk.get(zone.commune_id) if zone.commune_id else None
            self._zone_communes[zone.pk] = [*([located] if located else []), *spanned]
        return self._zone_communes[zone.pk]

    def commune(self, text: str) -> OrgUnit | None:
        found = self.communes.get(text) or self.communes.get(fold(text))
        if found is None and text.startswith("'") and text[1:].startswith(FORMULA_PREFIXES):
            return self.commune(text[1:])  # picked from the template's list, which neutralised the name
        return found


def units_check(rows: list[Row], places: Places, user: Any, problems: CappedProblems[Problem]) -> list[dict[str, Any]]:
    planned: list[dict[str, Any]] = []
    seen: dict[str, int] = {}
    province = OrgUnit.objects.filter(kind=OrgUnit.Kind.PROVINCE).first()
    known = {**places.by_code, **({province.code: province} if province else {})}
    enterprises = {e.tax_code: e.unit for e in Enterprise.objects.select_related("unit")}
    existing = {
        unit.code: unit
        for unit in OrgUnit.objects.select_related("parent").filter(code__in=[row.values["code"] for row in rows])
    }
    planned_paths: dict[str, str] = {}
    too_deep: set[str] = set()
    for row in rows:
        values = row.values
        code = values["code"]
        if code in seen:
            problem_add(
                problems,
                row,
                UNIT_COLUMNS,
                "code",
                _("mã “%(code)s” trùng với dòng %(row)s."),
                {"code": code, "row": seen[code]},
            )
            continue
        seen[code] = row.number
        if "/" in code:
            problem_add(problems, row, UNIT_COLUMNS, "code", _("mã đơn vị không được chứa dấu “/”."))
        current = existing.get(code)
        if current is not None:
            existing_unit_check(user, current, row, problems, province=province)
        if values["kind"] in PROVINCE_LEVEL_KINDS and not province_level_allowed(user, province):
            problem_add(
                problems,
                row,
                UNIT_COLUMNS,
                "kind",
                _("chỉ cán bộ cấp tỉnh mới được nhập đơn vị loại “%(kind)s”."),
                {"kind": OrgUnit.Kind(values["kind"]).label},
            )
        if current is None and tax_code_problem(code) is None:
            problem_add(
                problems, row, UNIT_COLUMNS, "code", _("mã đơn vị không được trùng dạng mã số thuế của doanh nghiệp.")
            )
        parent_code = values["parent"]
        # A tax code names that enterprise, never a unit that happens to carry the same code.
        names_enterprise = tax_code_problem(parent_code) is None
        parent = enterprises.get(parent_code) if names_enterprise else known.get(parent_code)
        planned_parent = None if names_enterprise else planned_paths.get(parent_code)
        if parent_code in too_deep:  # its parent, earlier in the file, already sits too deep
            _too_deep(row, problems)
            too_deep.add(code)
        elif parent is None and planned_parent is None:
            message = _("không tìm thấy đơn vị có mã “%(code)s”.")
            if names_enterprise:
                message = _("không tìm thấy doanh nghiệp có mã số thuế “%(code)s”.")
            problem_add(problems, row, UNIT_COLUMNS, "parent", message, {"code": parent_code})
        elif parent is not None:
            scope_check(user, parent, row, UNIT_COLUMNS, "parent", problems)
        parent_path = planned_parent or (parent.path if parent else None)
        if code in too_deep:
            parent_path = None
        elif parent_path is not None and _path_too_deep(f"{parent_path}{code}/", current):
            _too_deep(row, problems)
            too_deep.add(code)
            parent_path = None
        if current is not None and parent_path is not None and parent_path.startswith(current.path):
            problem_add(
                problems,
                row,
                UNIT_COLUMNS,
                "parent",
                _("không thể đặt “%(unit)s” dưới chính nó hoặc đơn vị cấp dưới của nó."),
                {"unit": current},
            )
        elif parent_path is not None:
            planned_paths[code] = f"{parent_path}{code}/"
        commune = _commune_checked(row, UNIT_COLUMNS, places, user, problems)
        planned.append({"row": row, "parent": parent, "commune": commune, "current": current})
    return planned


def _commune_checked(
    row: Row, columns: Any, places: Places, user: Any, problems: CappedProblems[Problem]
) -> OrgUnit | None:
    """The row's commune, if it names one that exists and lies in the importer's scope (else a problem is noted)."""
    name = row.values["commune"]
    if not name:
        return None
    commune = places.commune(name)
    if commune is None:
        problem_add(
            problems, row, columns, "commune", _("không có xã, phường, đặc khu “%(name)s” của tỉnh."), {"name": name}
        )
    else:
        scope_check(user, commune, row, columns, "commune", problems)
    return commune


def _too_deep(row: Row, problems: CappedProblems[Problem]) -> None:
    problem_add(
        problems,
        row,
        UNIT_COLUMNS,
        "parent",
        _("đơn vị nằm sâu quá %(levels)s cấp hoặc chuỗi mã cấp trên dài quá %(length)s ký tự."),
        {"levels": MAX_UNIT_DEPTH, "length": MAX_PATH_CHARS},
        code="too_deep",
    )


def _path_too_deep(path: str, current: OrgUnit | None) -> bool:
    """Whether `path` (and, for a unit that moves down, its deepest descendant's new path) fits the tree."""
    longest = len(path)
    levels = path.count("/") - 1
    if current is not None and len(path) > len(current.path):
        below = OrgUnit.objects.filter(path__startswith=current.path).aggregate(
            length=Max(Length("path")), slashes=Max(Length("path") - Length(Replace("path", Value("/"), Value(""))))
        )
        longest += (below["length"] or 0) - len(current.path)
        levels += max((below["slashes"] or 0) - current.path.count("/"), 0)
    return longest > MAX_PATH_CHARS or levels > MAX_UNIT_DEPTH


def enterprises_check(
    rows: list[Row], places: Places, user: Any, new_zones: set[str], problems: CappedProblems[Problem]
) -> None:
    seen: dict[str, int] = {}
    existing = {
        e.tax_code: e
        for e in Enterprise.objects.select_related("unit", "zone").filter(
            tax_code__in=[row.values["tax_code"] for row in rows]
        )
    }
    for row in rows:
        values = row.values
        tax_code = values["tax_code"]
        current = existing.get(tax_code)
        if current is not None:
            existing_enterprise_check(user, current, row, problems)
        if tax_code and tax_code in seen:
            problem_add(
                problems,
                row,
                ENTERPRISE_COLUMNS,
                "tax_code",
                _("mã số thuế trùng với dòng %(row)s."),
                {"row": seen[tax_code]},
            )
        seen.setdefault(tax_code, row.number)
        if values["commune"]:
            values["commune_unit"] = _commune_checked(row, ENTERPRISE_COLUMNS, places, user, problems)
        zone_code = values["zone"]
        zone = places.by_code.get(zone_code) if zone_code else None
        if zone_code and zone_code not in new_zones and (zone is None or zone.kind not in OrgUnit.ZONE_KINDS):
            problem_add(
                problems,
                row,
                ENTERPRISE_COLUMNS,
                "zone",
                _("không có khu, cụm công nghiệp mã “%(code)s”."),
                {"code": zone_code},
            )
        elif zone is not None and (current is None or current.zone_id != zone.pk):
            zone_check(user, zone, places.zone_communes, row, problems)
        if None not in (
            values["worker_count"],
            values["female_worker_count"],
            values["migrant_worker_count"],
            values["union_member_count"],
        ):
            counts = enterprise_counts_check(
                worker_count=values["worker_count"],
                female_worker_count=values["female_worker_count"],
                migrant_worker_count=values["migrant_worker_count"],
                union_member_count=values["union_member_count"],
            )
            problems.extend(cell_problem(row, ENTERPRISE_COLUMNS, key, message) for key, message in counts.items())
