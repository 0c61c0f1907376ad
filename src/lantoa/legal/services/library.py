"""Writes for the law library: documents and provisions from parsed files, relations between documents."""

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from lantoa.legal import importers
from lantoa.legal.models import Document, HandbookEntry, Provision, Relation

ARTICLE_STEP = 1000  # positions: Điều N sits at N*1000, its khoản/điểm right after, whatever the source format


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    documents: list[str] = field(default_factory=list)
    problems: list[importers.Problem] = field(default_factory=list)
    flagged_entries: int = 0
    written: bool = False


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
            parent_slug = provision.parent.slug if provision.parent_id else ""
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
    return HandbookEntry.objects.filter(pk__in=entry_ids).update(needs_review=True, review_note=reason)


def _relations_record(*, document: Document, parsed: importers.ParsedDocument) -> None:
    texts: dict[str, list[str]] = {}
    for row in parsed.provisions:
        if row.kind == "article" and "hiệu lực" in row.title.lower():
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


def relations_apply() -> int:
    """Link relations to imported targets; a replaced document expires, repealed articles expire.

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
        if relation.kind == Relation.Kind.REPLACES and relation.from_on:
            if target.expiry_on != relation.from_on or target.status != Document.Status.SUPERSEDED:
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
        elif relation.kind == Relation.Kind.AMENDS and relation.from_on and relation.target_articles:
            slugs = [f"dieu-{number}" for number in relation.target_articles.split(",")]
            articles = Provision.objects.filter(document=target, kind="article", slug__in=slugs).exclude(
                expiry_on=relation.from_on
            )
            ids = list(articles.values_list("pk", flat=True))
            if ids:
                Provision.objects.filter(pk__in=ids).update(expiry_on=relation.from_on)
                reason = _("Điều luật được trích dẫn bị bãi bỏ bởi %(number)s từ %(day)s.") % {
                    "number": relation.source.number,
                    "day": relation.from_on.strftime("%d/%m/%Y"),
                }
                flagged += entries_flag_for_review(provision_ids=ids, reason=reason)
    return flagged


def documents_import(*, path: Path, fmt: str = "auto", dry_run: bool = False, number: str = "") -> ImportResult:
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
            changed_ids = _provisions_write(document=document, parsed=item, result=result)
            _relations_record(document=document, parsed=item)
            if changed_ids and not dry_run:
                reason = _("Nội dung điều luật được trích dẫn đã thay đổi khi nhập lại %(number)s.") % {
                    "number": document.number
                }
                result.flagged_entries += entries_flag_for_review(provision_ids=changed_ids, reason=reason)
        result.flagged_entries += relations_apply()
        if dry_run:
            transaction.set_rollback(True)
            return result
    result.written = True
    return result
