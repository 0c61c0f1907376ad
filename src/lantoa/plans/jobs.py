"""A unit report as DOCX or PDF, built by the task worker (a PDF takes about a second; a province's, longer)."""

from typing import Any

from django.http import Http404
from django.utils.translation import gettext_lazy as _

from lantoa.core import jobs
from lantoa.core.models import Job
from lantoa.plans.exports.docx import report_docx
from lantoa.plans.exports.pdf import report_pdf
from lantoa.plans.models import UnitReport
from lantoa.plans.selectors import access as plan_access
from lantoa.plans.selectors.documents import report_document

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
FORMATS = {"docx": (report_docx, DOCX), "pdf": (report_pdf, "application/pdf")}
REPORT_FILE_JOB = "plans.report_file"


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
    try:
        plan_access.report_get_for_user(user=user, pk=job.arguments["report"], action="plans.export")
    except Http404:
        return False
    return True


REPORT_FILE_JOB_KIND = jobs.JobKind(
    name=REPORT_FILE_JOB, title=_("Xuất báo cáo định kỳ"), build=_build, allowed=report_file_allowed
)
