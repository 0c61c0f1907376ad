from django.core.management.base import BaseCommand, CommandParser

from lantoa.voice.services.cases import reports_purge


class Command(BaseCommand):
    help = "Delete closed voice cases older than VOICE_RETENTION_DAYS (or --days) after closing. Run daily."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--days", type=int, default=None)

    def handle(self, *, days: int | None, **options: object) -> None:
        self.stdout.write(f"purged={reports_purge(days=days)}")
