from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from lantoa.content.importers import SEED_DIR
from lantoa.learning import services


class Command(BaseCommand):
    help = (
        "Import the quizzes of lesson files (TOML) into the question bank, attached to their lessons; safe to re-run."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("folder", type=Path, nargs="?", default=SEED_DIR)

    def handle(self, *, folder: Path, **options: object) -> None:
        result = services.questions_import(folder=folder)
        for problem in result.problems:
            self.stderr.write(f"{folder / problem.file}: {problem.message}")
        if result.problems:
            raise CommandError("nothing imported")
        self.stdout.write(f"created={result.created} updated={result.updated} unchanged={result.unchanged}")
