import datetime as dt
import io
from collections.abc import Callable

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from docx import Document

from lantoa.core.models import Job
from lantoa.core.tests.support import job_file, no_database_writes
from lantoa.opinion.models import ThoughtNote, Topic
from lantoa.opinion.selectors import note_series
from lantoa.opinion.selectors.monthly_report import monthly_report
from lantoa.opinion.services import claims as claim_services
from lantoa.opinion.services import notes as note_services
from lantoa.orgs.models import Enterprise, OrgUnit, Role, User
from lantoa.plans.exports.docx import report_docx
from lantoa.voice.services import reports as report_services

NOVEMBER = dt.date(2026, 11, 1)
# The worker that drafts the DOCX commits and closes connections.
drafted_by_the_worker = pytest.mark.django_db(transaction=True)


def _text_of(content: bytes) -> tuple[str, list[list[str]]]:
    document = Document(io.BytesIO(content))
    rows = [[cell.text for cell in row.cells] for table in document.tables for row in table.rows]
    return "\n".join(p.text for p in document.paragraphs), rows


@drafted_by_the_worker
def test_the_monthly_report_is_a_party_format_docx_whose_figures_lead_to_their_records(
    client: Client,
    union_officer: User,
    province: OrgUnit,
    make_enterprise: Callable[..., Enterprise],
    make_official: Callable[..., User],
    record_note: Callable[..., ThoughtNote],
) -> None:
    enterprises = [make_enterprise(name=f"Công ty May {n}") for n in range(1, 6)]
    with time_machine.travel(dt.datetime(2026, 11, 20, 3, tzinfo=dt.UTC), tick=False):
        for index, enterprise in enumerate(enterprises):
            topics = ["Rút BHXH một lần", "Nhà ở và giá cả"] if index < 2 else ["Rút BHXH một lần"]
            record_note(union_officer, enterprise, topics=topics)
            report_services.report_submit(category="luong-cham-thieu", text="Lương trả chậm.", enterprise=enterprise)
        claim_services.claim_submit(text="Nghe nói sắp cấm rút BHXH một lần", enterprise=enterprises[0])
    client.force_login(union_officer)
    with no_database_writes():  # a GET only shows the form, whatever its query says
        page = client.get(reverse("opinion:monthly-report"), {"unit": str(province.pk), "month": "11/2026"})
    assert page.status_code == 200 and "Tạo tệp báo cáo (DOCX)" in page.content.decode()
    assert client.put(reverse("opinion:monthly-report")).status_code == 405
    # Asked for late on 5 December (Việt Nam time), drafted by the worker after midnight: the report bears the day
    # it was asked for.
    with time_machine.travel(dt.datetime(2026, 12, 5, 16, 50, tzinfo=dt.UTC), tick=False) as clock:
        client.force_login(union_officer)
        queued = client.post(reverse("opinion:monthly-report"), {"unit": province.pk, "month": "11/2026"})
        job = Job.objects.get()
        assert (job.kind, job.arguments) == ("opinion.monthly_report", {"unit": province.pk, "month": "2026-11-01"})
        clock.shift(dt.timedelta(minutes=20))
        download = job_file(client, queued)
    assert download["Content-Type"] == "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    assert f'filename="bao-cao-tu-tuong-{province.code.lower()}-2026-11.docx"' in download["Content-Disposition"]
    text, rows = _text_of(download.getvalue())
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in [cell for row in rows for cell in row]
    assert "Tình hình tư tưởng công nhân tháng 11/2026" in text
    assert any("Thường trực Tỉnh ủy (để báo cáo)" in cell for row in rows for cell in row)
    assert "An Giang, ngày 05 tháng 12 năm 2026" in [cell for row in rows for cell in row]
    assert "5 lượt ghi nhận tình hình tư tưởng tại 5 doanh nghiệp" in text and "(1)" in text
    assert ["1", "Rút BHXH một lần", "5", "200", "2,0", "(2)"] in rows
    assert not any("Nhà ở và giá cả" in row for row in rows)  # two enterprises only: held back
    assert "1 chủ đề chưa nêu" in text
    assert any(row[2:] == ["5", "5", "(3)"] for row in rows)  # five wage reports from five enterprises
    annex = [row for row in rows if row[0] == "(2)"]
    # A note is cited by its reference only: its week and enterprise would split the figure into cells held back.
    assert len(annex) == 5 and {(row[3], row[4]) for row in annex} == {("—", "—")}
    assert {row[2] for row in annex} == {f"GN-{note.pk}" for note in ThoughtNote.objects.all()}
    # The reports, on their own rule, still name the enterprise each came from.
    assert {row[4] for row in rows if row[0] == "(3)"} == {e.unit.name for e in enterprises}
    # One claim from one enterprise is no figure; the reporter is never named.
    assert "chưa đủ 5 tin hoặc doanh nghiệp" in text
    assert "Cán bộ LĐLĐ" not in text and not any("Cán bộ LĐLĐ" in cell for row in rows for cell in row)

    # The job page and its file ask the page's own permission again: an enterprise's propagandist sees neither.
    client.force_login(make_official(unit=enterprises[0].unit, role=Role.PROPAGANDIST))
    assert client.get(reverse("core:job", args=[job.pk])).status_code == 404
    assert client.get(reverse("core:job-file", args=[job.pk])).status_code == 404


def test_only_who_reads_voice_figures_over_the_unit_may_draft_it(
    client: Client, enterprise_a: Enterprise, make_official: Callable[..., User]
) -> None:
    client.force_login(make_official(unit=enterprise_a.unit, role=Role.PROPAGANDIST))
    assert client.get(reverse("opinion:monthly-report")).status_code == 403
    month = {"unit": enterprise_a.unit.pk, "month": "11/2026"}
    assert client.post(reverse("opinion:monthly-report"), month).status_code == 403
    assert not Job.objects.exists()


def test_a_bad_month_is_refused_in_vietnamese(client: Client, union_officer: User, province: OrgUnit) -> None:
    client.force_login(union_officer)
    response = client.post(reverse("opinion:monthly-report"), {"unit": province.pk, "month": "tháng mười"})
    assert response.status_code == 200 and "Ghi tháng theo mẫu mm/yyyy" in response.content.decode()
    assert not Job.objects.exists()


def test_the_report_quotes_workers_by_topic_only_where_five_stand_behind_it_each_with_its_note(
    union_officer: User,
    province: OrgUnit,
    make_enterprise: Callable[..., Enterprise],
    record_note: Callable[..., ThoughtNote],
) -> None:
    enterprises = [make_enterprise(name=f"Công ty Giày {n}") for n in range(1, 6)]
    quotes = [
        "“Nghỉ việc rút BHXH luôn cho chắc, gọi 0912 345 678 mà hỏi”\n- Sợ luật mới không cho rút nữa",
        "Rút một lần thì mất lương hưu à?",
        "",
        "Chưa ai giải thích cho tổ mình",
        "Nghe trên mạng nói tháng sau cấm rút",
    ]
    notes = [
        record_note(union_officer, enterprise, concerned=20, quotes=quote)
        for enterprise, quote in zip(enterprises, quotes, strict=True)
    ]
    rent = record_note(
        union_officer,
        enterprises[0],
        topics=["Rút BHXH một lần", "Nhà ở và giá cả"],
        concerned=5,
        quotes="Tiền phòng trọ lại tăng",
    )
    text, rows = _text_of(report_docx(monthly_report(unit=province, month=NOVEMBER, reader=union_officer)))
    paragraphs = text.split("\n")
    start = paragraphs.index("Ý kiến tiêu biểu của công nhân (theo chủ đề ở mục II)")
    end = paragraphs.index("III. PHẢN ÁNH CỦA NGƯỜI LAO ĐỘNG")
    assert paragraphs[start + 1 : end] == [
        "Về “Rút BHXH một lần” (2):",
        f"– “Nghỉ việc rút BHXH luôn cho chắc, gọi [đã xoá số điện thoại] mà hỏi” (GN-{notes[0].pk}).",
        f"– “Sợ luật mới không cho rút nữa” (GN-{notes[0].pk}).",
        f"– “Rút một lần thì mất lương hưu à?” (GN-{notes[1].pk}).",
        f"– “Chưa ai giải thích cho tổ mình” (GN-{notes[3].pk}).",
        f"– “Nghe trên mạng nói tháng sau cấm rút” (GN-{notes[4].pk}).",
        f"– “Tiền phòng trọ lại tăng” (GN-{rent.pk}).",
    ]
    assert ["1", "Rút BHXH một lần", "6", "105", "2,0", "(2)"] in rows
    # The quoted notes are the topic figure's records in the annex; the housing topic (one enterprise) is held
    # back, so it shows no row of its own and its note only counts in the figures it shares with five enterprises.
    assert {row[2] for row in rows if row[0] == "(2)"} == {f"GN-{note.pk}" for note in [*notes, rent]}
    assert not any("Nhà ở và giá cả" in row for row in rows) and "1 chủ đề chưa nêu" in text
    assert not any(enterprise.unit.name in "\n".join(paragraphs[start:end]) for enterprise in enterprises)
    # Nor does the annex tie a quote's reference to its enterprise.
    assert not any(
        e.unit.name in row for e in enterprises for row in rows if len(row) == 5 and row[2].startswith("GN-")
    )


def test_a_topic_with_many_quotes_says_how_many_more_its_notes_hold(
    union_officer: User,
    province: OrgUnit,
    make_enterprise: Callable[..., Enterprise],
    record_note: Callable[..., ThoughtNote],
) -> None:
    for n in range(1, 6):
        enterprise = make_enterprise(name=f"Công ty Dệt {n}")
        record_note(union_officer, enterprise, mood=3, concerned=10, quotes="Ý kiến thứ nhất\nÝ kiến thứ hai")
    text, _rows = _text_of(report_docx(monthly_report(unit=province, month=NOVEMBER, reader=union_officer)))
    assert text.count("– “Ý kiến thứ") == 8
    assert "Còn 2 ý kiến khác trong các ghi nhận của chủ đề này." in text


def test_a_week_across_two_months_counts_in_the_report_of_its_mondays_month_as_in_the_series(
    union_officer: User, province: OrgUnit, make_enterprise: Callable[..., Enterprise]
) -> None:
    topics = list(Topic.objects.filter(name="Rút BHXH một lần"))
    last_week = dt.date(2026, 11, 30)  # Monday 30/11 to Sunday 06/12
    for n in range(1, 6):
        note_services.note_record(
            user=union_officer,
            enterprise=make_enterprise(name=f"Công ty Gạch {n}"),
            period_start=last_week + dt.timedelta(days=n % 2),  # some begin on Tuesday 01/12
            period_end=last_week + dt.timedelta(days=6),
            topics=topics,
            mood=3,
            concerned=10,
        )
    november, _rows = _text_of(report_docx(monthly_report(unit=province, month=NOVEMBER, reader=union_officer)))
    december, _rows = _text_of(
        report_docx(monthly_report(unit=province, month=dt.date(2026, 12, 1), reader=union_officer))
    )
    assert "có 5 lượt ghi nhận tình hình tư tưởng tại 5 doanh nghiệp" in november
    assert "lượt ghi nhận tình hình tư tưởng tại" not in december
    series = note_series.series(user=union_officer, dimension="topic", grain="month", start=NOVEMBER, end=NOVEMBER)
    assert series.rows[0].cells[0] is not None and series.rows[0].cells[0].notes == 5
