"""Notes over time: each cell stands on five sources alone, and no held-back cell comes out of a subtraction."""

import datetime as dt
import random
from collections.abc import Callable, Sequence
from types import SimpleNamespace

import numpy as np
import numpy.typing as npt
import pytest
from django.test import Client
from django.urls import reverse
from pytest_django import DjangoAssertNumQueries

from lantoa.opinion.models import ThoughtNote, Topic
from lantoa.opinion.selectors import note_series
from lantoa.opinion.selectors.note_series import Figure, Series
from lantoa.opinion.selectors.notes import notes_between
from lantoa.opinion.services import notes as note_services
from lantoa.opinion.tests.fake_notes import fake_notes
from lantoa.orgs.models import Enterprise, User

WEEK_1 = dt.date(2026, 11, 2)  # a Monday
WEEK_2, WEEK_3 = WEEK_1 + dt.timedelta(weeks=1), WEEK_1 + dt.timedelta(weeks=2)
TOPIC = "Rút BHXH một lần"
Note = Callable[..., ThoughtNote]


@pytest.fixture
def note(union_officer: User) -> Note:
    def record(
        enterprise: Enterprise, start: dt.date, *, days: int = 7, topics: Sequence[str] = (TOPIC,), concerned: int = 10
    ) -> ThoughtNote:
        return note_services.note_record(
            user=union_officer,
            enterprise=enterprise,
            period_start=start,
            period_end=start + dt.timedelta(days=days - 1),
            topics=list(Topic.objects.filter(name__in=topics)),
            mood=3,
            concerned=concerned,
        )

    return record


@pytest.fixture
def enterprises(make_enterprise: Callable[..., Enterprise]) -> Callable[..., list[Enterprise]]:
    return lambda count, **fields: [make_enterprise(**fields) for _index in range(count)]


def _series(user: User, *, start: dt.date, end: dt.date, grain: str = "week", dimension: str = "topic") -> Series:
    return note_series.series(user=user, dimension=dimension, grain=grain, start=start, end=end)


def _cells(series: Series, label: str) -> list[int | None]:
    row = next(row for row in series.rows if row.label == label)
    return [cell.notes if cell else None for cell in row.cells]


def _assert_totals_add_shown_cells_only(series: Series) -> None:
    """A total minus its shown cells is zero: nothing held back is in it to recover."""
    for row in series.rows:
        assert row.total == note_series._sum(cell for cell in row.cells if cell)
    for index, total in enumerate(series.column_totals or ()):
        shown = [cell for row in series.rows if (cell := row.cells[index])]
        assert total == (note_series._sum(shown) if shown else None)


def test_period_labels_are_vietnamese_weeks_and_months() -> None:
    assert note_series.period_of(dt.date(2026, 11, 25), grain="week").label == "Tuần 23/11–29/11/2026"
    assert note_series.period_of(dt.date(2026, 12, 30), grain="week").label == "Tuần 28/12/2026–03/01/2027"
    assert note_series.period_of(dt.date(2026, 11, 25), grain="month").label == "Tháng 11/2026"
    weeks = note_series.periods_between(start=dt.date(2026, 11, 4), end=dt.date(2026, 11, 16), grain="week")
    assert [period.start for period in weeks] == [WEEK_1, WEEK_2, WEEK_3]


def test_each_week_stands_on_five_sources_alone_and_its_total_hides_nothing(
    union_officer: User, enterprises: Callable[..., list[Enterprise]], note: Note
) -> None:
    first, single, late = enterprises(5), enterprises(1), enterprises(4)
    for enterprise in first:
        note(enterprise, WEEK_1)
    note(single[0], WEEK_2, concerned=77)
    for enterprise in late:
        note(enterprise, WEEK_3)
    weekly = _series(union_officer, start=WEEK_1, end=WEEK_3)
    assert [period.label for period in weekly.periods] == [
        "Tuần 02/11–08/11/2026",
        "Tuần 09/11–15/11/2026",
        "Tuần 16/11–22/11/2026",
    ]
    assert _cells(weekly, TOPIC) == [5, None, None]
    row = weekly.rows[0]
    _assert_totals_add_shown_cells_only(weekly)
    # The attack: the row's total minus its shown weeks. It gives 0, not the one enterprise's 77 of week 2.
    assert row.total.concerned - sum(cell.concerned for cell in row.cells if cell) == 0
    # The month is shown; what it holds beyond week 1 stands on the five enterprises of weeks 2 and 3.
    monthly = _series(union_officer, start=WEEK_1, end=WEEK_1, grain="month")
    assert _cells(monthly, TOPIC) == [10]
    assert monthly.rows[0].cells[0] is not None
    rest = Figure.of(ThoughtNote.objects.filter(period_start__gt=WEEK_1 + dt.timedelta(days=6)))
    assert monthly.rows[0].cells[0].notes - row.total.notes == rest.notes and rest.sources >= 5


def test_a_shown_month_minus_its_shown_weeks_never_leaves_one_enterprise(
    union_officer: User, enterprises: Callable[..., list[Enterprise]], note: Note
) -> None:
    for enterprise in enterprises(5):
        note(enterprise, WEEK_1)
    note(enterprises(1)[0], WEEK_2, concerned=77)
    monthly = _series(union_officer, start=WEEK_1, end=WEEK_1, grain="month")
    assert monthly.rows[0].cells[0] is not None and monthly.rows[0].cells[0].concerned == 127
    weekly = _series(union_officer, start=WEEK_1, end=WEEK_2)
    # Week 1 alone has five enterprises, but with it shown the month minus week 1 would be week 2's 77: held too.
    assert weekly.rows == () and weekly.held_rows == 1


def test_two_windows_differ_only_by_whole_cells_that_are_shown(
    union_officer: User, enterprises: Callable[..., list[Enterprise]], note: Note
) -> None:
    for enterprise in enterprises(5):
        note(enterprise, WEEK_1)
    note(enterprises(1)[0], WEEK_2)
    for enterprise in enterprises(4):
        note(enterprise, WEEK_3)
    # Windows cut mid-week still read whole weeks: the cells are the same whatever dates are asked.
    short = _series(union_officer, start=WEEK_1 + dt.timedelta(days=3), end=WEEK_2 + dt.timedelta(days=1))
    long = _series(union_officer, start=WEEK_1, end=WEEK_3 + dt.timedelta(days=6))
    assert short.rows[0].cells == long.rows[0].cells[:2]
    # The attack: the long window's total minus the short one's is week 3 as shown (held back: nothing).
    assert long.rows[0].total.notes - short.rows[0].total.notes == 0


def test_a_column_held_back_stands_on_five_sources_so_another_split_cannot_subtract_it(
    union_officer: User, enterprises: Callable[..., list[Enterprise]], note: Note
) -> None:
    for enterprise in enterprises(5, ownership=Enterprise.Ownership.PRIVATE):
        note(enterprise, WEEK_1)
    note(enterprises(1, ownership=Enterprise.Ownership.STATE)[0], WEEK_1, concerned=77)
    by_commune = _series(union_officer, start=WEEK_1, end=WEEK_1, dimension="commune")
    by_segment = _series(union_officer, start=WEEK_1, end=WEEK_1, dimension="segment")
    # All six sit in Xã Bình Hòa: the commune table shows the week's whole 127.
    assert by_commune.column_totals is not None and by_commune.column_totals[0] is not None
    week_total = by_commune.column_totals[0].concerned
    assert week_total == 127
    _assert_totals_add_shown_cells_only(by_segment)
    # The attack: the week's total minus the segments shown. With private shown it would be the state firm's 77;
    # private is held back as well, so what is left stands on all six enterprises.
    shown = sum(cell.concerned for row in by_segment.rows for cell in row.cells if cell)
    assert week_total - shown == 127
    assert by_segment.rows == () and by_segment.held_rows == 2


def test_a_column_shows_what_it_can_once_the_cells_held_back_stand_on_five_together(
    union_officer: User, enterprises: Callable[..., list[Enterprise]], note: Note
) -> None:
    for enterprise in enterprises(6, ownership=Enterprise.Ownership.PRIVATE):
        note(enterprise, WEEK_1)
    for enterprise in enterprises(2, ownership=Enterprise.Ownership.STATE):
        note(enterprise, WEEK_1)
    for enterprise in enterprises(3, ownership=Enterprise.Ownership.FDI):
        note(enterprise, WEEK_1)
    by_segment = _series(union_officer, start=WEEK_1, end=WEEK_1, dimension="segment")
    assert [row.label for row in by_segment.rows] == ["Tư nhân, ngoài nhà nước"]
    assert _cells(by_segment, "Tư nhân, ngoài nhà nước") == [6]
    assert by_segment.held_rows == 2
    assert by_segment.total is not None and by_segment.total.notes == 6  # the shown cells, not the week's 11


def test_a_month_long_note_counts_in_its_month_only(
    union_officer: User, enterprises: Callable[..., list[Enterprise]], note: Note
) -> None:
    for enterprise in enterprises(5):
        note(enterprise, dt.date(2026, 11, 1), days=30)
    assert _series(union_officer, start=WEEK_1, end=WEEK_3).rows == ()
    monthly = _series(union_officer, start=dt.date(2026, 11, 1), end=dt.date(2026, 11, 30), grain="month")
    assert [period.label for period in monthly.periods] == ["Tháng 11/2026"]
    assert _cells(monthly, TOPIC) == [5]


def test_rollup_page_shows_the_weekly_series_in_a_scrolling_table(
    client: Client,
    union_officer: User,
    enterprises: Callable[..., list[Enterprise]],
    note: Note,
    django_assert_max_num_queries: DjangoAssertNumQueries,
) -> None:
    for enterprise in enterprises(5):
        note(enterprise, WEEK_1, concerned=1200)
    for enterprise in enterprises(5):
        note(enterprise, WEEK_2, topics=(TOPIC, "Làm thêm giờ"))
    client.force_login(union_officer)
    query = {"dimension": "topic", "grain": "week", "measure": "concerned", "start": "02/11/2026", "end": "15/11/2026"}
    with django_assert_max_num_queries(20):
        page = client.get(reverse("opinion:notes-rollup"), query).content.decode()
    assert 'class="scroll"' in page
    assert "Tuần 02/11–08/11/2026" in page and "Tuần 09/11–15/11/2026" in page
    assert "<td>6.000</td>" in page and "<strong>6.050</strong>" in page  # 5 × 1.200, then with week 2's 50
    assert "Làm thêm giờ</th><td>–</td><td>50</td>" in page
    monthly = client.get(reverse("opinion:notes-rollup"), {**query, "grain": "month", "measure": "mood"})
    assert "Tháng 11/2026" in monthly.content.decode() and "<td>3,0</td>" in monthly.content.decode()


def test_rollup_page_refuses_a_window_too_long(client: Client, union_officer: User) -> None:
    client.force_login(union_officer)
    query = {"dimension": "topic", "grain": "week", "measure": "notes", "start": "01/01/2026", "end": "30/11/2026"}
    page = client.get(reverse("opinion:notes-rollup"), query).content.decode()
    assert "Chọn tối đa 26 tuần." in page and "<table" not in page


def _notes_of_month(month: dt.date) -> list[ThoughtNote]:
    first, last = note_series.series_window(start=month, end=month, grain="month")
    return list(notes_between(start=first, end=last))


def test_a_chain_across_splits_and_grains_gave_a_small_cell_away_and_the_audit_closes_it(
    union_officer: User, enterprises: Callable[..., list[Enterprise]], note: Note
) -> None:
    private, fdi = Enterprise.Ownership.PRIVATE, Enterprise.Ownership.FDI
    for enterprise in enterprises(6, ownership=private):
        note(enterprise, WEEK_1)
    note(enterprises(1, ownership=Enterprise.Ownership.STATE)[0], WEEK_1, concerned=77)
    for enterprise in enterprises(5, ownership=fdi):
        note(enterprise, WEEK_1)
    for enterprise in enterprises(5, ownership=fdi):
        note(enterprise, WEEK_2)
    notes = _notes_of_month(WEEK_1)
    old = note_series.rule_tables(notes)
    state, fdi_label, private_label = "Nhà nước", str(fdi.label), str(private.label)

    def figure(tables: note_series.Tables, dimension: str, grain: str, label: str, start: dt.date) -> int | None:
        cells, shown = tables[(dimension, grain)]
        return sum(n.concerned for n in cells[(label, start)]) if (label, start) in shown else None

    # Each rule alone holds: the state firm is held back in week 1 with FDI as its complement (six sources
    # together), and the shown FDI month minus its shown week 2 is FDI's week 1, on five enterprises.
    assert figure(old, "segment", "week", state, WEEK_1) is None
    assert figure(old, "segment", "week", fdi_label, WEEK_1) is None
    commune = next(label for label, _start in old[("commune", "week")][0])
    chain = [
        figure(old, "commune", "week", commune, WEEK_1),
        figure(old, "segment", "week", private_label, WEEK_1),
        figure(old, "segment", "month", fdi_label, dt.date(2026, 11, 1)),
        figure(old, "segment", "week", fdi_label, WEEK_2),
    ]
    # The chain of the docs: the week's total from the communes, minus private, minus (FDI's month minus its
    # week 2) is the one state firm's 77.
    assert None not in chain
    week_total, shown_private, fdi_month, fdi_week_2 = (value or 0 for value in chain)
    assert week_total - shown_private - (fdi_month - fdi_week_2) == 77
    november = dt.date(2026, 11, 1)
    assert note_series.exposed_cells(old) == {("segment", "week", state, WEEK_1), ("segment", "month", state, november)}
    # With the audit, no chain gives any small cell away, and the page's tables are the audited ones.
    new = note_series.audited_tables(notes)
    assert note_series.exposed_cells(new) == set()
    assert None in [
        figure(new, "commune", "week", commune, WEEK_1),
        figure(new, "segment", "week", private_label, WEEK_1),
        figure(new, "segment", "month", fdi_label, november),
        figure(new, "segment", "week", fdi_label, WEEK_2),
    ]
    for dimension, grain in new:
        page = _series(union_officer, start=WEEK_1, end=WEEK_2, grain=grain, dimension=dimension)
        shown = new[(dimension, grain)][1]
        on_page = {
            (row.label, period.start)
            for row in page.rows
            for period, c in zip(page.periods, row.cells, strict=True)
            if c
        }
        assert on_page == {key for key in shown if key[1] in {period.start for period in page.periods}}


def _random_notes(seed: int) -> list[ThoughtNote]:
    """Notes as the series reads them, without the database: random communes, segments, topics and weeks."""
    chance = random.Random(seed)
    # Few communes and one rare segment: the draws where a week's total is known and a complement sits beside it.
    communes = ["Xã A", "Xã B", "Phường C"][: chance.randint(1, 3)]
    segments = ["Tư nhân"] * chance.randint(1, 4) + ["FDI"] * chance.randint(1, 3) + ["Nhà nước"]
    firms = [
        SimpleNamespace(
            pk=index,
            commune=SimpleNamespace(name=chance.choice(communes)),
            get_ownership_display=(lambda label: lambda: label)(chance.choice(segments)),
        )
        for index in range(chance.randint(14, 24))
    ]
    return fake_notes(chance, firms, count=chance.randint(60, 110))


def _vector(notes: Sequence[ThoughtNote], cell: Sequence[ThoughtNote]) -> npt.NDArray[np.float64]:
    """A cell as the indicator of its notes, one column a note."""
    inside = {note.pk for note in cell}
    return np.array([1.0 if note.pk in inside else 0.0 for note in notes])


def test_on_random_notes_no_small_cell_held_back_lies_in_the_span_of_the_shown_ones() -> None:
    leaky_seeds = 0
    for seed in range(40):
        notes = _random_notes(seed)
        old, new = note_series.rule_tables(notes), note_series.audited_tables(notes)
        # Holding back only the small cells gives some away on most draws: the property below has work to do.
        alone = {
            table: (cells, {key for key in cells if note_series._safe(cells[key])})
            for table, (cells, _s) in old.items()
        }
        leaky_seeds += bool(note_series.exposed_cells(alone))
        for table, (cells, shown) in new.items():
            assert shown <= old[table][1]  # the audit only holds back more
            assert all(Figure.of(cells[key]).sources >= 5 for key in shown)
        assert note_series.exposed_cells(new) == set()
        # The same by the rank, over single notes: appending a small cell held back raises the rank of the shown.
        published = [(t, key) for t, (_c, shown) in new.items() for key in shown]
        small = [(t, key) for t, (cells, shown) in new.items() for key in cells if key not in shown]
        small = [(t, key) for t, key in small if Figure.of(new[t][0][key]).sources < 5]
        matrix = np.array([_vector(notes, new[t][0][key]) for t, key in published]).reshape(len(published), len(notes))
        rank = np.linalg.matrix_rank(matrix)
        for t, key in small:
            assert np.linalg.matrix_rank(np.vstack([matrix, _vector(notes, new[t][0][key])])) == rank + 1
    assert leaky_seeds >= 10
