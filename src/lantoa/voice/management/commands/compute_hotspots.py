import datetime as dt

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from lantoa.voice.services.hotspots import hotspot_week_compute, week_start


class Command(BaseCommand):
    help = "Compute the weekly hotspot index (the running week, or --weeks back from it). Run daily or weekly."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--weeks", type=int, default=1, help="How many weeks to (re)compute, oldest first.")

    def handle(self, *, weeks: int, **options: object) -> None:
        current = week_start(timezone.localdate())
        for back in range(weeks - 1, -1, -1):
            week_on = current - dt.timedelta(weeks=back)
            scores = hotspot_week_compute(week_on=week_on)
            warnings = sum(score.is_warning for score in scores)
            self.stdout.write(f"{week_on.isoformat()} units={len(scores)} warnings={warnings}")
