from django.core.management.base import BaseCommand

from lantoa.legal.services import handbook
from lantoa.legal.tasks import index_build_later


class Command(BaseCommand):
    help = (
        "Import the handbook entries shipped with the app (idempotent) and queue a search index rebuild; "
        "entries citing missing laws are reported."
    )

    def handle(self, **options: object) -> None:
        result = handbook.handbook_import()
        for problem in result.problems:
            self.stderr.write(problem)
        self.stdout.write(f"created={result.created} updated={result.updated} unchanged={result.unchanged}")
        # Handbook wording explains articles to the search, so the index follows the handbook.
        index_build_later()
        self.stdout.write("search index: rebuild queued (the task worker publishes it)")
