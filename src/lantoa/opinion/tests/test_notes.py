import datetime as dt
from collections.abc import Callable

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import reverse

from lantoa.opinion.models import ThoughtNote, Topic
from lantoa.opinion.selectors import note_series
from lantoa.opinion.services import notes as note_services
from lantoa.opinion.tests.conftest import NOTE_WEEK
from lantoa.orgs.models import Enterprise, OrgUnit, Role, User


def test_topics_are_seeded_and_quotes_lose_phone_and_id_numbers(
    union_officer: User, enterprise_a: Enterprise, record_note: Callable[..., ThoughtNote]
) -> None:
    assert (
        Topic.objects.filter(name="Tiền lương và thưởng Tết").exists() and Topic.objects.filter(name="Tin đồn").exists()
    )
    note = record_note(
        union_officer, enterprise_a, quotes="Gọi chị 0912 345 678 hoặc +84912345678, CCCD 079123456789 nói vậy"
    )
    assert "0912" not in note.quotes and "84912" not in note.quotes and "079123456789" not in note.quotes
    assert "[đã xoá số điện thoại]" in note.quotes and "[đã xoá số giấy tờ]" in note.quotes


@pytest.mark.parametrize(
    ("written", "kept"),
    [
        ("Số (+84) 912 345 678 của tổ trưởng", "Số [đã xoá số điện thoại] của tổ trưởng"),
        ("zalo 09 12 34 56 78", "zalo [đã xoá số điện thoại]"),
        ("CCCD 079 203 001 234 bị giữ", "CCCD [đã xoá số giấy tờ] bị giữ"),
        ("CCCD: 079.203.001.234", "CCCD: [đã xoá số giấy tờ]"),
        ("CMND 281 234 567", "CMND [đã xoá số giấy tờ]"),
        (
            "nợ 150.000.000 đồng, lương 5.310.000 đ từ 01/01/2026",
            "nợ 150.000.000 đồng, lương 5.310.000 đ từ 01/01/2026",
        ),
    ],
)
def test_quotes_lose_numbers_written_in_groups_and_keep_sums_of_money(written: str, kept: str) -> None:
    assert note_services.quotes_clean(written) == kept


def test_a_propagandist_records_only_for_their_own_enterprise(
    enterprise_a: Enterprise,
    enterprise_b: Enterprise,
    make_official: Callable[..., User],
    record_note: Callable[..., ThoughtNote],
) -> None:
    propagandist = make_official(unit=enterprise_a.unit, role=Role.PROPAGANDIST)
    assert record_note(propagandist, enterprise_a).reporter == propagandist
    with pytest.raises(PermissionDenied):
        record_note(propagandist, enterprise_b)


def test_rollup_shows_a_figure_only_behind_five_enterprises(
    client: Client,
    union_officer: User,
    make_enterprise: Callable[..., Enterprise],
    commune: Callable[[str], OrgUnit],
    record_note: Callable[..., ThoughtNote],
) -> None:
    enterprises = [make_enterprise() for _index in range(5)]
    for enterprise in enterprises[:4]:
        record_note(union_officer, enterprise)
    end = NOTE_WEEK + dt.timedelta(days=6)
    series = note_series.series(user=union_officer, dimension="topic", grain="week", start=NOTE_WEEK, end=end)
    assert (series.rows, series.held_rows) == ((), 1)
    record_note(union_officer, enterprises[4], mood=4)
    (row,) = note_series.series(user=union_officer, dimension="topic", grain="week", start=NOTE_WEEK, end=end).rows
    assert row.label == "Rút BHXH một lần" and row.cells[0] is not None
    assert (row.cells[0].notes, row.cells[0].concerned, row.cells[0].mean_mood) == (5, 200, 2.4)
    client.force_login(union_officer)
    page = client.get(
        reverse("opinion:notes-rollup"),
        {"dimension": "commune", "grain": "week", "measure": "concerned", "start": "02/11/2026", "end": "08/11/2026"},
    ).content.decode()
    assert "Xã Bình Hòa" in page and "200" in page
