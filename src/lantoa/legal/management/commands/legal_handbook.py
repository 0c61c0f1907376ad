from django.core.management.base import BaseCommand

from lantoa.legal import search
from lantoa.legal.services import handbook


class Command(BaseCommand):
    help = (
        "Import the handbook entries shipped with the app (idempotent) and rebuild the search index; "
        "entries citing missing laws are reported."
    )

    def handle(self, **options: object) -> None:
        result = handbook.handbook_import()
        for problem in result.problems:
            self.stderr.write(problem)
        self.stdout.write(f"created={result.created} updated={result.updated} unchanged={result.unchanged}")
        # Handbook wording explains articles to the search, so the index follows the handbook.
        self.stdout.write(f"search index: {search.index_build()} articles")
