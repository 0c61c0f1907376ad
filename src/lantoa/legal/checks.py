"""Reads for `manage.py legal_check`: content resting on law that no longer applies, or that names bodies gone."""

import datetime as dt
import tomllib
from dataclasses import dataclass
from pathlib import Path

from django.db.models import Q

from lantoa.core import registry
from lantoa.legal import bodies, selectors
from lantoa.legal.models import Amendment, HandbookEntry, Provision

EXCEPTIONS_PATH = Path(__file__).parent / "seed" / "legal_check_exceptions.toml"


@dataclass(frozen=True)
class Finding:
    key: str  # stable, to list an accepted exception
    where: str
    message: str
    # False for law in force naming a body gone: the text cannot be changed, its page carries the note instead.
    blocking: bool = True


def _cited_label(provision: Provision) -> str:
    article = provision.article or provision
    inner = f"{provision.label} " if provision.article_id else ""
    return f"{inner}{article.label} {provision.document.number}"


def _in_force(provision: Provision, on: dt.date) -> bool:
    article = provision.article or provision
    return selectors.validity_of(document=provision.document, provision=article, on=on).in_force and not (
        provision.expiry_on and provision.expiry_on <= on
    )


def findings(*, on: dt.date) -> list[Finding]:
    found: list[Finding] = []
    entries = HandbookEntry.objects.prefetch_related("citations__provision__document", "citations__provision__article")
    for entry in entries:
        for citation in entry.citations.all():
            if not _in_force(citation.provision, on):
                found.append(
                    Finding(
                        f"cites-expired:{entry.slug}:{citation.provision.document.slug}:{citation.provision.slug}",
                        entry.get_absolute_url(),
                        f"trích dẫn {_cited_label(citation.provision)}, không còn hiệu lực ngày {on:%d/%m/%Y}",
                    )
                )
        text = f"{entry.question}\n{entry.answer}"
        found.extend(
            Finding(f"body:{entry.slug}:{name}", entry.get_absolute_url(), f"nhắc «{name}»: {note}")
            for name, note in bodies.bodies_named(text, on=on)
        )
    expired = [
        p
        for p in Provision.objects.filter(kind="article").select_related("document")
        if not selectors.validity_of(document=p.document, provision=p, on=on).in_force
    ]
    keys = [(p.document.number, f"Điều {p.number}") for p in expired]
    for (number, article_label), pages in registry.provision_explainers(keys).items():
        for title, url in pages:
            found.append(
                Finding(
                    f"lesson-cites-expired:{url}:{number}:{article_label}",
                    url,
                    f"bài «{title}» dựa trên {article_label} {number}, không còn hiệu lực ngày {on:%d/%m/%Y}",
                )
            )
    for amendment in Amendment.objects.filter(
        Q(text="") & Q(kind__in=[Amendment.Kind.AMEND, Amendment.Kind.REPLACE, Amendment.Kind.ADD])
    ).select_related("source__document", "source__article"):
        by = _cited_label(amendment.source) if amendment.source is not None else "văn bản hợp nhất"
        found.append(
            Finding(
                f"no-wording:{amendment.target_number}:{amendment.target_slug}",
                amendment.target_slug,
                f"{amendment.target_slug} {amendment.target_number} được sửa đổi bởi {by} nhưng chưa lưu nội dung mới",
            )
        )
    in_force = (
        selectors.provisions_in_force(on=on)
        .select_related("document")
        .exclude(document__number__in=bodies.SUCCESSOR_TEXTS)
    )
    for article in in_force:
        parts = [article, *Provision.objects.filter(article=article).select_related("document", "article")]
        for item in bodies.notes_for(parts=[(part, part.text) for part in parts], on=on):
            part = item.provision
            see = ", ".join(f"{s.label} {s.document.number}" for s in item.successors)
            found.append(
                Finding(
                    f"law-body:{part.document.slug}:{part.slug}:{item.name}",
                    part.get_absolute_url(),
                    f"{_cited_label(part)} nhắc «{item.name}»: {item.note}"
                    + (f"; xem {see}" if see else "")
                    + " (trang điều luật có ghi chú)",
                    blocking=False,
                )
            )
    return found


def accepted_exceptions(path: Path | None = None) -> dict[str, str]:
    """Findings accepted on purpose: `[[exception]] key = "…" reason = "…"`; a reason is required."""
    path = path or EXCEPTIONS_PATH
    if not path.exists():
        return {}
    data = tomllib.loads(path.read_text("utf-8"))
    return {item["key"]: item["reason"] for item in data.get("exception", []) if item.get("reason")}
