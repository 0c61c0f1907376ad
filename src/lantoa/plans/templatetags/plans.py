from typing import Any

from django import template

from lantoa.orgs import access
from lantoa.plans.selectors.documents import cell_text

register = template.Library()
register.filter("cell", cell_text)


@register.filter
def dashboard_opens_for(unit: Any, user: Any) -> bool:
    """Whether a link to `unit`'s dashboard would open for `user` (a commune officer sees no link up to the province)."""
    return bool(unit) and access.can(user, "plans.view_dashboard", unit)
