"""Writes for the handbook ("Sổ tay pháp luật cho công nhân"): chapters and entries from TOML, citations."""

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from lantoa.core.text import nfc, slugify_vi
from lantoa.legal import library_cache
from lantoa.legal.models import Citation, HandbookChapter, HandbookEntry, Provision

SEED_DIR = Path(__file__).resolve().parent.parent / "seed" / "handbook"


@dataclass
class HandbookResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    problems: list[str] = field(default_factory=list)


def provision_resolve(*, doc_number: str, article: str, clause: str = "", point: str = "") -> Provision:
    """The provision a citation names ("45/2019/QH14", "Điều 113", "khoản 2", "điểm a")."""
    slug = slugify_vi(article)
    for part in (clause, point):
        if part.strip():
            slug += "-" + slugify_vi(part)
    provision = Provision.objects.filter(document__number=doc_number, slug=slug).select_related("document").first()
    if provision is None:
        raise ValidationError(
            _("Không tìm thấy %(ref)s của văn bản %(number)s."),
            code="provision_missing",
            params={"ref": " ".join(p for p in (point, clause, article) if p), "number": doc_number},
        )
    return provision


def _citations_set(*, entry: HandbookEntry, provisions: list[Provision]) -> bool:
    wanted = [p.pk for p in dict.fromkeys(provisions)]
    current = list(entry.citations.order_by("position").values_list("provision_id", flat=True))
    if current == wanted:
        return False
    entry.citations.all().delete()
    Citation.objects.bulk_create(
        Citation(entry=entry, provision_id=pk, position=index) for index, pk in enumerate(wanted)
    )
    library_cache.library_changed()  # `bulk_create` sends no signal
    return True


@transaction.atomic
def handbook_import(*, directory: Path = SEED_DIR) -> HandbookResult:
    """Upsert chapters and entries by slug; an entry whose citations cannot be resolved is reported, not written."""
    result = HandbookResult()
    for path in sorted(directory.glob("*.toml")):
        data = tomllib.loads(nfc(path.read_text("utf-8")))
        chapter, _created = HandbookChapter.objects.update_or_create(
            slug=data["slug"], defaults={"title": data["chapter"], "position": data.get("order", 0)}
        )
        for position, item in enumerate(data.get("entry", []), start=1):
            try:
                provisions = [
                    provision_resolve(
                        doc_number=c["doc_number"],
                        article=c["article"],
                        clause=c.get("clause", ""),
                        point=c.get("point", ""),
                    )
                    for c in item.get("citations", [])
                ]
            except ValidationError as error:
                result.problems.append(f"{path.name}: {item['slug']}: {error.messages[0]}")
                continue
            values = {
                "chapter": chapter,
                "question": item["question"].strip(),
                "answer": item["answer"].strip(),
                "keywords": ", ".join(item.get("keywords", [])),
                "position": position,
                "origin": HandbookEntry.Origin.HANDBOOK,
            }
            entry = HandbookEntry.objects.filter(slug=item["slug"]).first()
            if entry is None:
                entry = HandbookEntry.objects.create(slug=item["slug"], **values)
                _citations_set(entry=entry, provisions=provisions)
                result.created += 1
                continue
            dirty = [name for name, value in values.items() if getattr(entry, name) != value]
            for name in dirty:
                setattr(entry, name, values[name])
            if dirty:
                entry.save()
            if _citations_set(entry=entry, provisions=provisions) or dirty:
                result.updated += 1
            else:
                result.unchanged += 1
    return result


@transaction.atomic
def entry_review_done(*, entry: HandbookEntry) -> HandbookEntry:
    entry.needs_review = False
    entry.review_note = ""
    entry.save(update_fields=["needs_review", "review_note", "updated_at"])
    return entry


def answer_paragraphs(answer: str) -> list[dict]:
    """Blocks of an answer: paragraphs and lists (lines starting "- "), for templates."""
    blocks: list[dict] = []
    for chunk in re.split(r"\n\s*\n", answer.strip()):
        lines = [line.strip() for line in chunk.splitlines() if line.strip()]
        items = [line[2:] for line in lines if line.startswith("- ")]
        text = [line for line in lines if not line.startswith("- ")]
        if text:
            blocks.append({"kind": "p", "text": " ".join(text)})
        if items:
            blocks.append({"kind": "ul", "items": items})
    return blocks
