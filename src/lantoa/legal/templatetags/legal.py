"""Law text for reading: cross-references ("khoản 2 Điều 35 của Bộ luật này") become links."""

import re

from django import template
from django.urls import reverse
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe

from lantoa.legal import selectors
from lantoa.legal.models import Document

register = template.Library()

REFERENCE = re.compile(
    r"(?:(?:điểm (?P<point>[a-zđ]) )?khoản (?P<clause>\d+) )?Điều (?P<article>\d+[a-z]?) của "
    r"(?P<doc>(?:Bộ luật|Luật|Nghị định) này|Bộ luật Lao động)"
)


def _target(match: re.Match, document: Document) -> str | None:
    if match.group("doc").endswith("này"):
        slug = document.slug
    else:
        other = selectors.document_by_title(title=match.group("doc"))
        if other is None:
            return None
        slug = other.slug
    url = reverse("legal:article", kwargs={"doc": slug, "article": f"dieu-{match.group('article')}"})
    anchor = ""
    if match.group("clause"):
        anchor = f"#dieu-{match.group('article')}-khoan-{match.group('clause')}"
        if match.group("point"):
            anchor += f"-diem-{match.group('point').replace('đ', 'd')}"
    return url + anchor


@register.filter
def cross_links(text: str, document: Document) -> SafeString:
    """Escape `text` and link the references it makes to articles of this document or of the Labour Code."""
    pieces: list[str] = []
    position = 0
    for match in REFERENCE.finditer(text):
        url = _target(match, document)
        if url is None:
            continue
        pieces.append(conditional_escape(text[position : match.start()]))
        pieces.append(format_html('<a href="{}">{}</a>', url, match.group()))
        position = match.end()
    pieces.append(conditional_escape(text[position:]))
    return mark_safe("".join(str(piece) for piece in pieces))  # noqa: S308 - every piece is escaped above
