import datetime as dt
import shutil
import subprocess

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from lantoa.content import services as content_services
from lantoa.content.importers import SEED_DIR
from lantoa.core import public_files
from lantoa.core.jobs import private_storage
from lantoa.core.tests.qrcodes import decode_pdf
from lantoa.core.tests.support import no_database_writes, require_tool, run_worker
from lantoa.learning import certificates, files, selectors, services
from lantoa.learning.models import Contest, ContestEntry
from lantoa.orgs.models import Role

START = dt.datetime(2026, 5, 1, 8, tzinfo=dt.UTC)
DEVICE = "d" * 32
PHONE = "0912345678"


@pytest.fixture
def contest(db, tmp_path):
    for name in ("01-hop-dong-phai-bang-van-ban.toml", "08-tra-luong-dung-han-du-tien.toml"):
        shutil.copy(SEED_DIR / name, tmp_path)
    content_services.lessons_import(folder=tmp_path)
    services.questions_import(folder=tmp_path)
    return Contest.objects.create(
        title="Cuộc thi tìm hiểu pháp luật lao động",
        slug="tim-hieu-phap-luat",
        starts_at=START,
        ends_at=START + dt.timedelta(days=7),
        time_limit_minutes=10,
        question_count=5,
    )


def start(contest, *, device=DEVICE, phone=PHONE, enterprise=None, name=""):
    return services.contest_start(
        contest=contest, user=None, device_key=device, enterprise=enterprise, phone=phone, participant_name=name
    )


def right(entry):
    return {q.pk: [c.pk for c in q.choices.all() if c.is_correct] for q in selectors.contest_questions(entry=entry)}


def test_each_entry_gets_the_asked_number_of_questions_in_its_own_order(contest):
    with time_machine.travel(START + dt.timedelta(hours=1)):
        entry = start(contest)
    assert len(entry.question_ids) == 5 == len(set(entry.question_ids))


def test_one_attempt_per_device_and_a_second_submit_is_refused(contest):
    with time_machine.travel(START + dt.timedelta(hours=1)):
        entry = start(contest)
        assert start(contest) == entry
        services.contest_submit(entry=entry, answers=right(entry))
        with pytest.raises(ValidationError) as again:
            start(contest)
        with pytest.raises(ValidationError) as twice:
            services.contest_submit(entry=entry, answers=right(entry))
    assert (again.value.code, twice.value.code) == ("already_taken", "already_submitted")
    assert ContestEntry.objects.get().correct_count == 5


def test_a_closed_contest_refuses_to_start_and_to_take_late_submissions(contest):
    with time_machine.travel(START - dt.timedelta(minutes=1)), pytest.raises(ValidationError) as early:
        start(contest)
    with time_machine.travel(contest.ends_at - dt.timedelta(minutes=2)):
        entry = start(contest)
    with time_machine.travel(contest.ends_at + dt.timedelta(minutes=5)), pytest.raises(ValidationError) as closed:
        services.contest_submit(entry=entry, answers=right(entry))
    assert (early.value.code, closed.value.code) == ("contest_not_started", "contest_closed")
    assert ContestEntry.objects.get().submitted_at is None


def test_past_the_time_limit_the_paper_is_closed_without_a_score(contest):
    with time_machine.travel(START + dt.timedelta(hours=1)):
        entry = start(contest)
    with time_machine.travel(START + dt.timedelta(hours=1, minutes=12)), pytest.raises(ValidationError) as late:
        services.contest_submit(entry=entry, answers=right(entry))
    assert late.value.code == "time_over"
    entry.refresh_from_db()
    assert (entry.is_late, entry.correct_count) == (True, 0)


def test_only_eligible_units_may_enter(contest, enterprise_a, enterprise_b, commune):
    contest.eligible_units.set([commune("Xã Bình Hòa")])
    with time_machine.travel(START + dt.timedelta(hours=1)):
        assert start(contest, enterprise=enterprise_a)
        with pytest.raises(ValidationError) as refused:
            start(contest, device="e" * 32, phone="0987654321", enterprise=enterprise_b)
    assert refused.value.code == "not_eligible"


def test_leaderboard_ranks_enterprises_by_score_then_time_and_people_only_with_consent(
    contest, enterprise_a, enterprise_b, make_official
):
    fast = make_official(unit=enterprise_a.unit, role=Role.WORKER, name="Nguyễn Văn Nhanh")
    shy = make_official(unit=enterprise_b.unit, role=Role.WORKER, name="Trần Thị Kín")
    for user, enterprise, minutes, consent in ((fast, enterprise_a, 2, True), (shy, enterprise_b, 6, False)):
        with time_machine.travel(START + dt.timedelta(hours=1)):
            entry = services.contest_start(
                contest=contest, user=user, device_key="", enterprise=enterprise, show_on_leaderboard=consent
            )
        with time_machine.travel(START + dt.timedelta(hours=1, minutes=minutes)):
            services.contest_submit(entry=entry, answers=right(entry))
    boards = selectors.contest_leaderboards(contest=contest)
    assert [row["name"] for row in boards["enterprises"]] == [enterprise_a.name, enterprise_b.name]
    assert [entry.user for entry in boards["people"]] == [fast]


def test_a_registered_worker_downloads_a_certificate_anyone_can_verify(
    client, contest, enterprise_a, make_official, tmp_path, settings
):
    settings.PUBLIC_BASE_URL = "https://lantoa.angiang.gov.vn"
    worker = make_official(unit=enterprise_a.unit, role=Role.WORKER, name="Nguyễn Văn Giỏi")
    with time_machine.travel(START + dt.timedelta(hours=1)):
        entry = services.contest_start(contest=contest, user=worker, device_key="", enterprise=enterprise_a)
        entry = services.contest_submit(entry=entry, answers=right(entry))
    assert entry.certificate_code
    client.force_login(worker)
    url = f"/cuoc-thi/chung-nhan/{entry.certificate_code}.pdf"
    with no_database_writes():  # not built yet: the GET says so and queues nothing
        pending = client.get(url)
    assert pending.status_code == 503 and pending["Retry-After"]
    assert "Tệp đang được chuẩn bị, vui lòng thử lại sau ít phút" in pending.content.decode()
    assert public_files.files_build(source=files.SOURCE, pk=entry.pk) == 1  # what the queued task does
    with no_database_writes():
        pdf = client.get(url)
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf["Content-Disposition"] == f'inline; filename="chung-nhan-{entry.certificate_code}.pdf"'
    verify_url = f"https://lantoa.angiang.gov.vn/cuoc-thi/xac-minh/{entry.certificate_code}"
    assert decode_pdf(pdf.getvalue(), tmp_path) == verify_url
    client.logout()
    assert "Nguyễn Văn Giỏi" in client.get(f"/cuoc-thi/xac-minh/{entry.certificate_code}").content.decode()
    assert client.get(f"/cuoc-thi/chung-nhan/{entry.certificate_code}.pdf").status_code == 404
    assert client.get("/cuoc-thi/xac-minh/KHONGCO").status_code == 404


def test_anonymous_player_goes_through_the_pages_and_a_replayed_submit_is_explained(client, contest):
    with time_machine.travel(START + dt.timedelta(hours=1), tick=False):
        assert "Bắt đầu làm bài" in client.get("/cuoc-thi/tim-hieu-phap-luat/").content.decode()
        response = client.post("/cuoc-thi/tim-hieu-phap-luat/bat-dau", {"phone": PHONE})
        assert response["Location"] == "/cuoc-thi/tim-hieu-phap-luat/lam-bai"
        entry = ContestEntry.objects.get()
        data = {"key": "contest-" + "0" * 12, **{f"q{q}": [str(c) for c in a] for q, a in right(entry).items()}}
        assert "Bạn trả lời đúng 5/5 câu." in client.post("/cuoc-thi/tim-hieu-phap-luat/lam-bai", data).content.decode()
        replay = client.post("/cuoc-thi/tim-hieu-phap-luat/lam-bai", data)
    assert "Bài thi này đã được nộp" in replay.content.decode()
    assert ContestEntry.objects.get().correct_count == 5


def test_a_closed_contest_page_explains_why_it_cannot_start(client, contest):
    with time_machine.travel(contest.ends_at + dt.timedelta(days=1)):
        response = client.post("/cuoc-thi/tim-hieu-phap-luat/bat-dau", {"phone": PHONE})
    assert response.status_code == 400
    assert "Cuộc thi đã kết thúc" in response.content.decode()
    assert timezone.now() and not ContestEntry.objects.exists()


def test_worker_home_links_the_contests_and_the_list_shows_open_ones(client, contest):
    with time_machine.travel(START + dt.timedelta(hours=1)):
        assert 'href="/cuoc-thi/"' in client.get("/").content.decode()
        assert contest.title in client.get("/cuoc-thi/").content.decode()


def test_one_attempt_per_phone_number_even_from_another_device_and_the_number_is_not_kept(contest):
    with time_machine.travel(START + dt.timedelta(hours=1)):
        entry = start(contest, phone="+84 912 345 678")
        assert start(contest, device="f" * 32) == ContestEntry.objects.get()  # the same person resumes elsewhere
        services.contest_submit(entry=entry, answers=right(entry))
        with pytest.raises(ValidationError) as again:
            start(contest, device="g" * 32, phone="0912.345.678")
        with pytest.raises(ValidationError) as bad:
            start(contest, device="h" * 32, phone="12345")
    assert (again.value.code, bad.value.code) == ("already_taken", "phone_invalid")
    assert "912345678" not in str(ContestEntry.objects.values().get())


def test_an_anonymous_contestant_who_gave_a_name_gets_a_certificate_naming_the_issuer_in_local_date(
    client, contest, labour_federation
):
    contest.issuing_body, contest.signer_title = labour_federation, "Chủ tịch"
    contest.save()
    night = dt.datetime(2026, 5, 1, 17, 30, tzinfo=dt.UTC)  # 00:30 on 02/05 in Vietnam
    with time_machine.travel(night, tick=False):
        client.post("/cuoc-thi/tim-hieu-phap-luat/bat-dau", {"phone": PHONE, "participant_name": " Lê  Thị Hoa "})
        entry = ContestEntry.objects.get()
        data = {"key": "contest-" + "0" * 12, **{f"q{q}": [str(c) for c in a] for q, a in right(entry).items()}}
        result = client.post("/cuoc-thi/tim-hieu-phap-luat/lam-bai", data).content.decode()
    entry.refresh_from_db()
    assert "Tải giấy chứng nhận" in result and entry.participant_name == "Lê Thị Hoa"
    html = certificates.certificate_html(entry=entry, verify_url="https://lantoa.example/cuoc-thi/xac-minh/X")
    assert "Liên đoàn Lao động tỉnh" in html and "ngày 02 tháng 05 năm 2026" in html and "02/05/2026" in html
    assert "Lê Thị Hoa" in html and "Chủ tịch" in html
    call_command("public_files")  # the timer builds what is missing
    assert client.get(f"/cuoc-thi/chung-nhan/{entry.certificate_code}.pdf").getvalue().startswith(b"%PDF")
    assert public_files.missing_build() == 0
    client.cookies["lt_ct"] = "x" * 32
    assert client.get(f"/cuoc-thi/chung-nhan/{entry.certificate_code}.pdf").status_code == 404


def test_without_a_name_there_is_no_certificate_and_the_page_says_why(client, contest):
    with time_machine.travel(START + dt.timedelta(hours=1), tick=False):
        page = client.get("/cuoc-thi/tim-hieu-phap-luat/").content.decode()
        client.post("/cuoc-thi/tim-hieu-phap-luat/bat-dau", {"phone": PHONE})
        entry = ContestEntry.objects.get()
        paper = client.get("/cuoc-thi/tim-hieu-phap-luat/lam-bai").content.decode()
        data = {"key": "contest-" + "0" * 12, **{f"q{q}": [str(c) for c in a] for q, a in right(entry).items()}}
        result = client.post("/cuoc-thi/tim-hieu-phap-luat/lam-bai", data).content.decode()
    assert "nếu muốn nhận giấy chứng nhận" in page
    assert 'data-deadline="2026-05-01T16:10:00+07:00"' in paper  # 09:00 UTC start + 10 minutes, local time
    assert "không ghi họ tên trước khi thi" in result
    assert ContestEntry.objects.get().certificate_code is None


@pytest.mark.django_db(transaction=True)  # the worker commits, as in production
def test_an_earned_certificate_is_queued_for_the_worker_when_the_paper_is_graded(client, contest, province):
    with time_machine.travel(START + dt.timedelta(hours=1)):
        entry = start(contest, name="Trần Văn Bền")
        entry = services.contest_submit(entry=entry, answers=right(entry))
    client.cookies["lt_ct"] = DEVICE
    url = f"/cuoc-thi/chung-nhan/{entry.certificate_code}.pdf"
    assert client.get(url).status_code == 503
    run_worker()
    assert client.get(url).getvalue().startswith(b"%PDF")


def test_a_certificate_not_built_yet_is_logged_as_a_warning_and_a_broken_storage_as_an_error(
    client, contest, enterprise_a, make_official, caplog, monkeypatch
):
    worker = make_official(unit=enterprise_a.unit, role=Role.WORKER, name="Nguyễn Văn Giỏi")
    with time_machine.travel(START + dt.timedelta(hours=1)):
        entry = services.contest_start(contest=contest, user=worker, device_key="", enterprise=enterprise_a)
        entry = services.contest_submit(entry=entry, answers=right(entry))
    client.force_login(worker)
    url = f"/cuoc-thi/chung-nhan/{entry.certificate_code}.pdf"
    with caplog.at_level("INFO", logger="django.request"):
        assert client.get(url).status_code == 503
    assert [(r.levelname, r.status_code) for r in caplog.records if r.name == "django.request"] == [("WARNING", 503)]
    caplog.clear()

    def storage_down():
        raise OSError("disk gone")

    monkeypatch.setattr(public_files, "private_storage", storage_down)
    client.raise_request_exception = False
    with caplog.at_level("INFO", logger="django.request"):
        assert client.get(url).status_code == 500
    assert [(r.levelname, r.status_code) for r in caplog.records if r.name == "django.request"] == [("ERROR", 500)]


def test_a_new_site_address_gives_a_certificate_whose_qr_code_reads_it(
    client, contest, enterprise_a, make_official, settings, tmp_path
):
    settings.PUBLIC_BASE_URL = "http://127.0.0.1:8000"
    worker = make_official(unit=enterprise_a.unit, role=Role.WORKER, name="Nguyễn Văn Giỏi")
    with time_machine.travel(START + dt.timedelta(hours=1)):
        entry = services.contest_start(contest=contest, user=worker, device_key="", enterprise=enterprise_a)
        entry = services.contest_submit(entry=entry, answers=right(entry))
    assert public_files.files_build(source=files.SOURCE, pk=entry.pk) == 1
    settings.PUBLIC_BASE_URL = "https://lantoa.angiang.gov.vn"  # the demo moved port, or the site its domain
    client.force_login(worker)
    url = f"/cuoc-thi/chung-nhan/{entry.certificate_code}.pdf"
    assert client.get(url).status_code == 503  # the old address is never served again
    assert public_files.files_build(source=files.SOURCE, pk=entry.pk) == 1  # the timer, or the demo's start
    verify_url = f"https://lantoa.angiang.gov.vn/cuoc-thi/xac-minh/{entry.certificate_code}"
    assert decode_pdf(client.get(url).getvalue(), tmp_path) == verify_url
    assert len(private_storage().listdir(f"public/certificates/{entry.pk}")[1]) == 1


@pytest.mark.django_db(transaction=True)  # the worker commits, as in production
def test_a_renamed_holder_gets_a_certificate_with_the_new_name(client, contest, enterprise_a, make_official, tmp_path):
    pdftotext = require_tool("pdftotext")
    worker = make_official(unit=enterprise_a.unit, role=Role.WORKER, name="Nguyễn Văn Giỏi")
    with time_machine.travel(START + dt.timedelta(hours=1)):
        entry = services.contest_start(contest=contest, user=worker, device_key="", enterprise=enterprise_a)
        entry = services.contest_submit(entry=entry, answers=right(entry))
    run_worker()
    client.force_login(worker)  # a login saves the account, not its name: nothing to rebuild
    assert not DBTaskResult.objects.filter(status=TaskResultStatus.READY).exists()
    url = f"/cuoc-thi/chung-nhan/{entry.certificate_code}.pdf"

    def printed_name() -> str:
        path = tmp_path / "certificate.pdf"
        path.write_bytes(client.get(url).getvalue())
        return subprocess.run([pdftotext, str(path), "-"], capture_output=True, check=True).stdout.decode()  # noqa: S603

    assert "Nguyễn Văn Giỏi" in printed_name()
    worker.person.save()  # saved with the same name (an edit of another field): the stored file still holds
    assert not DBTaskResult.objects.filter(status=TaskResultStatus.READY).exists()
    person = worker.person
    person.full_name = "Nguyễn Thị Giỏi"
    person.save()
    assert client.get(url).status_code == 503  # the old name is never served again
    run_worker()
    assert "Nguyễn Thị Giỏi" in printed_name()
    assert len(private_storage().listdir(f"public/certificates/{entry.pk}")[1]) == 1


def test_contest_pages_write_times_as_the_rest_of_the_site_in_local_time(contest, client):
    # 08:00 UTC is 15:00 in Viet Nam: "HH:MM dd/mm/yyyy", as core.formats.vn_datetime writes every moment.
    with time_machine.travel(START + dt.timedelta(hours=1)):
        detail = client.get(f"/cuoc-thi/{contest.slug}/").content.decode()
        listing = client.get("/cuoc-thi/").content.decode()
    assert "Từ 15:00 01/05/2026 đến 15:00 08/05/2026" in detail
    assert "Từ 01/05/2026 đến 08/05/2026" in listing
