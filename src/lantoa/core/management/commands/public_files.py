from django.core.management.base import BaseCommand

from lantoa.core.public_files import missing_build


class Command(BaseCommand):
    help = "Build the public files still missing (lesson posters and talk outlines, contest certificates)."

    def handle(self, *args: object, **options: object) -> None:
        self.stdout.write(f"{missing_build()} file(s) built.")
