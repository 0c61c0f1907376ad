"""Importing units and enterprises from the Excel template: all or nothing, each bad cell named.

The file is read by `orgs.importers`; its rows are checked against the database by `checks` (and authorised by
`scope`), then written by `writes` in one transaction. This module runs them, and runs them as a background job.
"""

import io
from dataclasses import dataclass, field
from typing import Any, BinaryIO

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from lantoa.core import imports as core_imports
from lantoa.core import jobs
from lantoa.core.imports import CappedProblems
from lantoa.core.jobs import Progress
from lantoa.core.models import Job
from lantoa.orgs import access
from lantoa.orgs.importers import MAX_PROBLEMS_KEPT, Problem, package_problem, workbook_parse
from lantoa.orgs.imports.checks import Places, enterprises_check, units_check
from lantoa.orgs.imports.writes import enterprises_write, units_write
from lantoa.orgs.models import OrgUnit
from lantoa.orgs.selectors import structure_generation


@dataclass
class ImportResult(core_imports.ImportResult[Problem]):
    """`problems` keeps the first `MAX_PROBLEMS_KEPT`; `problem_count` counts them all."""

    row_count: int = 0
    problems: CappedProblems[Problem] = field(default_factory=lambda: CappedProblems(cap=MAX_PROBLEMS_KEPT))

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def problem_count(self) -> int:
        return self.problems.total


def _no_progress(phase: str, done: int, total: int) -> None:
    """Default progress callback: nothing to show."""


def workbook_import(*, stream: BinaryIO, user: Any, progress: Progress = _no_progress) -> ImportResult:
    """Validate the whole file, then write it in one transaction; with any problem nothing is written.

    The caller must have checked that `user` may import somewhere; each row is checked against the
    user's scope here, so an officer cannot place an enterprise outside their own units.
    """
    parsed = workbook_parse(stream, progress=lambda done: progress("read", done, 0))
    result = ImportResult(row_count=parsed.row_count, problems=parsed.problems)  # the same cap and count go on
    places = Places()
    planned_units = units_check(parsed.units, places, user, result.problems)
    new_zones = {
        item["row"].values["code"] for item in planned_units if item["row"].values["kind"] in OrgUnit.ZONE_KINDS
    }
    enterprises_check(parsed.enterprises, places, user, new_zones, result.problems)
    progress("check", result.row_count, result.row_count)
    if result.problems or not result.row_count:
        if not result.row_count and not result.problems:
            result.problems.append(Problem(_("Tệp"), 0, "", "", _("Tệp không có dòng dữ liệu nào.")))
        return result
    with transaction.atomic():
        units_created, units_updated = units_write(planned_units)
        enterprises_created, enterprises_updated, result.unchanged = enterprises_write(parsed.enterprises, progress)
        structure_generation.bump_on_commit()  # bulk writes send no signals
    result.created = units_created + enterprises_created
    result.updated = units_updated + enterprises_updated
    return result


def import_job_start(*, user: Any, file_name: str, data: bytes, scope: OrgUnit) -> Job:
    """Store the upload and queue its import; a file that is not a sound .xlsx package is refused here."""
    refusal = package_problem(data)
    if refusal is not None:
        raise ValidationError(refusal.message, code=refusal.code)
    return jobs.job_start(kind=IMPORT_JOB, user=user, title=file_name, arguments={"scope": scope.code}, upload=data)


def _import_build(job: Job, data: bytes | None, progress: Progress) -> jobs.Outcome:
    if job.created_by is None:
        raise ValueError("the account that started this import is gone")
    result = workbook_import(stream=io.BytesIO(data or b""), user=job.created_by, progress=progress)
    return jobs.Outcome(
        summary={
            "row_count": result.row_count,
            "created": result.created,
            "updated": result.updated,
            "unchanged": result.unchanged,
            "problems": [problem.as_dict() for problem in result.problems],  # the first MAX_PROBLEMS_KEPT
            "problem_count": result.problem_count,
            "problems_not_shown": result.problem_count - len(result.problems),
        }
    )


def import_job_allowed(user: Any, job: Job) -> bool:
    """The person who started it, or anyone who may import over its scope."""
    if job.created_by_id is not None and job.created_by_id == user.pk:
        return True
    scope = OrgUnit.objects.filter(code=job.arguments.get("scope")).first()
    return scope is not None and access.can(user, "orgs.import", scope)


IMPORT_JOB = "orgs.import"
IMPORT_JOB_KIND = jobs.JobKind(
    name=IMPORT_JOB,
    title=_lazy("Nhập đơn vị, doanh nghiệp từ Excel"),
    build=_import_build,
    allowed=import_job_allowed,
    result_template="orgs/_import_result.html",
    takes_upload=True,
)
