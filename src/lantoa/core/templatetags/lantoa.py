from django import template
from wagtail.models import Page

from lantoa.core import formats, links

register = template.Library()
register.filter("vn_date", formats.vn_date)
register.filter("vn_datetime", formats.vn_datetime)
register.filter("vn_number", formats.vn_number)
register.filter("vnd", formats.vnd)


@register.simple_tag(takes_context=True)
def public_url(context: template.Context, target: Page | str) -> str:
    """`{% public_url page %}` or `{% public_url "/path" %}`: the address to share, print or encode in a QR."""
    request = context.get("request")
    if isinstance(target, Page):
        return links.page_absolute_url(target, request)
    return links.absolute_url(target, request)
