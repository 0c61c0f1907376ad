from typing import Any

from django import template

from lantoa.activities.selectors import nav_tabs_for_user

register = template.Library()


@register.simple_tag(takes_context=True)
def activities_tabs(context: dict[str, Any]) -> list[tuple[str, str]]:
    return nav_tabs_for_user(context["request"].user)
