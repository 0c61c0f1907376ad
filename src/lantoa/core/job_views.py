"""The page a person follows their background job on, its restart button and the generated file's download."""

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_POST

from lantoa.core import jobs
from lantoa.core.http import HtmxHttpRequest
from lantoa.core.models import Job


def _job_for(user: object, pk: int) -> Job:
    """The job if this user may see it now (the kind's permission, asked again on every request), else 404."""
    job = get_object_or_404(Job.objects.select_related("task_result"), pk=pk)
    if job.kind not in jobs.kinds() or not jobs.kind_of(job).allowed(user, job):
        raise Http404
    return job


@login_required
@require_GET
def job_detail(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    job = _job_for(request.user, pk)
    status = jobs.status(job)
    context = {
        "job": job,
        "kind": jobs.kind_of(job),
        "status": status,
        "finished": status in ("succeeded", "failed"),
        "error": jobs.error_text(job) if status == "failed" else "",
        "may_restart": jobs.may_restart(job),
        "has_file": jobs.output_available(job) if status == "succeeded" else False,
    }
    template = "core/job.html#status" if request.htmx else "core/job.html"
    return render(request, template, context)


@login_required
@require_POST
def job_restart(request: HttpRequest, pk: int) -> HttpResponse:
    job = _job_for(request.user, pk)
    if jobs.may_restart(job):
        jobs.job_restart(job=job)
    return redirect("core:job", pk=job.pk)


@login_required
@require_GET
def job_file(request: HttpRequest, pk: int) -> FileResponse:
    job = _job_for(request.user, pk)
    if jobs.status(job) != "succeeded" or not jobs.output_available(job):
        raise Http404
    stored = jobs.private_storage().open(job.output_name, "rb")
    return FileResponse(stored, as_attachment=True, filename=job.output_file_name, content_type=job.output_content_type)
