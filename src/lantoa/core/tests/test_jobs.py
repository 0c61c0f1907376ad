import datetime as dt

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from lantoa.core import jobs
from lantoa.core.models import Job


def _job(*, status: str, age: dt.timedelta) -> Job:
    storage = jobs.private_storage()
    job = jobs.job_start(kind="orgs.import", user=None, title="x.xlsx", arguments={}, upload=b"PK")
    job.output_name = storage.save("jobs/out/report", ContentFile(b"%PDF"))
    job.save(update_fields=["output_name"])
    Job.objects.filter(pk=job.pk).update(created_at=timezone.now() - age)
    assert job.task_result_id is not None
    DBTaskResult.objects.filter(id=job.task_result_id).update(status=status)
    return Job.objects.get(pk=job.pk)


@pytest.mark.django_db
def test_old_files_of_ended_jobs_are_purged_and_running_jobs_keep_theirs():
    storage = jobs.private_storage()
    ended = _job(status=TaskResultStatus.FAILED, age=dt.timedelta(days=2))
    running = _job(status=TaskResultStatus.RUNNING, age=dt.timedelta(days=2))
    recent = _job(status=TaskResultStatus.SUCCESSFUL, age=dt.timedelta(hours=1))

    assert jobs.files_purge() == 2

    assert not storage.exists(ended.input_name) and not storage.exists(ended.output_name)
    ended.refresh_from_db()
    assert (ended.input_name, ended.output_name) == ("", "")
    assert not jobs.may_restart(ended)  # its upload is gone: the person sends the file again
    assert storage.exists(running.input_name) and storage.exists(recent.output_name)


@pytest.mark.django_db
def test_an_unknown_kind_is_refused():
    with pytest.raises(ValueError, match="unknown job kind"):
        jobs.job_start(kind="no.such", user=None, title="x", arguments={})


@pytest.mark.django_db
def test_the_jobs_page_names_a_public_files_build_in_words():
    from lantoa.core import public_files, selectors

    public_files.public_files_build.enqueue("content.lesson", 1)
    assert [row.name for row in selectors.jobs_recent()] == ["Tạo áp phích và đề cương của bài học"]
