import datetime as dt

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from lantoa.plans.services import figures


class Command(BaseCommand):
    help = (
        "Compute every indicator source's counts for the periods dashboards show (run it from the hourly timer): "
        "dashboards read them instead of counting in the request."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--on", type=dt.date.fromisoformat, default=None, help="date to act as today (YYYY-MM-DD)")

    def handle(self, *, on: dt.date | None, **options: object) -> None:
        stored = figures.source_figures_refresh(on=on or timezone.localdate())
        self.stdout.write(f"{stored} source figures stored")
