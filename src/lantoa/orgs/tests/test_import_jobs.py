"""The Excel import as a background job: stored upload, the real worker, progress, a dead worker, the jobs page."""

import datetime as dt
from typing import TYPE_CHECKING

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.db.models import QuerySet
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from lantoa.core import jobs, scheduler
from lantoa.core.models import Job
from lantoa.core.tasks import run_timer
from lantoa.core.tests.support import run_worker
from lantoa.orgs import imports
from lantoa.orgs.models import Enterprise, OrgUnit, User

from .test_import_hostile import _package, _sheet
from .workbooks import enterprise_row, filled_template

if TYPE_CHECKING:
    from django.test.client import _MonkeyPatchedWSGIResponse as TestResponse

pytestmark = pytest.mark.django_db(transaction=True)  # the worker commits and closes connections, as in production


def task_of(job: Job) -> QuerySet[DBTaskResult]:
    """The row of the job's task (every started job has one)."""
    assert job.task_result_id is not None
    return DBTaskResult.objects.filter(id=job.task_result_id)


def upload(client: Client, user: User, data: bytes, name: str = "dn.xlsx") -> "TestResponse":
    client.force_login(user)
    return client.post(reverse("orgs:import-upload"), {"file": SimpleUploadedFile(name, data)})


def test_an_upload_is_stored_queued_and_imported_by_the_worker(client, union_officer):
    rows = [enterprise_row(f"16{number:08d}", f"Công ty Số {number}") for number in range(1, 1201)]
    response = upload(client, union_officer, filled_template(enterprises=rows), "lon.xlsx")

    job = Job.objects.get()
    assert response["Location"] == reverse("core:job", args=[job.pk])
    assert (job.created_by, job.arguments, job.title) == (union_officer, {"scope": "91"}, "lon.xlsx")
    stored = job.input_name
    assert jobs.private_storage().exists(stored)
    assert task_of(job).get().status == TaskResultStatus.READY
    assert Enterprise.objects.count() == 0  # nothing is imported in the request
    assert "Đang chờ đến lượt xử lý" in client.get(response["Location"]).content.decode()

    run_worker()

    job.refresh_from_db()
    assert job.task_result is not None and job.task_result.status == TaskResultStatus.SUCCESSFUL
    assert job.summary is not None and job.summary["created"] == 1200 and job.summary["problems"] == []
    assert Enterprise.objects.count() == 1200
    assert (job.progress_phase, job.progress_done, job.progress_total) == ("write", 1200, 1200)
    assert job.input_name == "" and not jobs.private_storage().exists(stored)  # the upload is gone
    with CaptureQueriesContext(connection) as queries:
        fragment = client.get(response["Location"], headers={"HX-Request": "true"}).content.decode()
    assert "Đã nhập xong" in fragment and "1.200 dòng: 1.200 mới" in fragment
    assert "hx-trigger" not in fragment  # finished: the page stops polling
    assert not [q for q in queries if q["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))]


def test_progress_of_a_running_import_is_shown_in_the_polled_fragment(client, union_officer):
    job = imports.import_job_start(
        user=union_officer,
        file_name="x.xlsx",
        data=filled_template(enterprises=[enterprise_row()]),
        scope=OrgUnit.objects.get(code="LDLD"),
    )
    task_of(job).update(status=TaskResultStatus.RUNNING, started_at=timezone.now())
    Job.objects.filter(pk=job.pk).update(progress_phase="read", progress_done=500)
    client.force_login(union_officer)
    fragment = client.get(reverse("core:job", args=[job.pk]), headers={"HX-Request": "true"}).content.decode()
    assert "Đang đọc tệp: 500 dòng" in fragment
    assert 'hx-trigger="every 1s"' in fragment


def test_a_file_with_errors_is_reported_row_by_row_and_nothing_is_written(client, union_officer):
    response = upload(client, union_officer, filled_template(enterprises=[enterprise_row("123")]))
    run_worker()
    page = client.get(response["Location"]).content.decode()
    assert "dòng 2, cột A (Mã số thuế)" in page
    assert "Chưa nhập dòng nào" in page
    assert Enterprise.objects.count() == 0


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (_package(_sheet(blank_rows=1), extra={"xl/media/bomb.bin": 70 << 20}), "giải nén ra quá 64 MB"),
        ("Mã số thuế;Tên\n1600000501;Công ty\n".encode(), "không phải tệp Excel .xlsx"),
    ],
)
def test_a_hostile_file_is_refused_in_vietnamese_and_nothing_is_queued(client, union_officer, data, message):
    response = upload(client, union_officer, data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Job.objects.exists()
    assert not DBTaskResult.objects.exists()


def test_a_job_whose_worker_died_shows_failed_and_can_be_restarted(client, union_officer, settings):
    settings.TASKS_STALE_AFTER_SECONDS = 600
    response = upload(client, union_officer, filled_template(enterprises=[enterprise_row()]))
    job = Job.objects.get()
    # what a worker killed mid-job leaves behind: the row it claimed, still "running"
    task_of(job).update(
        status=TaskResultStatus.RUNNING, started_at=timezone.now() - dt.timedelta(hours=2), worker_ids=["killed"]
    )
    assert scheduler.reap_stale() == 1

    page = client.get(response["Location"]).content.decode()
    assert "Tiến trình xử lý đã dừng giữa chừng" in page
    assert "Chạy lại" in page
    assert jobs.private_storage().exists(job.input_name)  # kept so the job can run again

    assert client.post(reverse("core:job-restart", args=[job.pk])).status_code == 302
    job.refresh_from_db()
    assert task_of(job).get().status == TaskResultStatus.READY
    run_worker()
    assert Enterprise.objects.filter(tax_code="1600000501").exists()
    assert "Đã nhập xong" in client.get(response["Location"]).content.decode()


def test_the_job_page_is_refused_to_anonymous_and_to_an_officer_outside_its_scope(
    client, union_officer, commune_officer
):
    response = upload(client, union_officer, filled_template(enterprises=[enterprise_row()]))
    client.logout()
    assert client.get(response["Location"]).status_code == 302  # to the login page
    client.force_login(commune_officer)
    assert client.get(response["Location"]).status_code == 404
    assert client.post(reverse("core:job-restart", args=[Job.objects.get().pk])).status_code == 404


def test_the_jobs_page_lists_jobs_in_vietnamese_for_province_officers_only(client, union_officer, commune_officer):
    upload(client, union_officer, filled_template(enterprises=[enterprise_row()]), "dn-thang-1.xlsx")
    dead = Job.objects.get()
    task_of(dead).update(status=TaskResultStatus.RUNNING, started_at=timezone.now() - dt.timedelta(days=1))
    scheduler.reap_stale()
    assert client.post(reverse("core:job-restart", args=[dead.pk])).status_code == 302
    upload(client, union_officer, filled_template(enterprises=[enterprise_row()]), "dn-thang-2.xlsx")
    run_timer.enqueue("reach_rollup")

    page = client.get(reverse("orgs:jobs")).content.decode()
    assert "Nhập đơn vị, doanh nghiệp từ Excel: dn-thang-2.xlsx" in page
    assert page.count("Nhập đơn vị, doanh nghiệp từ Excel: dn-thang-1.xlsx") == 2  # the lost run and its restart
    assert "Cán bộ LĐLĐ" in page
    assert "Tổng hợp độ bao phủ tuyên truyền" in page and "hệ thống (định kỳ)" in page
    assert "Thất bại" in page and "Tiến trình xử lý đã dừng giữa chừng." in page
    assert "3 việc đang chờ" in page
    assert "Traceback" not in page and "WorkerLost" not in page
    assert reverse("orgs:jobs") in client.get(reverse("orgs:office-home")).content.decode()

    client.force_login(commune_officer)
    assert client.get(reverse("orgs:jobs")).status_code == 403
    assert reverse("orgs:jobs") not in client.get(reverse("orgs:office-home")).content.decode()
    client.logout()
    assert client.get(reverse("orgs:jobs")).status_code == 302


def _enterprise_sheet(rows: list[list[object]]) -> str:
    """A hand-built Doanh nghiệp sheet (openpyxl takes long to write thousands of rows)."""

    def cell(value: object) -> str:
        if isinstance(value, int):
            return f"<c><v>{value}</v></c>"
        return f'<c t="inlineStr"><is><t>{value}</t></is></c>'

    body = "".join(f'<row r="{number}">{"".join(map(cell, row))}</row>' for number, row in enumerate(rows, start=2))
    return _sheet(blank_rows=0).replace("</sheetData>", body + "</sheetData>")


def test_a_file_with_thousands_of_bad_cells_keeps_the_first_200_counts_the_rest_and_writes_nothing(
    client, union_officer
):
    good = enterprise_row("1600000501", "Công ty Đúng")
    bad = [enterprise_row(f"SAI-{number}", f"Công ty Sai {number}") for number in range(12_545)]  # one bad cell each
    response = upload(client, union_officer, _package(_enterprise_sheet([good, *bad])))
    run_worker()

    job = Job.objects.get()
    assert job.summary is not None
    assert (len(job.summary["problems"]), job.summary["problem_count"], job.summary["problems_not_shown"]) == (
        200,
        12_545,
        12_345,
    )
    assert job.summary["problems"][0]["row"] == 3 and job.summary["problems"][-1]["row"] == 202
    page = client.get(response["Location"]).content.decode()
    assert "Tệp có 12.545 lỗi. Chưa nhập dòng nào." in page
    assert "… và 12.345 lỗi khác." in page
    assert "dòng 202, cột A (Mã số thuế)" in page and "dòng 203," not in page
    assert not Enterprise.objects.exists()  # the good row is not written either: the whole file is refused
