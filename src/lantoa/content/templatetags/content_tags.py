from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

register = template.Library()


@register.filter
def lines_html(text: str) -> SafeString:
    """Plain lesson text as HTML: lines starting with "- " become a list, other lines paragraphs (escaped)."""
    html: list[SafeString] = []
    items: list[str] = []

    def close_list() -> None:
        if items:
            html.append(format_html("<ul>{}</ul>", format_html_join("", "<li>{}</li>", ((item,) for item in items))))
            items.clear()

    for line in (text or "").splitlines():
        stripped = line.strip()
        if stripped.startswith("- "):
            items.append(stripped[2:])
            continue
        close_list()
        if stripped:
            html.append(format_html("<p>{}</p>", stripped))
    close_list()
    return SafeString("".join(html))
