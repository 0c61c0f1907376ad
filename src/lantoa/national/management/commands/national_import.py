from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from lantoa.national import services


class Command(BaseCommand):
    help = "Verify and keep provinces' signed returns (national side); a file that fails is named and skipped."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("files", nargs="+", type=Path)

    def handle(self, *, files: list[Path], **options: object) -> None:
        failed = 0
        for path in files:
            try:
                with path.open("rb") as handle:
                    kept = services.return_import(handle.read(services.MAX_RETURN_BYTES + 1))
            except (OSError, ValidationError) as error:
                failed += 1
                message = " ".join(error.messages) if isinstance(error, ValidationError) else str(error)
                self.stderr.write(f"{path.name}: {message}")
                continue
            self.stdout.write(f"{path.name}: {kept}")
        if failed:
            raise CommandError(f"{failed} tệp không nhận được.")
