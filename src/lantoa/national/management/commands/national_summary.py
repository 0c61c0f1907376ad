from django.core.management.base import BaseCommand, CommandParser

from lantoa.core.formats import vn_number
from lantoa.national import selectors


class Command(BaseCommand):
    help = "Print the provinces' verified figures for a period, added up (national side)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--period", required=True)

    def handle(self, *, period: str, **options: object) -> None:
        result = selectors.combined(period_code=period)
        self.stdout.write(f"Kỳ {period}: {len(result.provinces)} tỉnh, thành phố đã gửi số liệu")
        for code, total in sorted(result.totals.items()):
            self.stdout.write(f"  {result.names[code]}: {vn_number(total)} ({result.reporting[code]} tỉnh)")
