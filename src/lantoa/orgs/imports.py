"""Importing units and enterprises from the Excel template: all or nothing, each bad cell named."""

import io
from dataclasses import dataclass, field
from typing import Any, BinaryIO, cast

from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.db.models import CharField, Field, Max, Model, Value
from django.db.models.functions import Concat, Length, Replace, Substr
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from lantoa.core import imports as core_imports
from lantoa.core import jobs
from lantoa.core.imports import CappedProblems
from lantoa.core.jobs import Progress
from lantoa.core.models import Job
from lantoa.core.text import fold
from lantoa.core.xlsx import FORMULA_PREFIXES
from lantoa.orgs import access
from lantoa.orgs.importers import (
    ENTERPRISE_COLUMNS,
    IMPORTABLE_UNIT_KINDS,
    MAX_PROBLEMS_KEPT,
    PROVINCE_LEVEL_KINDS,
    UNIT_COLUMNS,
    Problem,
    Row,
    column_of,
    package_problem,
    workbook_parse,
)
from lantoa.orgs.models import Enterprise, OrgUnit
from lantoa.orgs.selectors import structure_generation
from lantoa.orgs.services import (
    WageRegions,
    enterprise_counts_check,
    enterprise_derive,
    public_code_new,
)
from lantoa.orgs.validators import tax_code_problem

BATCH_SIZE = 1000
# How deep a unit may sit below the province (/91/commune/zone/union/… is four), and its path's column length.
MAX_UNIT_DEPTH = 12
MAX_PATH_CHARS = OrgUnit._meta.get_field("path").max_length or 255


@dataclass
class ImportResult(core_imports.ImportResult[Problem]):
    """`problems` keeps the first `MAX_PROBLEMS_KEPT`; `problem_count` counts them all."""

    row_count: int = 0
    problems: list[Problem] = field(default_factory=lambda: CappedProblems(cap=MAX_PROBLEMS_KEPT))

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def problem_count(self) -> int:
        return self.problems.total if isinstance(self.problems, CappedProblems) else len(self.problems)


def _no_progress(phase: str, done: int, total: int) -> None:
    """Default progress callback: nothing to show."""


class _Places:
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


def _problem(row: Row, columns: Any, key: str, message: str, *, code: str = "") -> Problem:
    letter, header = column_of(columns, key)
    return Problem(row.sheet, row.number, letter, header, message, code)


def _check_scope(user: Any, unit: OrgUnit, row: Row, columns: Any, key: str, problems: list[Problem]) -> bool:
    if access.can(user, "orgs.import", unit):
        return True
    problems.append(_problem(row, columns, key, _("bạn không có quyền nhập dữ liệu cho “%(unit)s”.") % {"unit": unit}))
    return False


def _check_existing_unit(
    user: Any, unit: OrgUnit, row: Row, problems: list[Problem], *, province: OrgUnit | None
) -> bool:
    """A row naming an existing unit changes it where it stands now: the importer must hold that place too."""
    if unit.kind not in IMPORTABLE_UNIT_KINDS.values():
        problems.append(
            _problem(
                row,
                UNIT_COLUMNS,
                "code",
                _("mã “%(code)s” là của “%(unit)s”, đơn vị này không sửa được bằng tệp nhập.")
                % {"code": unit.code, "unit": unit},
            )
        )
        return False
    if unit.kind in PROVINCE_LEVEL_KINDS and not _may_create_province_level(user, province):
        problems.append(
            _problem(
                row,
                UNIT_COLUMNS,
                "code",
                _("bạn không có quyền sửa “%(unit)s” (đơn vị cấp tỉnh).") % {"unit": unit},
            )
        )
        return False
    return _check_scope(user, unit.parent or unit, row, UNIT_COLUMNS, "code", problems)


def _may_create_province_level(user: Any, province: OrgUnit | None) -> bool:
    return province is not None and access.can(user, "orgs.import", province)


def _validate_units(rows: list[Row], places: _Places, user: Any, problems: list[Problem]) -> list[dict[str, Any]]:
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
            problems.append(
                _problem(
                    row,
                    UNIT_COLUMNS,
                    "code",
                    _("mã “%(code)s” trùng với dòng %(row)s.") % {"code": code, "row": seen[code]},
                )
            )
            continue
        seen[code] = row.number
        if "/" in code:
            problems.append(_problem(row, UNIT_COLUMNS, "code", _("mã đơn vị không được chứa dấu “/”.")))
        current = existing.get(code)
        if current is not None:
            _check_existing_unit(user, current, row, problems, province=province)
        if values["kind"] in PROVINCE_LEVEL_KINDS and not _may_create_province_level(user, province):
            problems.append(
                _problem(
                    row,
                    UNIT_COLUMNS,
                    "kind",
                    _("chỉ cán bộ cấp tỉnh mới được nhập đơn vị loại “%(kind)s”.")
                    % {"kind": OrgUnit.Kind(values["kind"]).label},
                )
            )
        if current is None and tax_code_problem(code) is None:
            problems.append(
                _problem(row, UNIT_COLUMNS, "code", _("mã đơn vị không được trùng dạng mã số thuế của doanh nghiệp."))
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
            problems.append(_problem(row, UNIT_COLUMNS, "parent", message % {"code": parent_code}))
        elif parent is not None:
            _check_scope(user, parent, row, UNIT_COLUMNS, "parent", problems)
        parent_path = planned_parent or (parent.path if parent else None)
        if code in too_deep:
            parent_path = None
        elif parent_path is not None and _path_too_deep(f"{parent_path}{code}/", current):
            _too_deep(row, problems)
            too_deep.add(code)
            parent_path = None
        if current is not None and parent_path is not None and parent_path.startswith(current.path):
            problems.append(
                _problem(
                    row,
                    UNIT_COLUMNS,
                    "parent",
                    _("không thể đặt “%(unit)s” dưới chính nó hoặc đơn vị cấp dưới của nó.") % {"unit": current},
                )
            )
        elif parent_path is not None:
            planned_paths[code] = f"{parent_path}{code}/"
        commune = None
        if values["commune"]:
            commune = places.commune(values["commune"])
            if commune is None:
                problems.append(
                    _problem(
                        row,
                        UNIT_COLUMNS,
                        "commune",
                        _("không có xã, phường, đặc khu “%(name)s” của tỉnh.") % {"name": values["commune"]},
                    )
                )
            else:
                _check_scope(user, commune, row, UNIT_COLUMNS, "commune", problems)
        planned.append({"row": row, "parent": parent, "commune": commune, "current": current})
    return planned


def _too_deep(row: Row, problems: list[Problem]) -> None:
    problems.append(
        _problem(
            row,
            UNIT_COLUMNS,
            "parent",
            _("đơn vị nằm sâu quá %(levels)s cấp hoặc chuỗi mã cấp trên dài quá %(length)s ký tự.")
            % {"levels": MAX_UNIT_DEPTH, "length": MAX_PATH_CHARS},
            code="too_deep",
        )
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


def _validate_enterprises(
    rows: list[Row], places: _Places, user: Any, new_zones: set[str], problems: list[Problem]
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
        if current is not None and not access.can(user, "orgs.import", current):
            problems.append(
                _problem(
                    row,
                    ENTERPRISE_COLUMNS,
                    "tax_code",
                    _("mã số thuế này là của “%(name)s”, doanh nghiệp ngoài phạm vi của bạn.") % {"name": current.name},
                )
            )
        if tax_code and tax_code in seen:
            problems.append(
                _problem(
                    row,
                    ENTERPRISE_COLUMNS,
                    "tax_code",
                    _("mã số thuế trùng với dòng %(row)s.") % {"row": seen[tax_code]},
                )
            )
        seen.setdefault(tax_code, row.number)
        if values["commune"]:
            commune = places.commune(values["commune"])
            if commune is None:
                problems.append(
                    _problem(
                        row,
                        ENTERPRISE_COLUMNS,
                        "commune",
                        _("không có xã, phường, đặc khu “%(name)s” của tỉnh.") % {"name": values["commune"]},
                    )
                )
            else:
                _check_scope(user, commune, row, ENTERPRISE_COLUMNS, "commune", problems)
            values["commune_unit"] = commune
        zone_code = values["zone"]
        zone = places.by_code.get(zone_code) if zone_code else None
        if zone_code and zone_code not in new_zones and (zone is None or zone.kind not in OrgUnit.ZONE_KINDS):
            problems.append(
                _problem(
                    row,
                    ENTERPRISE_COLUMNS,
                    "zone",
                    _("không có khu, cụm công nghiệp mã “%(code)s”.") % {"code": zone_code},
                )
            )
        elif zone is not None and (current is None or current.zone_id != zone.pk):
            _check_zone(user, zone, places, row, problems)
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
            problems.extend(_problem(row, ENTERPRISE_COLUMNS, key, message) for key, message in counts.items())


def _check_zone(user: Any, zone: OrgUnit, places: _Places, row: Row, problems: list[Problem]) -> None:
    """Putting an enterprise in a zone hands it to the zone's officers too (`Enterprise.access_units`).

    The importer must hold `orgs.import` over the zone itself, or over a commune the zone lies in: a commune's
    officer may place enterprises in their own commune's industrial park, not in another commune's or the
    province's other zones. An enterprise already in the zone keeps it without this check.
    """
    if access.can(user, "orgs.import", zone):
        return
    if any(access.can(user, "orgs.import", commune) for commune in places.zone_communes(zone)):
        return
    problems.append(
        _problem(
            row,
            ENTERPRISE_COLUMNS,
            "zone",
            _("bạn không có quyền đưa doanh nghiệp vào “%(zone)s”, khu, cụm công nghiệp ngoài phạm vi của bạn.")
            % {"zone": zone},
        )
    )


def _write_units(planned: list[dict[str, Any]]) -> tuple[int, int]:
    created = updated = 0
    saved: dict[str, OrgUnit] = {}
    for item in planned:
        values = item["row"].values
        parent = item["parent"] or saved.get(values["parent"]) or OrgUnit.objects.get(code=values["parent"])
        parent = saved.get(parent.code, parent)  # a parent moved by an earlier row has its new path
        unit, was_created = OrgUnit.objects.update_or_create(
            code=values["code"],
            defaults={
                "name": values["name"],
                "kind": values["kind"],
                "parent": parent,
                "path": f"{parent.path}{values['code']}/",
                "commune": item["commune"],
            },
        )
        saved[unit.code] = unit
        if item["current"] is not None:
            _descendants_repath(unit=unit, old_path=item["current"].path)
        created += was_created
        updated += not was_created
    return created, updated


def _descendants_repath(*, unit: OrgUnit, old_path: str) -> None:
    """Keep the subtree of a moved unit under it: access checks read the materialised paths."""
    if unit.path == old_path:
        return
    OrgUnit.objects.filter(path__startswith=old_path).exclude(pk=unit.pk).update(
        path=Concat(Value(unit.path), Substr("path", len(old_path) + 1), output_field=CharField())
    )


def _write_enterprises(rows: list[Row], progress: Progress) -> tuple[int, int, int]:
    zones = {unit.code: unit for unit in OrgUnit.objects.filter(kind__in=OrgUnit.ZONE_KINDS)}
    existing = {
        e.tax_code: e
        for e in Enterprise.objects.select_related("unit").filter(tax_code__in=[r.values["tax_code"] for r in rows])
    }
    wage_regions = WageRegions(on=timezone.localdate())
    used_codes = set(Enterprise.objects.values_list("public_code", flat=True))
    created = updated = unchanged = 0
    for start in range(0, len(rows), BATCH_SIZE):
        batch = rows[start : start + BATCH_SIZE]
        new_units, new_enterprises, changed_units, changed_enterprises = [], [], [], []
        old_paths: dict[int, str] = {}
        for row in batch:
            values = row.values
            commune = values["commune_unit"]
            enterprise = existing.get(values["tax_code"])
            if enterprise is None:
                code = f"DN-{values['tax_code']}"
                unit = OrgUnit(code=code, kind=OrgUnit.Kind.ENTERPRISE)
                public_code = public_code_new()
                while public_code in used_codes:
                    public_code = public_code_new()
                used_codes.add(public_code)
                enterprise = Enterprise(unit=unit, tax_code=values["tax_code"], public_code=public_code)
                new_units.append(unit)
                new_enterprises.append(enterprise)
            else:
                unit = enterprise.unit
                before = _snapshot(enterprise)
                old_paths[unit.pk] = unit.path
            unit.name, unit.parent, unit.commune, unit.path = (
                values["name"],
                commune,
                commune,
                f"{commune.path}{unit.code}/",
            )
            enterprise.ownership, enterprise.sector = values["ownership"], values["sector"]
            enterprise.commune, enterprise.zone = commune, zones.get(values["zone"]) if values["zone"] else None
            for key in ("worker_count", "female_worker_count", "migrant_worker_count", "union_member_count"):
                setattr(enterprise, key, values[key])
            enterprise_derive(enterprise, wage_regions=wage_regions)
            if enterprise.pk and _snapshot(enterprise) != before:
                changed_units.append(unit)
                changed_enterprises.append(enterprise)
            elif enterprise.pk:
                unchanged += 1
        OrgUnit.objects.bulk_create(new_units)
        Enterprise.objects.bulk_create(new_enterprises)
        _update_rows(OrgUnit, _UNIT_FIELDS, changed_units)
        _update_rows(Enterprise, _ENTERPRISE_FIELDS, changed_enterprises)
        for unit in changed_units:
            _descendants_repath(unit=unit, old_path=old_paths[unit.pk])
        created += len(new_enterprises)
        updated += len(changed_enterprises)
        progress("write", start + len(batch), len(rows))
    return created, updated, unchanged


def _snapshot(enterprise: Enterprise) -> tuple:
    unit = enterprise.unit
    return (
        *(getattr(unit, f) for f in ("name", "parent_id", "commune_id", "path")),
        *(getattr(enterprise, f) for f in _ENTERPRISE_FIELDS),
    )


_UNIT_FIELDS = ("name", "parent", "commune", "path")


def _column(field: Field) -> str:
    # Django calls a field concrete when it has a column; only concrete fields come here
    return cast(str, field.column)


def _update_rows(model: type[Model], field_names: tuple[str, ...], objects: list) -> None:
    """One prepared UPDATE run for many rows: bulk_update's CASE statements grow slow past a few hundred rows."""
    if not objects:
        return
    concrete = {field.name: field for field in model._meta.concrete_fields}
    fields = [concrete[name] for name in field_names]
    quote = connection.ops.quote_name
    assignments = ", ".join(f"{quote(_column(field))} = %s" for field in fields)
    sql = f"UPDATE {quote(model._meta.db_table)} SET {assignments} WHERE {quote(_column(model._meta.pk))} = %s"  # noqa: S608 - names come from the model
    rows = [
        [field.get_db_prep_save(getattr(obj, field.attname), connection) for field in fields] + [obj.pk]
        for obj in objects
    ]
    with connection.cursor() as cursor:
        cursor.executemany(sql, rows)


_ENTERPRISE_FIELDS = (
    "ownership",
    "sector",
    "commune",
    "zone",
    "worker_count",
    "female_worker_count",
    "migrant_worker_count",
    "union_member_count",
    "minimum_wage_region",
    "in_zone",
    "is_migrant_heavy",
    "is_border",
    "is_island",
    "is_rural",
    "is_sme",
)


def workbook_import(*, stream: BinaryIO, user: Any, progress: Progress = _no_progress) -> ImportResult:
    """Validate the whole file, then write it in one transaction; with any problem nothing is written.

    The caller must have checked that `user` may import somewhere; each row is checked against the
    user's scope here, so an officer cannot place an enterprise outside their own units.
    """
    parsed = workbook_parse(stream, progress=lambda done: progress("read", done, 0))
    result = ImportResult(row_count=parsed.row_count, problems=parsed.problems)  # the same cap and count go on
    places = _Places()
    planned_units = _validate_units(parsed.units, places, user, result.problems)
    new_zones = {
        item["row"].values["code"] for item in planned_units if item["row"].values["kind"] in OrgUnit.ZONE_KINDS
    }
    _validate_enterprises(parsed.enterprises, places, user, new_zones, result.problems)
    progress("check", result.row_count, result.row_count)
    if result.problems or not result.row_count:
        if not result.row_count and not result.problems:
            result.problems.append(Problem(_("Tệp"), 0, "", "", _("Tệp không có dòng dữ liệu nào.")))
        return result
    with transaction.atomic():
        units_created, units_updated = _write_units(planned_units)
        enterprises_created, enterprises_updated, result.unchanged = _write_enterprises(parsed.enterprises, progress)
        transaction.on_commit(structure_generation.bump)  # bulk writes send no signals
    result.created = units_created + enterprises_created
    result.updated = units_updated + enterprises_updated
    return result


def import_job_start(*, user: Any, file_name: str, data: bytes, scope: OrgUnit) -> Job:
    """Store the upload and queue its import; a file that is not a sound .xlsx package is refused here."""
    refusal = package_problem(data)
    if refusal is not None:
        raise ValidationError(refusal.message, code=refusal.code)
    return jobs.job_start(kind=IMPORT_JOB, user=user, title=file_name, arguments={"scope": scope.code}, upload=data)


def _import_build(job: Job, data: bytes | None, progress: Progress) -> jobs.Outcome:
    if job.created_by is None:
        raise ValueError("the account that started this import is gone")
    result = workbook_import(stream=io.BytesIO(data or b""), user=job.created_by, progress=progress)
    return jobs.Outcome(
        summary={
            "row_count": result.row_count,
            "created": result.created,
            "updated": result.updated,
            "unchanged": result.unchanged,
            "problems": [problem.as_dict() for problem in result.problems],  # the first MAX_PROBLEMS_KEPT
            "problem_count": result.problem_count,
            "problems_not_shown": result.problem_count - len(result.problems),
        }
    )


def import_job_allowed(user: Any, job: Job) -> bool:
    """The person who started it, or anyone who may import over its scope."""
    if job.created_by_id is not None and job.created_by_id == user.pk:
        return True
    scope = OrgUnit.objects.filter(code=job.arguments.get("scope")).first()
    return scope is not None and access.can(user, "orgs.import", scope)


IMPORT_JOB = "orgs.import"
IMPORT_JOB_KIND = jobs.JobKind(
    name=IMPORT_JOB,
    title=_lazy("Nhập đơn vị, doanh nghiệp từ Excel"),
    build=_import_build,
    allowed=import_job_allowed,
    result_template="orgs/_import_result.html",
    takes_upload=True,
)
