from django.core.management.base import BaseCommand

from lantoa.orgs import files, services


class Command(BaseCommand):
    help = "Load the configured province's commune-level units and their minimum-wage regions (idempotent)."

    def handle(self, **options: object) -> None:
        result = services.admin_units_sync()
        zones = services.minimum_wage_zones_load()
        files.template_build_later()  # the import template lists the communes
        self.stdout.write(f"units created={result.created} updated={result.updated}; wage zones={zones}")
