from typing import Any

from django.db.models import QuerySet

from lantoa.activities.models import WelfareRecord
from lantoa.activities.selectors import VIEW_ACTIONS, scope_any
from lantoa.orgs import access
from lantoa.orgs.models import Enterprise


def welfare_list_for_user(*, user: Any) -> QuerySet[WelfareRecord]:
    return (
        WelfareRecord.objects.select_related("enterprise__unit")
        .filter(
            scope_any(
                user,
                (*VIEW_ACTIONS, "activities.manage_welfare"),
                path_fields=("enterprise__unit__path", "enterprise__zone__path"),
            )
        )
        .order_by("-period_end", "enterprise__unit__name")
    )


def welfare_enterprises_for_user(*, user: Any) -> QuerySet[Enterprise]:
    return (
        Enterprise.objects.select_related("unit")
        .filter(access.scope_q(user, "activities.manage_welfare", path_fields=("unit__path", "zone__path")))
        .order_by("unit__name")
    )
