from django.core.management.base import BaseCommand

from lantoa.core.jobs import FILES_KEEP, files_purge


class Command(BaseCommand):
    help = "Delete the uploads and generated files of background jobs that ended long enough ago."

    def handle(self, *args: object, **options: object) -> None:
        deleted = files_purge()
        self.stdout.write(f"{deleted} file(s) deleted (kept {FILES_KEEP}).")
