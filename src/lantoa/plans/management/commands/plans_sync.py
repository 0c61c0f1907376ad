import datetime as dt

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from lantoa.plans.services import plans


class Command(BaseCommand):
    help = (
        "Bring plans' reference rows up to date (run it from the daily timer): the indicators from the data file and "
        "the registered sources, and the reporting periods units report on now (so reminders find them)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--on", type=dt.date.fromisoformat, default=None, help="date to act as today (YYYY-MM-DD)")

    def handle(self, *, on: dt.date | None, **options: object) -> None:
        indicators = plans.indicators_sync()
        opened = plans.periods_open_ensure(on=on or timezone.localdate())
        self.stdout.write(f"indicators={indicators} periods={','.join(period.code for period in opened)}")
