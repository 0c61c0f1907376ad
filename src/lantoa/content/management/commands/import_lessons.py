from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from lantoa.content import services
from lantoa.content.importers import SEED_DIR


class Command(BaseCommand):
    help = "Import lessons from TOML files (one lesson a file) into the Wagtail tree; safe to re-run."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("folder", type=Path, nargs="?", default=SEED_DIR)
        parser.add_argument("--dry-run", action="store_true")

    def handle(self, *, folder: Path, dry_run: bool, **options: object) -> None:
        result = services.lessons_import(folder=folder, dry_run=dry_run)
        for problem in result.problems:
            self.stderr.write(f"{folder / problem.file}: {problem.message}")
        if result.problems:
            raise CommandError("nothing imported")
        self.stdout.write(f"created={result.created} updated={result.updated} unchanged={result.unchanged}")
