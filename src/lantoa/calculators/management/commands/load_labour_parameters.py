from pathlib import Path

from django.core.management.base import BaseCommand, CommandParser

from lantoa.calculators import services


class Command(BaseCommand):
    help = "Load the effective-dated labour parameters (minimum wages, contribution rates…) from the data file."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--path", type=Path, default=services.PARAMETERS_FILE)
        parser.add_argument("--overwrite", action="store_true", help="Reset rows an administrator has changed.")

    def handle(self, *, path: Path, overwrite: bool, **options: object) -> None:
        result = services.parameters_load(path=path, overwrite=overwrite)
        self.stdout.write(
            f"created={result.created} updated={result.updated} unchanged={result.unchanged} kept={result.kept}"
        )
