"""What every calculator returns: lines (label, formula, amount), citations, warnings and notes."""

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING

from django.utils.translation import gettext as _

from lantoa.calculators.numbers import money, vn_decimal
from lantoa.calculators.parameters import Citation, Param

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


@dataclass(frozen=True)
class Line:
    label: "StrOrPromise"
    formula: str = ""
    amount: int | Decimal | None = None
    unit: str = "vnd"  # vnd · days · hours · text
    is_total: bool = False

    @property
    def display(self) -> str:
        if self.amount is None:
            return ""
        if self.unit == "vnd":
            return money(int(self.amount))
        if self.unit == "days":
            return _("%(n)s ngày") % {"n": vn_decimal(self.amount)}
        if self.unit == "hours":
            return _("%(n)s giờ") % {"n": vn_decimal(self.amount)}
        if self.unit == "months":
            return _("%(n)s tháng") % {"n": vn_decimal(self.amount)}
        if self.unit == "years":
            return _("%(n)s năm") % {"n": vn_decimal(self.amount)}
        return vn_decimal(self.amount)


@dataclass
class Result:
    title: str
    on: dt.date
    lines: list[Line] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    verdict: str = ""
    is_ok: bool | None = None

    def cite(self, *sources: Param | Citation) -> None:
        for source in sources:
            citation = source.citation if isinstance(source, Param) else source
            if citation not in self.citations:
                self.citations.append(citation)

    def add(self, line: Line) -> Line:
        self.lines.append(line)
        return line

    @property
    def needs_confirmation(self) -> bool:
        return any(citation.needs_confirmation for citation in self.citations)


# Rules fixed in the text of a law (how to count, not how much): cited as they are, with the date they took effect.
def law(document: str, article: str, valid_from: dt.date, path: str = "") -> Citation:
    return Citation(document=document, article=article, valid_from=valid_from, path=path)


BLLD = "Bộ luật Lao động 45/2019/QH14"
BLLD_FROM = dt.date(2021, 1, 1)
ND145 = "Nghị định 145/2020/NĐ-CP"
ND145_FROM = dt.date(2021, 2, 1)
ND293 = "Nghị định 293/2025/NĐ-CP"
ND293_FROM = dt.date(2026, 1, 1)


def blld(article: str, number: int) -> Citation:
    return law(BLLD, article, BLLD_FROM, f"/phap-luat/45-2019-qh14/dieu-{number}")


def nd145(article: str, number: int) -> Citation:
    return law(ND145, article, ND145_FROM, f"/phap-luat/145-2020-nd-cp/dieu-{number}")


def nd293(article: str, number: int) -> Citation:
    return law(ND293, article, ND293_FROM, f"/phap-luat/293-2025-nd-cp/dieu-{number}")
