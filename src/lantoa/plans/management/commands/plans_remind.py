import datetime as dt

from django.core.management.base import BaseCommand
from django.utils import timezone

from lantoa.plans.services import notices


class Command(BaseCommand):
    help = "Record in-app reminders for reports, tasks and follow-ups coming due (once a day per subject)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--on", type=dt.date.fromisoformat, default=None, help="date to act as today (YYYY-MM-DD)")
        parser.add_argument("--days", type=int, default=7, help="how many days ahead to remind")

    def handle(self, *, on: dt.date | None, days: int, **options: object) -> None:
        result = notices.reminders_send(on=on or timezone.localdate(), days_ahead=days)
        for notice in result.created:
            self.stdout.write(f"{notice.unit.code}\t{notice.get_kind_display()}\t{notice.message}")
        self.stdout.write(f"created={len(result.created)} already_sent={result.already_sent}")
