"""The figures in force on a date, as plain data: calculation rules read them, never the database."""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from lantoa.calculators.models import LabourParameter
from lantoa.core.formats import vn_date

Key = LabourParameter.Key


@dataclass(frozen=True)
class Citation:
    """The document and article behind a figure or a rule, and the period it applies to."""

    document: str
    article: str
    valid_from: dt.date
    valid_to: dt.date | None = None
    path: str = ""
    note: str = ""
    needs_confirmation: bool = False

    @property
    def period(self) -> str:
        if self.valid_to:
            return _("áp dụng từ %(start)s đến %(end)s") % {
                "start": vn_date(self.valid_from),
                "end": vn_date(self.valid_to),
            }
        return _("áp dụng từ %(start)s") % {"start": vn_date(self.valid_from)}


@dataclass(frozen=True)
class Param:
    key: str
    value: Decimal
    valid_from: dt.date
    valid_to: dt.date | None
    citation: Citation
    region: int | None = None

    def is_valid_on(self, on: dt.date) -> bool:
        return self.valid_from <= on and (self.valid_to is None or on <= self.valid_to)


def param_from_row(row: LabourParameter, *, linked: bool = True) -> Param:
    """`linked` = False when the law library lacks the cited text: the citation then names it without a link."""
    citation = Citation(
        document=row.document,
        article=row.article,
        valid_from=row.valid_from,
        valid_to=row.valid_to,
        path=row.article_path if linked else "",
        note=row.note,
        needs_confirmation=row.needs_confirmation,
    )
    return Param(
        key=row.key,
        value=Decimal(row.value),
        valid_from=row.valid_from,
        valid_to=row.valid_to,
        citation=citation,
        region=row.region,
    )


class ParameterBook:
    """Every stored figure, looked up by key, region and date without asking the database again."""

    def __init__(self, params: Iterable[Param]) -> None:
        self._by_key: dict[tuple[str, int | None], list[Param]] = {}
        for param in params:
            self._by_key.setdefault((param.key, param.region), []).append(param)

    def get(self, key: str, *, on: dt.date, region: int | None = None) -> Param:
        for param in self._by_key.get((key, region), []):
            if param.is_valid_on(on):
                return param
        label = str(Key(key).label)
        if region:
            label = _("%(label)s vùng %(region)s") % {"label": label, "region": region_label(region)}
        raise ValidationError(
            _("Chưa có quy định về “%(label)s” áp dụng cho ngày %(date)s. Hãy chọn ngày khác hoặc báo quản trị viên."),
            code="parameter_missing",
            params={"label": label, "date": vn_date(on)},
        )


def region_label(region: int) -> str:
    return {1: "I", 2: "II", 3: "III", 4: "IV"}.get(region, str(region))
