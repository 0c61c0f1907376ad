from django.core.management.base import BaseCommand, CommandParser

from lantoa.legal import index_store, search
from lantoa.legal.tasks import index_build


class Command(BaseCommand):
    help = (
        "Queue a rebuild of the search index from the provisions in the database (the task worker builds and "
        "publishes it for every app server); --now builds and publishes it in this process instead."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--now", action="store_true", help="Build and publish here, without the task worker.")

    def handle(self, *, now: bool, **options: object) -> None:
        if now:
            articles, version = search.index_build()
            self.stdout.write(f"search index {version}: {articles} articles in {index_store.index_dir()}")
            return
        result = index_build.enqueue()
        self.stdout.write(f"search index: rebuild queued as job {result.id}")
