"""The monthly "Báo cáo tình hình tư tưởng công nhân" as DOCX, drafted by the task worker and handed out by the
job page: a month of a province's notes, reports, answer sheets and claims is too much work for a request."""

import datetime as dt
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from lantoa.core import jobs
from lantoa.core.models import Job
from lantoa.opinion.selectors import monthly_report as report_selectors
from lantoa.opinion.selectors import notes as note_selectors
from lantoa.orgs.models import OrgUnit
from lantoa.plans.exports.docx import report_docx
from lantoa.plans.jobs import DOCX

MONTHLY_REPORT_JOB = "opinion.monthly_report"


def monthly_report_start(*, unit: OrgUnit, month: dt.date, user: Any) -> Job:
    """Queue the report; the caller has checked that `user` may draft it for `unit`."""
    return jobs.job_start(
        kind=MONTHLY_REPORT_JOB,
        user=user,
        title=_("Báo cáo tư tưởng công nhân %(unit)s tháng %(month)s (DOCX)")
        % {"unit": unit.name, "month": f"{month.month:02d}/{month.year}"},
        arguments={"unit": unit.pk, "month": month.replace(day=1).isoformat()},
    )


def _build(job: Job, _data: bytes | None, _progress: jobs.Progress) -> jobs.Outcome:
    unit = OrgUnit.objects.get(pk=job.arguments["unit"])
    # Dated the day it was asked for, as when it was drafted in the request, however long it waited in the queue.
    doc = report_selectors.monthly_report(
        unit=unit,
        reader=job.created_by,
        month=dt.date.fromisoformat(job.arguments["month"]),
        today=timezone.localdate(job.created_at),
    )
    return jobs.Outcome(content=report_docx(doc), file_name=f"{doc.file_stem}.docx", content_type=DOCX)


def monthly_report_allowed(user: Any, job: Job) -> bool:
    """The page's own permission, asked again when the job is followed and its file fetched; only by who asked for
    it, since its figures are audited with that reader's roll-up (`note_series.reader_view`)."""
    units = note_selectors.report_units_for_user(user=user)
    return job.created_by_id == user.pk and any(unit.pk == job.arguments["unit"] for unit in units)


MONTHLY_REPORT_JOB_KIND = jobs.JobKind(
    name=MONTHLY_REPORT_JOB,
    title=_lazy("Lập báo cáo tình hình tư tưởng công nhân"),
    build=_build,
    allowed=monthly_report_allowed,
)
