from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from lantoa.orgs import services as org_services
from lantoa.orgs.models import OrgUnit, User
from lantoa.plans.exports.docx import report_docx
from lantoa.plans.exports.pdf import report_pdf
from lantoa.plans.exports.xlsx import tables_xlsx
from lantoa.plans.models import UnitReport
from lantoa.plans.selectors.access import tasks_for_unit
from lantoa.plans.selectors.documents import report_document
from lantoa.plans.services import plans, reports


class Command(BaseCommand):
    help = "Write a unit's report for a period as DOCX, PDF or XLSX (drafted from the data if none exists yet)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--unit", default="", help="unit code (default: the province)")
        parser.add_argument("--period", required=True, help="2026-Q1, 2026-H1, 2026 or a review code")
        parser.add_argument("--format", choices=("docx", "pdf", "xlsx"), required=True, dest="fmt")
        parser.add_argument("--out", type=Path, required=True)

    def handle(self, *, unit: str, period: str, fmt: str, out: Path, **options: object) -> None:
        target = OrgUnit.objects.filter(code=unit).first() if unit else org_services.province_get()
        if target is None:
            raise CommandError(f"unknown unit code {unit!r}")
        # The command runs with the platform's own authority, like a scheduled job.
        system = User(is_superuser=True, is_active=True, username="plans_report")
        try:
            reporting_period = plans.period_ensure(code=period)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        report = UnitReport.objects.filter(unit=target, period=reporting_period).first()
        if report is None or report.is_editable:
            report = reports.report_draft(unit=target, period=reporting_period, by=system)
        doc = report_document(report, tasks=tasks_for_unit(unit=target))
        if fmt == "docx":
            content = report_docx(doc)
        elif fmt == "pdf":
            content = report_pdf(doc)
        else:
            tables = [t for section in doc.sections for t in section.tables]
            content = tables_xlsx(tables, unit=doc.unit_name, period=doc.period_label, heading=doc.subject)
        out.write_bytes(content)
        self.stdout.write(
            f"{out} ({len(content)} bytes): {target.name}, {reporting_period.label}, {report.get_status_display()}"
        )
