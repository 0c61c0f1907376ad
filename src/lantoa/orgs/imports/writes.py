"""Writing checked rows: units one by one (a row may name a parent created above it), enterprises in batches."""

from typing import Any, cast

from django.db import connection
from django.db.models import CharField, Field, Model, Value
from django.db.models.functions import Concat, Substr
from django.utils import timezone

from lantoa.core.jobs import Progress
from lantoa.orgs.importers import Row
from lantoa.orgs.models import Enterprise, OrgUnit
from lantoa.orgs.services import WageRegions, enterprise_derive, public_code_new

BATCH_SIZE = 1000


def units_write(planned: list[dict[str, Any]]) -> tuple[int, int]:
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


def enterprises_write(rows: list[Row], progress: Progress) -> tuple[int, int, int]:
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
