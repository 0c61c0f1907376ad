from django.core.management.base import BaseCommand

from lantoa.legal import search


class Command(BaseCommand):
    help = "Rebuild the persisted search index from the provisions in the database."

    def handle(self, **options: object) -> None:
        self.stdout.write(f"search index: {search.index_build()} articles at {search.index_path()}")
