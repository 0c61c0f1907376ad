import json
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from lantoa.national import services
from lantoa.plans.models import ReportingPeriod


class Command(BaseCommand):
    help = "Write this province's signed figures for a reporting period (JSON) for the national body."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--period", required=True, help="the period's code, e.g. 2026-Q3")
        parser.add_argument("--out", type=Path, required=True)

    def handle(self, *, period: str, out: Path, **options: object) -> None:
        found = ReportingPeriod.objects.filter(code=period).first()
        if found is None:
            raise CommandError(f"Không có kỳ báo cáo mã {period}.")
        try:
            document = services.return_document(period=found)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        out.write_text(json.dumps(document, ensure_ascii=False, indent=1), encoding="utf-8")
        self.stdout.write(f"{document['payload']['province']['name']} · {found.label} → {out}")
