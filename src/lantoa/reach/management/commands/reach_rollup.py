from django.core.management.base import BaseCommand, CommandParser

from lantoa.reach import services


class Command(BaseCommand):
    help = "Count the reach events recorded since the last catch-up into the daily roll-ups (run it from a timer)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--batch", type=int, default=services.ROLLUP_BATCH, help="events per transaction")

    def handle(self, *args: object, batch: int, **options: object) -> None:
        counted = services.reach_rollup(batch=batch)
        self.stdout.write(f"{counted} events counted")
