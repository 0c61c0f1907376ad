from django.core.management.base import BaseCommand

from lantoa.orgs import services


class Command(BaseCommand):
    help = "Load the configured province's commune-level units and their minimum-wage regions (idempotent)."

    def handle(self, **options: object) -> None:
        result = services.admin_units_sync()
        zones = services.minimum_wage_zones_load()
        self.stdout.write(f"units created={result.created} updated={result.updated}; wage zones={zones}")
