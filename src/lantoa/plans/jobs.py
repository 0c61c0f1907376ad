"""Files the office downloads, built by the task worker: a unit report as DOCX, PDF or XLSX (a PDF takes about
a second; a province's, longer) and a dashboard's table as XLSX."""

from typing import Any

from django.utils.translation import gettext_lazy as _

from lantoa.core import jobs, xlsx
from lantoa.core.models import Job
from lantoa.orgs.models import OrgUnit
from lantoa.plans.exports.docx import report_docx
from lantoa.plans.exports.pdf import report_pdf
from lantoa.plans.exports.xlsx import tables_xlsx
from lantoa.plans.models import UnitReport
from lantoa.plans.selectors import access as plan_access
from lantoa.plans.selectors.dashboards import dashboard_build
from lantoa.plans.selectors.documents import ReportDocument, report_document
from lantoa.plans.selectors.figures import indicators_active, period_get

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
REPORT_FILE_JOB = "plans.report_file"
DASHBOARD_XLSX_JOB = "plans.dashboard_xlsx"


def report_xlsx(doc: ReportDocument) -> bytes:
    """Every table of the report, one sheet each."""
    tables = [table for section in doc.sections for table in section.tables]
    return tables_xlsx(tables, unit=doc.unit_name, period=doc.period_label, heading=doc.subject)


FORMATS = {
    "docx": (report_docx, DOCX),
    "pdf": (report_pdf, "application/pdf"),
    "xlsx": (report_xlsx, xlsx.CONTENT_TYPE),
}


def report_file_start(*, report: UnitReport, fmt: str, user: Any) -> Job:
    """Queue the file; the caller has checked that `user` may export this report."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown report format {fmt!r}")
    return jobs.job_start(
        kind=REPORT_FILE_JOB,
        user=user,
        title=f"{report.title} ({fmt.upper()})",
        arguments={"report": report.pk, "format": fmt},
    )


def _build(job: Job, _data: bytes | None, _progress: jobs.Progress) -> jobs.Outcome:
    report = UnitReport.objects.select_related("unit", "unit__parent", "period").get(pk=job.arguments["report"])
    build, content_type = FORMATS[job.arguments["format"]]
    doc = report_document(report, tasks=plan_access.tasks_for_unit(unit=report.unit))
    return jobs.Outcome(
        content=build(doc),
        file_name=f"{doc.file_stem}.{job.arguments['format']}",
        content_type=content_type,
    )


def report_file_allowed(user: Any, job: Job) -> bool:
    """The same permission as the export itself, asked again when the file is fetched."""
    return jobs.allowed_unless_404(
        lambda: plan_access.report_get_for_user(user=user, pk=job.arguments["report"], action="plans.export")
    )


def dashboard_xlsx_start(*, unit: OrgUnit, period_code: str, indicator_code: str, user: Any) -> Job:
    """Queue the dashboard's tables (its units and segments) as a workbook; the caller checked the unit."""
    return jobs.job_start(
        kind=DASHBOARD_XLSX_JOB,
        user=user,
        title=f"{unit.name} – {period_code} (XLSX)",
        arguments={"unit": unit.code, "period": period_code, "indicator": indicator_code},
    )


def _dashboard_build(job: Job, _data: bytes | None, _progress: jobs.Progress) -> jobs.Outcome:
    unit = OrgUnit.objects.get(code=job.arguments["unit"])
    period = period_get(code=job.arguments["period"])
    indicators = indicators_active()
    indicator = next((i for i in indicators if i.code == job.arguments["indicator"]), indicators[0])
    board = dashboard_build(unit=unit, period=period, indicator=indicator, indicators=indicators)
    return jobs.Outcome(
        content=tables_xlsx([board.children, board.segments], unit=unit.name, period=period.label),
        file_name=f"bang-dieu-khien-{unit.code}-{period.code}.xlsx",
        content_type=xlsx.CONTENT_TYPE,
    )


def dashboard_xlsx_allowed(user: Any, job: Job) -> bool:
    return jobs.allowed_unless_404(lambda: plan_access.unit_get_for_user(user=user, code=job.arguments["unit"]))


REPORT_FILE_JOB_KIND = jobs.JobKind(
    name=REPORT_FILE_JOB, title=_("Xuất báo cáo định kỳ"), build=_build, allowed=report_file_allowed
)
DASHBOARD_XLSX_JOB_KIND = jobs.JobKind(
    name=DASHBOARD_XLSX_JOB,
    title=_("Xuất bảng điều khiển chỉ tiêu"),
    build=_dashboard_build,
    allowed=dashboard_xlsx_allowed,
)
