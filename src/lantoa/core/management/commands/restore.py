from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from lantoa.core import backup


class Command(BaseCommand):
    help = "Restore a backup folder into an EMPTY database and the media storages, then verify its manifest."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("source", type=Path, help="a folder written by `manage.py backup`")
        parser.add_argument("--database", default="default", help="database alias (default: default)")

    def handle(self, *args: object, source: Path, database: str, **options: object) -> None:
        try:
            manifest = backup.restore(source, using=database)
        except backup.BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Đã khôi phục và đối chiếu / restored and verified: {len(manifest['database']['tables'])} bảng / tables "
            f"(sao lưu lúc / backed up at {manifest['created_at']}, phiên bản / version {manifest['app_version']}). "
            "Chạy / run: manage.py migrate"
        )
