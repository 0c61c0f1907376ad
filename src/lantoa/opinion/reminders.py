"""Reminders of kiến nghị for the daily reminder run (declared as `reminders` on the AppConfig; plans records them).

An unanswered recommendation is recalled to whoever must answer it `DUE_SOON_DAYS` days before its deadline and on
each day until then; once the deadline has passed, both to that body and to the unit that raised it, until the answer
is recorded (daily for a week, then weekly: the reminder run decides which days). A body outside the system cannot be reached here, so the raising unit (whose officer raised
it on the body's behalf and follows it up) is the one reminded instead.
"""

import datetime as dt

from django.urls import reverse
from django.utils.translation import gettext as _

from lantoa.core.formats import vn_date
from lantoa.core.registry import Reminder
from lantoa.opinion.models import Recommendation

DUE_SOON_DAYS = 3
# Values of plans' Notice.Kind (opinion does not import plans).
KIND_DUE = "recommend_due"
KIND_OVERDUE = "recommend_overdue"
TITLE_CHARS = 120


def title_of(recommendation: Recommendation) -> str:
    """The recommendation's first line, shortened: it has no title of its own."""
    line = recommendation.text.strip().splitlines()[0] if recommendation.text.strip() else ""
    return line if len(line) <= TITLE_CHARS else line[: TITLE_CHARS - 1].rstrip() + "…"


def reminders(*, on: dt.date) -> list[Reminder]:
    rows = (
        Recommendation.objects.filter(answered_on__isnull=True, due_on__lte=on + dt.timedelta(days=DUE_SOON_DAYS))
        .select_related("addressee_unit")  # `row.addressee` reads its name
        .order_by("due_on", "pk")
    )
    url = reverse("opinion:recommendations")
    found: list[Reminder] = []
    for row in rows:
        values = {"title": title_of(row), "body": row.addressee, "date": vn_date(row.due_on)}
        answering_unit = row.addressee_unit_id or row.unit_id
        if row.due_on < on:
            message = _("Kiến nghị “%(title)s” tới %(body)s đã quá hạn trả lời (hạn %(date)s).") % values
            units = dict.fromkeys([answering_unit, row.unit_id])
            kind = KIND_OVERDUE
        else:
            message = _("Kiến nghị “%(title)s” tới %(body)s cần trả lời chậm nhất ngày %(date)s.") % values
            units = dict.fromkeys([answering_unit])
            kind = KIND_DUE
        found.extend(
            Reminder(
                unit_id=unit_id,
                kind=kind,
                subject_key=f"recommendation:{row.pk}",
                message=message,
                url=url,
                due_on=row.due_on,
            )
            for unit_id in units
        )
    return found
