"""A survey's results as XLSX, built by the task worker and handed out by the job page."""

from typing import Any

from django.utils.translation import gettext_lazy as _

from lantoa.core import jobs, xlsx
from lantoa.core.models import Job
from lantoa.orgs.models import User
from lantoa.voice.exports import survey_workbook
from lantoa.voice.models import Survey
from lantoa.voice.selectors import surveys as survey_selectors

SURVEY_EXPORT_JOB = "voice.survey_export"


def survey_export_start(*, survey: Survey, user: User) -> Job:
    """Queue the workbook; the caller has checked that `user` manages this survey."""
    return jobs.job_start(
        kind=SURVEY_EXPORT_JOB, user=user, title=f"{survey.title} (XLSX)", arguments={"survey": survey.pk}
    )


def _build(job: Job, _data: bytes | None, _progress: jobs.Progress) -> jobs.Outcome:
    survey = Survey.objects.select_related("unit").get(pk=job.arguments["survey"])
    sheets, results = survey_selectors.survey_results(survey=survey)
    breakdowns = survey_selectors.survey_breakdowns(survey=survey)
    return jobs.Outcome(
        content=survey_workbook(survey=survey, sheets=sheets, results=results, breakdowns=breakdowns),
        file_name=f"khao-sat-{survey.pk}.xlsx",
        content_type=xlsx.CONTENT_TYPE,
    )


def survey_export_allowed(user: Any, job: Job) -> bool:
    return jobs.allowed_unless_404(lambda: survey_selectors.survey_get_for_user(user=user, pk=job.arguments["survey"]))


SURVEY_EXPORT_JOB_KIND = jobs.JobKind(
    name=SURVEY_EXPORT_JOB, title=_("Xuất kết quả khảo sát"), build=_build, allowed=survey_export_allowed
)
