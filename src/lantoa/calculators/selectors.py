"""Reads for the calculators: the figures in force, the officials' list, a worker's minimum-wage region."""

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import QuerySet
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from lantoa.calculators.models import LabourParameter
from lantoa.calculators.parameters import Citation, ParameterBook, param_from_row, region_label
from lantoa.core.formats import vn_date
from lantoa.core.generations import Generation
from lantoa.core.text import slugify_vi
from lantoa.legal import selectors as legal_selectors
from lantoa.orgs import access
from lantoa.orgs.models import Enterprise, MinimumWageZone, OrgUnit
from lantoa.orgs.services import WageRegions

parameters_generation = Generation("calculators:parameters")  # bumped when a figure or a legal document changes
_books: dict[int, ParameterBook] = {}  # generation → the book read in it (the latest only)


def parameter_book() -> ParameterBook:
    """Every stored figure (a few dozen rows), kept in memory until one of them or a legal document changes."""
    current = parameters_generation.current()
    book = _books.get(current)
    if book is None:
        book = _parameter_book_read()
        _books.clear()
        _books[current] = book
    return book


def _parameter_book_read() -> ParameterBook:
    """A figure citing a text the law library lacks (NĐ 73/2024, NĐ 74/2024…) names it without a link, so no
    result links to a page answering 404."""
    rows = list(LabourParameter.objects.all())
    numbers = {row.document_number for row in rows if row.document_number}
    known = set(legal_selectors.documents_list().filter(number__in=numbers).values_list("number", flat=True))
    return ParameterBook(param_from_row(row, linked=row.document_number in known) for row in rows)


def parameter_list_for_user(*, user: Any) -> QuerySet[LabourParameter]:
    if not access.can(user, "legal.view_parameters"):
        raise PermissionDenied
    return LabourParameter.objects.order_by("key", "region", "-valid_from")


@dataclass(frozen=True)
class RegionChoice:
    region: int
    reason: str
    citation: Citation | None = None


def region_resolve(
    *, on: dt.date, commune: OrgUnit | None, region: int | None, enterprise: Enterprise | None
) -> RegionChoice:
    """The minimum-wage region to use: the commune chosen, else the region chosen, else the worker's enterprise."""
    if commune is not None:
        zone = MinimumWageZone.objects.filter(commune=commune, valid_from__lte=on).exclude(valid_to__lt=on).first()
        if zone is None:
            raise ValidationError(
                _("Chưa có danh mục địa bàn vùng của %(commune)s cho ngày %(date)s. Hãy chọn vùng."),
                code="zone_missing",
                params={"commune": commune.name, "date": vn_date(on)},
            )
        return RegionChoice(
            region=zone.region,
            reason=_("%(commune)s thuộc vùng %(region)s")
            % {"commune": commune.name, "region": region_label(zone.region)},
            citation=Citation(
                document=zone.source, article=_("Phụ lục"), valid_from=zone.valid_from, valid_to=zone.valid_to
            ),
        )
    if region:
        return RegionChoice(region=region, reason=_("Vùng %(region)s do bạn chọn") % {"region": region_label(region)})
    if enterprise is not None:
        found = WageRegions(on=on).region(commune=enterprise.commune, zone=enterprise.zone)
        if found:
            return RegionChoice(
                region=found,
                reason=_("Vùng %(region)s theo nơi hoạt động của %(name)s")
                % {"region": region_label(found), "name": enterprise.name},
            )
    raise ValidationError(
        _("Hãy chọn xã, phường nơi công ty hoạt động hoặc chọn vùng lương tối thiểu."), code="region_missing"
    )


CALCULATOR_LABELS = {
    "minimum-wage": _lazy("Kiểm tra lương tối thiểu vùng"),
    "arrears": _lazy("Tính tiền lương còn thiếu so với lương tối thiểu"),
    "overtime": _lazy("Tính tiền làm thêm giờ, làm đêm"),
    "leave": _lazy("Tính số ngày nghỉ phép năm"),
    "severance": _lazy("Tính trợ cấp thôi việc, mất việc làm"),
    "insurance": _lazy("Tính tiền đóng bảo hiểm bắt buộc"),
    "unemployment-benefit": _lazy("Tính trợ cấp thất nghiệp"),
    "lump-sum": _lazy("Tính bảo hiểm xã hội một lần"),
    "sickness": _lazy("Tính trợ cấp ốm đau"),
    "maternity": _lazy("Tính chế độ thai sản"),
    "recovery": _lazy("Tính trợ cấp dưỡng sức, phục hồi sức khỏe"),
}
# Which calculator helps with which article: article pages of the law library link to these.
CALCULATORS_BY_ARTICLE: dict[tuple[str, int], tuple[str, ...]] = {
    ("45/2019/QH14", 90): ("minimum-wage", "arrears"),
    ("45/2019/QH14", 98): ("overtime",),
    ("45/2019/QH14", 106): ("overtime",),
    ("45/2019/QH14", 107): ("overtime",),
    ("45/2019/QH14", 113): ("leave",),
    ("45/2019/QH14", 114): ("leave",),
    ("45/2019/QH14", 46): ("severance",),
    ("45/2019/QH14", 47): ("severance",),
    ("293/2025/NĐ-CP", 3): ("minimum-wage", "arrears"),
    ("41/2024/QH15", 33): ("insurance",),
    ("41/2024/QH15", 34): ("insurance",),
    ("74/2025/QH15", 33): ("insurance",),
    ("74/2025/QH15", 38): ("unemployment-benefit",),
    ("74/2025/QH15", 39): ("unemployment-benefit",),
    ("38/2013/QH13", 49): ("unemployment-benefit",),
    ("38/2013/QH13", 50): ("unemployment-benefit",),
    ("41/2024/QH15", 70): ("lump-sum",),
    ("58/2014/QH13", 60): ("lump-sum",),
    **{("41/2024/QH15", number): ("sickness",) for number in (42, 43, 44, 45)},
    **{("58/2014/QH13", number): ("sickness",) for number in (25, 26, 27, 28)},
    **{("41/2024/QH15", number): ("maternity",) for number in (50, 51, 52, 53, 54, 55, 56, 57, 58, 59)},
    ("45/2019/QH14", 139): ("maternity",),
    **{("58/2014/QH13", number): ("maternity",) for number in (31, 32, 33, 34, 36, 37, 38, 39)},
    **dict.fromkeys(
        (("41/2024/QH15", 46), ("41/2024/QH15", 60), ("58/2014/QH13", 29), ("58/2014/QH13", 41)), ("recovery",)
    ),
}


DOCUMENT_TITLES = {
    "45/2019/QH14": "Bộ luật Lao động 45/2019/QH14",
    "293/2025/NĐ-CP": "Nghị định 293/2025/NĐ-CP",
    "41/2024/QH15": "Luật Bảo hiểm xã hội 41/2024/QH15",
    "74/2025/QH15": "Luật Việc làm 74/2025/QH15",
    "38/2013/QH13": "Luật Việc làm 38/2013/QH13",
    "58/2014/QH13": "Luật Bảo hiểm xã hội 58/2014/QH13",
}


def articles_for_calculator(*, name: str) -> list[tuple[str, str]]:
    """(citation, permalink) of the articles a calculator applies, for a "read the law" list on its page."""
    return [
        (
            _("%(document)s, Điều %(article)s") % {"document": DOCUMENT_TITLES[number], "article": article},
            f"/phap-luat/{slugify_vi(number)}/dieu-{article}",
        )
        for (number, article), names in CALCULATORS_BY_ARTICLE.items()
        if name in names
    ]


def calculator_links_for_article(*, document_number: str, article_number: str) -> list[tuple[str, str]]:
    """(label, url) of the calculators that apply an article, for the article pages of the law library."""
    if not article_number.isdigit():
        return []
    names = CALCULATORS_BY_ARTICLE.get((document_number, int(article_number)), ())
    return [(str(CALCULATOR_LABELS[name]), reverse(f"calculators:{name}")) for name in names]
