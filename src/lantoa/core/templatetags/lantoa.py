from django import template
from django.templatetags.static import static
from django.utils.html import format_html_join
from django.utils.safestring import SafeString
from wagtail.models import Page

from lantoa.core import formats, links, registry

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


@register.simple_tag
def worker_page_scripts() -> SafeString:
    """Markers for the scripts apps ask every worker page to load while the phone keeps something for them
    (`worker_page_scripts` in the registry); core/behaviours.js loads each one then."""
    wanted = dict.fromkeys(entry for _config, entries in registry.declared("worker_page_scripts") for entry in entries)
    return format_html_join(
        "", '<i hidden data-load-script="{}" data-when-stored="{}"></i>', ((static(p), key) for p, key in wanted)
    )
