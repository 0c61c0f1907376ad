from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from lantoa.core import backup


class Command(BaseCommand):
    help = "Back up the database, the media and a manifest of row counts and checksums into a new folder."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--out", required=True, type=Path, help="a new (or empty) folder for the backup")
        parser.add_argument("--database", default="default", help="database alias (default: default)")

    def handle(self, *args: object, out: Path, database: str, **options: object) -> None:
        try:
            manifest = backup.backup(out, using=database)
        except backup.BackupError as error:
            raise CommandError(str(error)) from error
        rows = sum(manifest["database"]["tables"].values())
        self.stdout.write(
            f"Đã sao lưu / backed up: {len(manifest['database']['tables'])} bảng / tables, {rows} dòng / rows, "
            f"{len(manifest['files'])} tệp / files → {out}"
        )
