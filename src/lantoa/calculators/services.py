"""Writes of labour parameters: the idempotent load from the data file and the period checks."""

import datetime as dt
import tomllib
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from lantoa.calculators.models import REGIONAL_KEYS, LabourParameter, unit_of_key
from lantoa.core.formats import vn_date
from lantoa.core.text import clean_line, nfc

PARAMETERS_FILE = Path(__file__).parent / "data" / "labour_parameters.toml"
_FIELDS = ("value", "valid_to", "document", "document_number", "article", "note", "needs_confirmation")


@dataclass(frozen=True)
class LoadResult:
    created: int
    updated: int
    unchanged: int
    kept: int  # rows an administrator changed, left as they are unless overwrite=True


def parameter_period_check(
    *, key: str, region: int | None, valid_from: dt.date, valid_to: dt.date | None, exclude_pk: int | None = None
) -> None:
    """Raise if the period is reversed, the region does not fit the key, or another row covers part of the period."""
    if valid_to is not None and valid_to < valid_from:
        raise ValidationError(_("Ngày kết thúc phải sau ngày bắt đầu áp dụng."), code="period_reversed")
    if (key in REGIONAL_KEYS) != (region is not None):
        raise ValidationError(
            _("Lương tối thiểu phải có vùng (1 đến 4); các tham số khác không ghi vùng."), code="region_mismatch"
        )
    others = LabourParameter.objects.filter(key=key, region=region)
    if exclude_pk is not None:
        others = others.exclude(pk=exclude_pk)
    others = others.filter(valid_from__lte=valid_to) if valid_to else others
    clash = others.exclude(valid_to__lt=valid_from).first()
    if clash:
        raise ValidationError(
            _(
                "Khoảng thời gian này trùng với mức đã có từ %(start)s (%(document)s). Hãy ghi ngày kết thúc cho mức cũ."
            ),
            code="period_overlap",
            params={"start": vn_date(clash.valid_from), "document": clash.document},
        )


def parameter_rows_read(*, path: Path) -> list[dict]:
    with path.open("rb") as handle:
        data = tomllib.load(handle)
    rows = []
    for group in data["group"]:
        for item in group["values"]:
            rows.append(
                {
                    "key": item["key"],
                    "region": item.get("region"),
                    "value": Decimal(str(item["value"])),
                    "unit": unit_of_key(item["key"]),
                    "valid_from": group["valid_from"],
                    "valid_to": group.get("valid_to"),
                    "document": clean_line(group["document"]),
                    "document_number": clean_line(group.get("number", "")),
                    "article": clean_line(group["article"]),
                    "note": nfc(group.get("note", "")).strip(),
                    "needs_confirmation": bool(group.get("needs_confirmation", False)),
                }
            )
    return rows


def _only_closes_the_period(existing: LabourParameter, row: dict) -> bool:
    """The file ends a period left open (a new decree follows): recording it is how a new figure is added, so it is
    applied even without `overwrite`; an administrator's other changes stay."""
    return (
        existing.valid_to is None
        and row["valid_to"] is not None
        and all(getattr(existing, field) == row[field] for field in _FIELDS if field != "valid_to")
    )


@transaction.atomic
def parameters_load(*, path: Path = PARAMETERS_FILE, overwrite: bool = False) -> LoadResult:
    """Create the figures of the data file that are missing; rows an administrator edited stay unless `overwrite`."""
    created = updated = unchanged = kept = 0
    for row in parameter_rows_read(path=path):
        if row["key"] not in LabourParameter.Key.values:
            raise ValidationError(
                _("Tham số không có trong danh mục: %(key)s."), code="unknown_key", params={"key": row["key"]}
            )
        existing = LabourParameter.objects.filter(
            key=row["key"], region=row["region"], valid_from=row["valid_from"]
        ).first()
        if existing is None:
            parameter_period_check(
                key=row["key"], region=row["region"], valid_from=row["valid_from"], valid_to=row["valid_to"]
            )
            LabourParameter.objects.create(**row)
            created += 1
        elif all(getattr(existing, field) == row[field] for field in _FIELDS):
            unchanged += 1
        elif overwrite or _only_closes_the_period(existing, row):
            for field in _FIELDS:
                setattr(existing, field, row[field])
            existing.save()
            updated += 1
        else:
            kept += 1
    return LoadResult(created=created, updated=updated, unchanged=unchanged, kept=kept)
