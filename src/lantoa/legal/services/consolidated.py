"""The current wording of an act from its consolidated text (văn bản hợp nhất, VBHN).

A VBHN is not law: it restates an act with every amendment up to its date. The library imports the amending acts
it has (e.g. Luật 51/2024 amending Luật BHYT 25/2008) and reads their changes; the VBHN fills in the articles whose
wording the library still cannot compute (changes by 46/2014, 97/2015 … whose texts are not imported). Each such
article gets one whole-article `Amendment` (origin `vbhn`, no source provision) from the date by which every act
the VBHN consolidates is in force; pages cite the VBHN and say that the amending acts are the legal basis.
"""

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction
from django.utils.translation import gettext as _

from lantoa.core.text import clean_line
from lantoa.legal import importers, selectors
from lantoa.legal.models import Amendment, Document, Provision
from lantoa.legal.services.library import entries_flag_for_review

VBHN_NUMBER = re.compile(r"Số:\s*(\d+/VBHN-[A-ZĐ]+)")
CONSOLIDATED_ACT = re.compile(r"số\s+(\d+/\d{4}/[A-ZĐ0-9-]+)")
AMENDING_ACT = re.compile(r"(?:Luật\b[^;]*?số\s+|Luật số\s+)(\d+/\d{4}/QH\d+)")


@dataclass
class ConsolidatedResult:
    vbhn: str = ""
    target: str = ""
    effective_on: dt.date | None = None
    changed: int = 0
    unchanged: int = 0
    flagged_entries: int = 0


@dataclass(frozen=True)
class Header:
    vbhn: str
    issued_on: dt.date | None
    target: str
    effective_on: dt.date | None  # the latest date among the acts consolidated
    acts: tuple[str, ...]


def header_of(lines: list[str]) -> Header:
    """The VBHN number and date, the act it consolidates, and the acts (with their dates) it folds in."""
    vbhn, issued, target, acts, dates = "", None, "", [], []
    for line in lines:
        if line.startswith("Điều 1."):
            break
        if match := VBHN_NUMBER.search(line):
            vbhn = match.group(1)
        elif issued is None and (match := importers.PLACE_DATE.search(line)) and not target:
            issued = importers._vn_date(match)
        elif not target and (match := CONSOLIDATED_ACT.search(line)):
            target = match.group(1)
        elif target and (match := AMENDING_ACT.search(line)):
            acts.append(match.group(1))
            if day := importers._vn_date(importers.EFFECTIVE.search(line)):
                dates.append(day)
    return Header(vbhn, issued, target, max(dates) if dates else None, tuple(acts))


def _plain(text: str) -> str:
    text = text.lower().replace("hàng", "hằng")
    return re.sub(r"\W+", "", text)


def _article_text(rows: list[importers.ProvisionRow], slug: str) -> str:
    article = next(row for row in rows if row.slug == slug)
    lines = [line for _slug, line in importers.article_lines(rows, slug) if line]
    return "\n".join([f"Điều {article.number}. {article.title}".strip(), *lines])


def _wording_before(*, article: Provision, on: dt.date) -> str:
    parts = list(Provision.objects.filter(article=article).order_by("position"))
    wording = selectors.article_as_on(article=article, parts=parts, on=on)
    if wording.replaced_whole is not None:
        return wording.intro.text
    numbered = [
        f"{item.provision.number}. {item.text}"
        if item.provision.kind == "clause"
        else f"{item.provision.number}) {item.text}"
        for item in wording.parts
        if not item.repealed
    ]
    return "\n".join([wording.intro.text, *numbered])


def _note(header: Header) -> str:
    return _(
        "Lời văn theo văn bản hợp nhất %(vbhn)s ngày %(issued)s (hợp nhất Luật %(target)s với các luật sửa đổi: "
        "%(acts)s), áp dụng từ %(day)s, khi mọi luật sửa đổi đó đã có hiệu lực. Văn bản hợp nhất không phải là "
        "luật: căn cứ pháp lý là các luật sửa đổi."
    ) % {
        "vbhn": header.vbhn,
        "issued": header.issued_on.strftime("%d/%m/%Y") if header.issued_on else "",
        "target": header.target,
        "acts": ", ".join(header.acts),
        "day": header.effective_on.strftime("%d/%m/%Y") if header.effective_on else "",
    }


def consolidated_apply(*, path: Path) -> ConsolidatedResult:
    """Store, for each article of the consolidated act whose wording the library computes otherwise, the VBHN
    wording as a whole-article amendment; safe to re-run (rows of the same VBHN are replaced)."""
    paragraphs = [clean_line(line) for line in path.read_text("utf-8").splitlines()]
    header = header_of([p for p in paragraphs if p])
    result = ConsolidatedResult(vbhn=header.vbhn, target=header.target, effective_on=header.effective_on)
    document = Document.objects.filter(number=header.target).first()
    if document is None or header.effective_on is None or not header.vbhn:
        return result
    (parsed,) = importers.parse(path, number=header.target).documents
    note = _note(header)
    articles = {p.slug: p for p in Provision.objects.filter(document=document, kind="article")}
    with transaction.atomic():
        stored = Amendment.objects.filter(target_number=header.target, origin=Amendment.Origin.VBHN)
        known = set(stored.values_list("target_slug", flat=True))
        stored.delete()
        for row in parsed.provisions:
            article = articles.get(row.slug)
            if row.kind != "article" or article is None:
                continue  # articles the VBHN adds (7a, 48a…) come with the amending act's own "add" rows
            text = _article_text(parsed.provisions, row.slug)
            before = _wording_before(article=article, on=header.effective_on)
            if _plain(text.split("\n", 1)[-1]) == _plain(before):
                result.unchanged += 1
                continue
            Amendment.objects.create(
                source=None,
                target_number=header.target,
                target_slug=row.slug,
                target=article,
                kind=Amendment.Kind.AMEND,
                effective_on=header.effective_on,
                text=text,
                origin=Amendment.Origin.VBHN,
                note=note,
            )
            result.changed += 1
            if row.slug in known:  # entries are flagged once, when the consolidated wording first arrives
                continue
            result.flagged_entries += entries_flag_for_review(
                provision_ids=[article.pk],
                reason=_("Điều khoản được trích dẫn có lời văn hợp nhất mới (%(vbhn)s).") % {"vbhn": header.vbhn},
            )
    return result
