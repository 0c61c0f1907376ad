"""Writes for the law library: documents and provisions from parsed files, relations between documents."""

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypedDict

from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from lantoa.core import imports as core_imports
from lantoa.legal import effective_dates, importers, library_cache
from lantoa.legal.models import Amendment, Document, HandbookEntry, Provision, Relation

ARTICLE_STEP = 1000  # positions: Điều N sits at N*1000, its khoản/điểm right after, whatever the source format


@dataclass
class ImportResult(core_imports.ImportResult[importers.Problem]):
    documents: list[str] = field(default_factory=list)
    flagged_entries: int = 0
    written: bool = False


def is_consolidated_text(path: Path) -> bool:
    """A văn bản hợp nhất ("…-vbhn-…-hop-nhat.txt"): not law, it gives current wording (services.consolidated)."""
    return "-vbhn-" in path.name and "hop-nhat" in path.name


def is_consolidated_note(path: Path) -> bool:
    """The notes beside a văn bản hợp nhất (its footnotes): never imported as a text of law."""
    return "-vbhn-" in path.name and not is_consolidated_text(path)


def _article_position(number: str) -> int:
    digits = int(re.sub(r"\D", "", number) or 0)
    return digits * ARTICLE_STEP + (1 if re.search(r"[a-z]$", number) else 0) * 500


def _positions(rows: list[importers.ProvisionRow]) -> dict[str, int]:
    positions: dict[str, int] = {}
    pending_containers: list[str] = []
    offset = 0
    for row in rows:
        if row.kind in {"part", "chapter", "section"}:
            pending_containers.append(row.slug)
        elif row.kind == "article":
            base = _article_position(row.number)
            for index, slug in enumerate(reversed(pending_containers), start=1):
                positions[slug] = base - index
            pending_containers = []
            positions[row.slug] = base
            offset = 0
        else:
            offset += 1
            positions[row.slug] = positions.get(row.article_slug, 0) + offset
    return positions


def _document_upsert(*, row: importers.DocumentRow, is_full_record: bool) -> tuple[Document, bool]:
    """JSONL records carry the document's metadata; a text file only fills what is still blank."""
    document = Document.objects.filter(number=row.number).first()
    values = {
        "doc_type": row.doc_type,
        "title": row.title or f"{row.doc_type} {row.number}",
        "issuer": row.issuer,
        "issued_on": row.issued_on,
        "effective_on": row.effective_on,
        "source": row.source,
    }
    if is_full_record:
        values["status"] = row.status
    if document is None:
        return Document.objects.create(number=row.number, slug=row.slug, **values), True
    changed = False
    for name, value in values.items():
        if not value or (not is_full_record and getattr(document, name) and name != "source"):
            continue
        if getattr(document, name) != value:
            setattr(document, name, value)
            changed = True
    if changed:
        document.save()
    return document, changed


def _provisions_write(*, document: Document, parsed: importers.ParsedDocument, result: ImportResult) -> set[int]:
    """Upsert the parsed provisions of one document; returns ids of articles whose text or parts changed."""
    existing = {p.slug: p for p in Provision.objects.filter(document=document)}
    # A published text brings the Chương/Mục structure to articles already imported from records: it places them
    # and leaves their wording alone, so importing both files of one law never flips the text back and forth.
    structure_only = parsed.has_structure and any(p.kind == "article" for p in existing.values())
    positions = _positions(parsed.provisions)
    by_slug: dict[str, Provision] = {}
    changed_articles: set[str] = set()
    parsed_slugs = {row.slug for row in parsed.provisions}
    for row in parsed.provisions:
        provision = existing.get(row.slug)
        if structure_only and row.kind in {"clause", "point"}:
            continue
        parent_slug = row.parent_slug
        if not parsed.has_structure and row.kind == "article" and provision is not None:
            parent_slug = provision.parent.slug if provision.parent is not None else ""
        parent = by_slug.get(parent_slug) or existing.get(parent_slug) if parent_slug else None
        article = by_slug.get(row.article_slug) if row.article_slug else None
        values = {
            "kind": row.kind,
            "number": row.number,
            "title": row.title[:500],
            "text": row.text,
            "position": positions.get(row.slug, 0),
            "parent": parent,
            "article": article,
        }
        if structure_only and provision is not None and row.kind == "article":
            values = {"parent": parent, "position": values["position"]}
        if provision is None:
            provision = Provision.objects.create(document=document, slug=row.slug, **values)
            result.created += 1
            if row.kind in {"article", "clause", "point"}:
                changed_articles.add(row.article_slug or row.slug)
        else:
            dirty = [name for name, value in values.items() if getattr(provision, name) != value]
            if dirty:
                for name in dirty:
                    setattr(provision, name, values[name])
                provision.save()
                result.updated += 1
                if {"text", "number"} & set(dirty) or row.kind in {"clause", "point"}:
                    changed_articles.add(row.article_slug or row.slug)
            else:
                result.unchanged += 1
        by_slug[row.slug] = provision
    # khoản/điểm that disappeared from a re-imported article
    stale = (
        []
        if structure_only
        else [
            p.pk
            for slug, p in existing.items()
            if slug not in parsed_slugs and p.kind in {"clause", "point"} and p.article_slug in by_slug
        ]
    )
    if stale:
        changed_articles.update(existing[slug].article_slug for slug in existing if existing[slug].pk in stale)
        Provision.objects.filter(pk__in=stale, citations__isnull=True).delete()
    return {by_slug[slug].pk for slug in changed_articles if slug in by_slug}


def entries_flag_for_review(*, provision_ids: Iterable[int], reason: str) -> int:
    """Mark handbook/FAQ entries citing these provisions (or their khoản/điểm) for review."""
    ids = list(provision_ids)
    if not ids:
        return 0
    citing = Q(citations__provision_id__in=ids) | Q(citations__provision__article_id__in=ids)
    entry_ids = set(HandbookEntry.objects.filter(citing, needs_review=False).values_list("pk", flat=True))
    flagged = HandbookEntry.objects.filter(pk__in=entry_ids).update(needs_review=True, review_note=reason)
    if flagged:
        library_cache.library_changed()  # `update` sends no signal
    return flagged


def _relations_record(*, document: Document, parsed: importers.ParsedDocument) -> None:
    texts: dict[str, list[str]] = {}
    for row in parsed.provisions:
        if row.kind == "article" and importers.is_effect_article(row.title):
            texts[row.slug] = [row.text]
        elif row.article_slug in texts:
            texts[row.article_slug].append(row.text)
    for parts in texts.values():
        for found in importers.relations_in("\n".join(parts)):
            Relation.objects.update_or_create(
                source=document,
                target_number=found.target_number,
                kind=found.kind,
                defaults={
                    "from_on": document.effective_on,
                    "target_articles": ",".join(found.target_articles),
                    "note": found.note[:2000],
                },
            )


class _AmendmentKey(TypedDict):
    """The fields of `amendment_unique`: one parsed change, however often its act is re-imported."""

    source: Provision
    target_number: str
    target_slug: str
    kind: str
    old_phrase: str


def _amendments_record(*, document: Document, parsed: importers.ParsedDocument) -> None:
    """The provision-level changes this document states; parsed rows are replaced, an editor's are kept."""
    sources = {p.slug: p for p in Provision.objects.filter(document=document)}
    found: list[importers.AmendmentRow] = []
    early: list[effective_dates.EarlyDate] = []
    for row in parsed.provisions:
        if row.kind != "article":
            continue
        if importers.is_effect_article(row.title):
            lines = importers.article_lines(parsed.provisions, row.slug)
            for line_slug, text in lines:
                found.extend(importers.repeals_in(slug=line_slug, text=text))
            early.extend(effective_dates.early_dates_in(lines=lines, act_date=document.effective_on))
        else:
            found.extend(
                importers.amendments_in(
                    lines=importers.article_lines(parsed.provisions, row.slug),
                    default_target=parsed.document.amends_number,
                )
            )
    kept: set[int] = set()
    for item in found:
        source = sources.get(item.source_slug)
        if source is None or item.target_number == document.number:
            continue
        key: _AmendmentKey = {
            "source": source,
            "target_number": item.target_number,
            "target_slug": item.target_slug,
            "kind": item.kind,
            "old_phrase": item.old_phrase[:300],
        }
        edited = Amendment.objects.filter(**key, origin=Amendment.Origin.EDITOR).first()
        if edited is not None:  # an editor's correction survives re-imports
            kept.add(edited.pk)
            continue
        sooner = effective_dates.date_for(item.source_slug, early)
        amendment, _created = Amendment.objects.update_or_create(
            **key,
            defaults={
                "effective_on": sooner.effective_on if sooner else document.effective_on,
                "text": item.text,
                "new_phrase": item.new_phrase[:300],
                "origin": Amendment.Origin.PARSED,
                "note": _early_note(sooner, document) if sooner else "",
            },
        )
        kept.add(amendment.pk)
    Amendment.objects.filter(source__document=document, origin=Amendment.Origin.PARSED).exclude(pk__in=kept).delete()
    for target_number in {item.target_number for item in found} - {document.number}:
        Relation.objects.get_or_create(
            source=document,
            target_number=target_number,
            kind=Relation.Kind.AMENDS,
            defaults={"from_on": document.effective_on},
        )


def _early_note(early: effective_dates.EarlyDate, document: Document) -> str:
    article, _sep, clause = early.source_slug.removeprefix("dieu-").partition("-khoan-")
    return _(
        "Có hiệu lực từ %(day)s theo khoản %(clause)s Điều %(article)s %(number)s, cho những quy định khoản đó "
        "nêu; phần còn lại từ %(act_day)s."
    ) % {
        "day": early.effective_on.strftime("%d/%m/%Y"),
        "clause": clause,
        "article": article,
        "number": document.number,
        "act_day": document.effective_on.strftime("%d/%m/%Y") if document.effective_on else "",
    }


def _repealed_provisions(*, target: Document, slug: str) -> list[Provision]:
    """The provision a repeal names; a Chương or Mục stands for every article in it."""
    provisions = list(Provision.objects.filter(document=target, slug=slug))
    containers = [p for p in provisions if p.kind in {"part", "chapter", "section"}]
    if containers:
        inside = Q(parent__in=containers) | Q(parent__parent__in=containers) | Q(parent__parent__parent__in=containers)
        provisions += list(Provision.objects.filter(inside, document=target, kind="article"))
    return provisions


def amendments_apply() -> int:
    """Link amendments to imported provisions and give repealed provisions their own repeal date.

    A provision keeps the earliest repeal date (a Mục repealed in 2016 stays repealed in 2016 when its whole act
    is replaced in 2025). Returns how many handbook entries were newly flagged for review.
    """
    flagged = 0
    targets = {d.number: d for d in Document.objects.filter(number__in=Amendment.objects.values("target_number"))}
    parsed_or_edited = Amendment.objects.exclude(origin=Amendment.Origin.VBHN).filter(target_number__in=targets)
    for amendment in parsed_or_edited.select_related("source__document"):
        target = targets[amendment.target_number]
        provisions = _repealed_provisions(target=target, slug=amendment.target_slug)
        linked = next((p for p in provisions if p.slug == amendment.target_slug), None)
        newly_linked = linked if linked is not None and amendment.target_id != linked.pk else None
        if newly_linked is not None:
            amendment.target = newly_linked
            amendment.save(update_fields=["target"])
        source = amendment.source  # None only on a consolidated text's rows (vbhn), left out above
        if not amendment.effective_on or source is None:
            continue
        # Entries are flagged once, when the change first reaches the cited provision, not on every re-import.
        if amendment.kind == Amendment.Kind.REPEAL:
            ids = [p.pk for p in provisions if not p.expiry_on or p.expiry_on > amendment.effective_on]
            if Provision.objects.filter(pk__in=ids).update(expiry_on=amendment.effective_on):
                library_cache.library_changed()  # `update` sends no signal
            reason = _("Điều khoản được trích dẫn bị bãi bỏ bởi %(source)s %(number)s từ %(day)s.")
        else:
            ids = [newly_linked.pk] if newly_linked is not None else []
            reason = _("Điều khoản được trích dẫn được sửa đổi bởi %(source)s %(number)s từ %(day)s.")
        flagged += entries_flag_for_review(
            provision_ids=ids,
            reason=reason
            % {
                "source": source.label,
                "number": source.document.number,
                "day": amendment.effective_on.strftime("%d/%m/%Y"),
            },
        )
    return flagged


def relations_apply() -> int:
    """Link relations to imported targets; a replaced document expires (repealed provisions: amendments_apply).

    Returns how many handbook entries were newly flagged for review.
    """
    flagged = 0
    for relation in Relation.objects.select_related("source", "target"):
        target = relation.target or Document.objects.filter(number=relation.target_number).first()
        if target is None:
            continue
        if relation.target_id != target.pk:
            relation.target = target
            relation.save(update_fields=["target"])
        if (
            relation.kind == Relation.Kind.REPLACES
            and relation.from_on
            and (target.expiry_on != relation.from_on or target.status != Document.Status.SUPERSEDED)
        ):
            target.expiry_on = relation.from_on
            target.status = Document.Status.SUPERSEDED
            target.save(update_fields=["expiry_on", "status", "updated_at"])
            reason = _("%(title)s %(number)s thay thế văn bản được trích dẫn từ %(day)s.") % {
                "title": relation.source.title,
                "number": relation.source.number,
                "day": relation.from_on.strftime("%d/%m/%Y"),
            }
            ids = Provision.objects.filter(document=target, kind="article").values_list("pk", flat=True)
            flagged += entries_flag_for_review(provision_ids=ids, reason=reason)
    return flagged


def documents_import(
    *, path: Path, fmt: str = "auto", dry_run: bool = False, number: str = "", unchecked: bool = False
) -> ImportResult:
    """Parse a file and write its documents and provisions, all or nothing; safe to re-run.

    Errors (missing or duplicate articles, unreadable lines) stop the import; warnings (a heading glued to an
    article's end, dropped) are reported beside the counts.
    """
    parsed = importers.parse(path, fmt=fmt, number=number)
    result = ImportResult(problems=parsed.problems, documents=[d.document.number for d in parsed.documents])
    if parsed.errors:
        return result
    with transaction.atomic():
        for item in parsed.documents:
            document, _changed = _document_upsert(row=item.document, is_full_record=not item.has_structure)
            if unchecked and not document.needs_checking:
                document.needs_checking = True
                document.save(update_fields=["needs_checking", "updated_at"])
            changed_ids = _provisions_write(document=document, parsed=item, result=result)
            _relations_record(document=document, parsed=item)
            _amendments_record(document=document, parsed=item)
            if changed_ids and not dry_run:
                reason = _("Nội dung điều luật được trích dẫn đã thay đổi khi nhập lại %(number)s.") % {
                    "number": document.number
                }
                result.flagged_entries += entries_flag_for_review(provision_ids=changed_ids, reason=reason)
        result.flagged_entries += relations_apply()
        result.flagged_entries += amendments_apply()
        if dry_run:
            transaction.set_rollback(True)
            return result
    result.written = True
    return result
