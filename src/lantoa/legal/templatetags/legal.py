"""Law text for reading: cross-references ("khoản 2 Điều 35 của Bộ luật này", "khoản 1 Điều này") become links."""

import re
from html import escape

from django import template
from django.urls import reverse
from django.utils.html import conditional_escape, format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

from lantoa.legal import selectors
from lantoa.legal.models import Provision

register = template.Library()

REFERENCE = re.compile(
    r"(?:(?:điểm (?P<point>[a-zđ]) )?khoản (?P<clause>\d+) )?"
    r"(?:Điều (?P<article>\d+[a-z]?) (?:của )?(?P<doc>(?:Bộ luật|Luật|Nghị định) này|Bộ luật Lao động)"
    r"|Điều này)"
)


def _target(match: re.Match, article: Provision) -> str | None:
    number = match.group("article")
    if number is None:  # "khoản 2 Điều này": a khoản of the article being read
        if not match.group("clause"):
            return None
        return _anchor(article.number, match)
    if match.group("doc").endswith("này"):
        slug = article.document.slug
    else:
        other = selectors.document_by_title(title=match.group("doc"))
        if other is None:
            return None
        slug = other.slug
    url = reverse("legal:article", kwargs={"doc": slug, "article": f"dieu-{number}"})
    return url + (_anchor(number, match) if match.group("clause") else "")


def _anchor(article_number: str, match: re.Match) -> str:
    anchor = f"#dieu-{article_number}-khoan-{match.group('clause')}"
    if match.group("point"):
        anchor += f"-diem-{match.group('point').replace('đ', 'd')}"
    return anchor


@register.filter
def cross_links(text: str, article: Provision) -> SafeString:
    """Escape `text` and link the references it makes to this article's khoản, to other articles of its document
    and to the Labour Code."""
    pieces: list[str] = []
    position = 0
    for match in REFERENCE.finditer(text):
        url = _target(match, article)
        if url is None:
            continue
        pieces.append(conditional_escape(text[position : match.start()]))
        pieces.append(format_html('<a href="{}">{}</a>', url, match.group()))
        position = match.end()
    pieces.append(conditional_escape(text[position:]))
    return mark_safe("".join(str(piece) for piece in pieces))  # noqa: S308 - every piece is escaped above


@register.filter
def marks(pieces: list[tuple[str, bool]]) -> SafeString:
    """A passage line's (text, is_match) pieces, escaped, the question's words in <mark>: one filter where a template
    loop rendered a node per word (the answer page's longest part to render)."""
    html = "".join(f"<mark>{escape(text)}</mark>" if is_match else escape(text) for text, is_match in pieces)
    return mark_safe(html)  # noqa: S308 - every piece is escaped (the standard library's escape, which Django's wraps)


@register.filter
def marked_points(points: list[list[tuple[str, bool]]]) -> SafeString:
    """A passage's điểm, one `<p class="point">` each, marked as `marks` marks a line."""
    return mark_safe("".join(f'<p class="point">{marks(point)}</p>' for point in points))  # noqa: S308 - marks escapes


@register.filter
def link_items(links: list[tuple[str, str]]) -> SafeString:
    """(text, url) pairs as `<li><a>` items, both escaped: the links under an answer, without a template loop."""
    return format_html_join("", '<li><a href="{}">{}</a></li>', ((url, text) for text, url in links))
