"""Thought-situation notes over time: one row per topic, commune or segment, one column per week or month.

Each cell shows a figure only where at least MIN_SOURCES enterprises or reporters stand behind it (`notes.enough_sources`),
and no cell held back can be worked out by subtracting figures that are shown:

- Cells are whole calendar weeks (Monday to Sunday) or months, whatever dates are asked: two windows never cut a
  cell differently, so the difference of two tables is always whole cells that were shown anyway.
- The «Cộng» of a row or a column adds the cells shown and nothing else: a total minus its shown cells is zero.
- A week counts in the month of its Monday and a note of a whole month only in the monthly table, so a month is
  exactly its weeks plus its month-long notes. Where the month is shown, what it holds beyond the weeks shown must
  itself stand on MIN_SOURCES sources, else more weeks are held back: a month minus its weeks gives nothing away.
- Where the rows split the notes (each note has one commune and one segment), the cells held back in a column
  together stand on MIN_SOURCES sources, else more cells of the column are held back: the notes of a week are the
  same whichever way they are split, so one table's column minus another's shown cells gives nothing away either.

Chains of several subtractions across the splits and grains are closed by `note_audit`: every table a reader can ask
is decided at once, month by month, and more cells are held back until no small cell, nor a pair of them still on
too few sources together, lies in the span of the shown. `reader_view` adds the figures of the monthly reports the
same reader may draft to that audit, so nothing held back on the page or in a report comes out of both.
"""

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lantoa.core.formats import vn_number
from lantoa.opinion.models import ThoughtNote
from lantoa.opinion.selectors import note_audit
from lantoa.opinion.selectors.notes import MIN_SOURCES, notes_between, report_units_for_user
from lantoa.orgs import access

DIMENSION_LABELS = {
    "topic": gettext_lazy("Chủ đề"),
    "commune": gettext_lazy("Xã, phường"),
    "segment": gettext_lazy("Loại hình doanh nghiệp"),
}
MAX_PERIODS = {"week": 26, "month": 24}
# Rows that split the notes: each note falls in exactly one of them (a note names several topics).
PARTITION_DIMENSIONS = frozenset({"commune", "segment"})

Key = tuple[str, dt.date]  # (row label, first day of the period)


@dataclass(frozen=True)
class Period:
    grain: str
    start: dt.date
    end: dt.date

    @property
    def label(self) -> str:
        if self.grain == "month":
            return _("Tháng %(month)s") % {"month": self.start.strftime("%m/%Y")}
        start_format = "%d/%m" if self.start.year == self.end.year else "%d/%m/%Y"
        return _("Tuần %(start)s–%(end)s") % {
            "start": self.start.strftime(start_format),
            "end": self.end.strftime("%d/%m/%Y"),
        }


def _month_start(day: dt.date) -> dt.date:
    return day.replace(day=1)


def _next_month(day: dt.date) -> dt.date:
    return (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)


def period_of(day: dt.date, *, grain: str) -> Period:
    if grain == "month":
        start = _month_start(day)
        return Period(grain, start, _next_month(start) - dt.timedelta(days=1))
    monday = day - dt.timedelta(days=day.weekday())
    return Period(grain, monday, monday + dt.timedelta(days=6))


def periods_between(*, start: dt.date, end: dt.date, grain: str) -> list[Period]:
    """The whole weeks or months from the one holding `start` to the one holding `end`."""
    periods, period = [], period_of(start, grain=grain)
    while period.start <= end:
        periods.append(period)
        period = period_of(period.end + dt.timedelta(days=1), grain=grain)
    return periods


def is_weekly(note: ThoughtNote) -> bool:
    return (note.period_end - note.period_start).days < 7


def _period_start_of(note: ThoughtNote, grain: str) -> dt.date | None:
    """The first day of the cell a note counts in; None for a month-long note in the weekly table."""
    monday = note.period_start - dt.timedelta(days=note.period_start.weekday())
    if grain == "week":
        return monday if is_weekly(note) else None
    return _month_start(monday if is_weekly(note) else note.period_start)


def month_of(note: ThoughtNote) -> dt.date:
    """The first day of the month a note counts in: its week's Monday's for a weekly note, else its own."""
    start = _period_start_of(note, "month")
    return start if start is not None else _month_start(note.period_start)


def _labels_of(note: ThoughtNote, dimension: str) -> list[str]:
    if dimension == "topic":
        return [topic.name for topic in note.topics.all()]
    if dimension == "commune":
        return [note.enterprise.commune.name]
    return [note.enterprise.get_ownership_display()]


@dataclass(frozen=True)
class Figure:
    notes: int
    concerned: int
    mood_sum: int
    enterprises: frozenset[int]
    reporters: frozenset[int | None]

    @classmethod
    def of(cls, notes: Iterable[ThoughtNote]) -> "Figure":
        rows = list(notes)
        return cls(
            notes=len(rows),
            concerned=sum(note.concerned for note in rows),
            mood_sum=sum(note.mood for note in rows),
            enterprises=frozenset(note.enterprise_id for note in rows),
            reporters=frozenset(note.reporter_id for note in rows),
        )

    @property
    def sources(self) -> int:
        return max(len(self.enterprises), len(self.reporters))

    @property
    def mean_mood(self) -> float | None:
        return round(self.mood_sum / self.notes, 1) if self.notes else None

    def value(self, measure: str) -> float | int | None:
        if measure == "mood":
            return self.mean_mood
        return self.concerned if measure == "concerned" else self.notes


def _sum(figures: Iterable[Figure]) -> Figure:
    rows = list(figures)
    return Figure(
        notes=sum(f.notes for f in rows),
        concerned=sum(f.concerned for f in rows),
        mood_sum=sum(f.mood_sum for f in rows),
        enterprises=frozenset().union(*(f.enterprises for f in rows)),
        reporters=frozenset().union(*(f.reporters for f in rows)),
    )


def _safe(notes: Iterable[ThoughtNote]) -> bool:
    return Figure.of(notes).sources >= MIN_SOURCES


def _cells(notes: Iterable[ThoughtNote], *, dimension: str, grain: str) -> dict[Key, list[ThoughtNote]]:
    cells: dict[Key, list[ThoughtNote]] = defaultdict(list)
    for note in notes:
        start = _period_start_of(note, grain)
        if start is not None:
            for label in _labels_of(note, dimension):
                cells[(label, start)].append(note)
    return cells


def _hold_weakest(candidates: Iterable[Key], cells: dict[Key, list[ThoughtNote]], held: set[Key]) -> bool:
    """Hold back the shown cell with the fewest sources (then notes, then label); False when none is left."""
    shown = [key for key in candidates if key not in held]
    if not shown:
        return False
    held.add(min(shown, key=lambda key: (Figure.of(cells[key]).sources, len(cells[key]), key)))
    return True


def _column_rule(cells: dict[Key, list[ThoughtNote]], held: set[Key]) -> bool:
    """In each column, the cells held back stand on MIN_SOURCES sources together, or more are held back."""
    changed = False
    columns: dict[dt.date, list[Key]] = defaultdict(list)
    for key in cells:
        columns[key[1]].append(key)
    for keys in columns.values():
        while True:
            hidden = [note for key in keys if key in held for note in cells[key]]
            if not hidden or _safe(hidden) or not _hold_weakest(keys, cells, held):
                break
            changed = True
    return changed


def _month_rule(
    cells: dict[Key, list[ThoughtNote]], held: set[Key], months: dict[Key, list[ThoughtNote]], shown_months: set[Key]
) -> bool:
    """A shown month minus the weeks shown in it stands on MIN_SOURCES sources, or more of its weeks are held back."""
    changed = False
    weeks_of: dict[Key, list[Key]] = defaultdict(list)
    for label, monday in cells:
        weeks_of[(label, _month_start(monday))].append((label, monday))
    for month_key in shown_months:
        weeks = weeks_of.get(month_key, [])
        while True:
            seen = {note.pk for key in weeks if key not in held for note in cells[key]}
            rest = [note for note in months[month_key] if note.pk not in seen]
            if not rest or _safe(rest) or not _hold_weakest(weeks, cells, held):
                break
            changed = True
    return changed


def _held_back(
    cells: dict[Key, list[ThoughtNote]],
    *,
    dimension: str,
    months: dict[Key, list[ThoughtNote]] | None = None,
    shown_months: set[Key] | None = None,
) -> set[Key]:
    held = {key for key, notes in cells.items() if not _safe(notes)}
    rules: list[Callable[[], bool]] = []
    if dimension in PARTITION_DIMENSIONS:
        rules.append(lambda: _column_rule(cells, held))
    if months is not None and shown_months is not None:
        rules.append(lambda: _month_rule(cells, held, months, shown_months))
    # Holding a cell back for one rule can break another: go round until neither holds back anything more.
    while any(rule() for rule in rules):
        pass
    return held


@dataclass(frozen=True)
class SeriesRow:
    label: str
    cells: tuple[Figure | None, ...]  # None where no figure is shown (held back, or no note at all)
    total: Figure  # the cells shown, added up


@dataclass(frozen=True)
class Series:
    grain: str
    dimension: str
    periods: tuple[Period, ...]
    rows: tuple[SeriesRow, ...]
    column_totals: tuple[Figure | None, ...] | None  # only where rows split the notes; the shown cells added up
    total: Figure | None
    held_rows: int  # rows with no cell to show, left out

    @property
    def dimension_label(self) -> str:
        return str(DIMENSION_LABELS[self.dimension])


Table = tuple[str, str]  # (dimension, grain)
Tables = dict[Table, tuple[dict[Key, list[ThoughtNote]], set[Key]]]  # each table's cells and the keys shown
CellId = tuple[str, str, str, dt.date]  # (dimension, grain, row label, first day of the period)


def rule_tables(notes: Sequence[ThoughtNote]) -> Tables:
    """Every table a reader of these notes can ask (each split, weekly and monthly), held back by the rules above."""
    tables: Tables = {}
    for dimension in DIMENSION_LABELS:
        months = _cells(notes, dimension=dimension, grain="month")
        shown_months = set(months) - _held_back(months, dimension=dimension)
        weeks = _cells(notes, dimension=dimension, grain="week")
        held = _held_back(weeks, dimension=dimension, months=months, shown_months=shown_months)
        tables[(dimension, "month")] = (months, shown_months)
        tables[(dimension, "week")] = (weeks, set(weeks) - held)
    return tables


def _month_blocks(tables: Tables) -> dict[dt.date, dict[CellId, list[ThoughtNote]]]:
    """The cells of all tables by the month they count in: no published figure adds notes of two months."""
    blocks: dict[dt.date, dict[CellId, list[ThoughtNote]]] = defaultdict(dict)
    for (dimension, grain), (cells, _shown) in tables.items():
        for (label, start), notes in cells.items():
            blocks[_month_start(start)][(dimension, grain, label, start)] = notes
    return blocks


def _published(tables: Tables) -> set[CellId]:
    return {(d, g, label, start) for (d, g), (_cells, shown) in tables.items() for label, start in shown}


def _weight(cells: dict[CellId, list[ThoughtNote]]) -> Callable[[CellId], tuple[object, ...]]:
    def weight(cell: CellId) -> tuple[object, ...]:
        # A report's figure goes before any cell of the tables: the report holds back, the page stays as it was.
        return (not is_report(cell), Figure.of(cells[cell]).sources, len(cells[cell]), cell)

    return weight


def small_sums(cells: dict[CellId, list[ThoughtNote]]) -> list[tuple[CellId, CellId]]:
    """The pairs of small cells that together still stand on fewer than MIN_SOURCES sources: their sum is a figure
    on too few sources as much as each of them is (one pair for each two sets of notes)."""
    figures = {cell: Figure.of(notes) for cell, notes in cells.items()}
    small = sorted(cell for cell, figure in figures.items() if figure.sources < MIN_SOURCES)
    members = {cell: frozenset(note.pk for note in cells[cell]) for cell in small}
    seen: set[frozenset[frozenset[int]]] = set()
    pairs = []
    for position, first in enumerate(small):
        one = figures[first]
        for second in small[position + 1 :]:
            other, key = figures[second], frozenset((members[first], members[second]))
            if len(key) == 1 or key in seen:
                continue
            if max(len(one.enterprises | other.enterprises), len(one.reporters | other.reporters)) < MIN_SOURCES:
                seen.add(key)
                pairs.append((first, second))
    return pairs


def _block_audit(
    cells: dict[CellId, list[ThoughtNote]],
) -> tuple[dict[CellId, set[int]], set[CellId], list[tuple[CellId, CellId]]]:
    """A month's cells as sets of notes, its small cells, and the pairs of them still small together."""
    ids = {cell: {note.pk for note in notes} for cell, notes in cells.items()}
    small = {cell for cell, notes in cells.items() if not _safe(notes)}
    return ids, small, small_sums(cells)


def _exposed_in(blocks: Iterable[dict[CellId, list[ThoughtNote]]], published: set[CellId]) -> set[tuple[CellId, ...]]:
    found: set[tuple[CellId, ...]] = set()
    with note_audit.one_blas_thread():
        for cells in blocks:
            ids, small, sums = _block_audit(cells)
            found |= note_audit.exposed_groups(ids, published & set(cells), small, sums=sums)
    return found


def exposed_cells(tables: Tables) -> set[CellId]:
    """The cells on fewer than MIN_SOURCES sources, held back, that some chain of the shown cells gives away."""
    return {group[0] for group in _exposed_in(_month_blocks(tables).values(), _published(tables)) if len(group) == 1}


def exposed_sums(tables: Tables) -> set[tuple[CellId, ...]]:
    """The pairs of small cells, together on fewer than MIN_SOURCES sources, whose sum a chain gives away."""
    return {group for group in _exposed_in(_month_blocks(tables).values(), _published(tables)) if len(group) > 1}


def _closed(blocks: Iterable[dict[CellId, list[ThoughtNote]]], published: set[CellId]) -> set[CellId]:
    kept: set[CellId] = set()
    with note_audit.one_blas_thread():
        for cells in blocks:
            ids, small, sums = _block_audit(cells)
            kept |= note_audit.close(ids, published & set(cells), small, weight=_weight(cells), sums=sums)
    return kept


def audited_tables(notes: Sequence[ThoughtNote]) -> Tables:
    """`rule_tables`, then more cells held back until no small cell, nor the sum of two small cells that still
    stands on too few sources, comes out of any chain (`note_audit`)."""
    tables = rule_tables(notes)
    kept = _closed(_month_blocks(tables).values(), _published(tables))
    return _keep(tables, kept)


def _keep(tables: Tables, kept: set[CellId]) -> Tables:
    return {
        (d, g): (cells, {key for key in shown if (d, g, *key) in kept}) for (d, g), (cells, shown) in tables.items()
    }


# The monthly report of a unit (`monthly_report`) publishes, for each month, the whole month's notes of the unit and
# one figure a topic: cells of their own, («report <unit path>», "month", topic or REPORT_TOTAL, first day).
REPORT = "report "
REPORT_TOTAL = ""


def is_report(cell: CellId) -> bool:
    return cell[0].startswith(REPORT)


def report_cell(unit_path: str, label: str, month: dt.date) -> CellId:
    return (REPORT + unit_path, "month", label, month)


def report_cells(notes: Iterable[ThoughtNote], unit_paths: Iterable[str]) -> dict[CellId, list[ThoughtNote]]:
    """The figures the monthly reports of these units publish about notes: each month's total and its topics."""
    paths = sorted(set(unit_paths))
    cells: dict[CellId, list[ThoughtNote]] = defaultdict(list)
    for note in notes:
        month = month_of(note)
        for path in paths:
            if note.enterprise.unit.path.startswith(path):
                for label in [REPORT_TOTAL, *_labels_of(note, "topic")]:
                    cells[report_cell(path, label, month)].append(note)
    return cells


@dataclass(frozen=True)
class ReaderView:
    """What one reader can see of the notes: every table over their scope, and the monthly reports they may draft,
    decided in one audit a month so that nothing held back in one comes out of the others."""

    tables: Tables
    reports: dict[CellId, list[ThoughtNote]]
    shown_reports: set[CellId]


def reader_view(notes: Sequence[ThoughtNote], *, report_paths: Iterable[str] = ()) -> ReaderView:
    """`audited_tables`, then the reports' figures of units at these paths: shown where they stand on MIN_SOURCES
    sources, then held back (the reports' first) until the audit of each month over both holds again."""
    tables = audited_tables(notes)
    reports = report_cells(notes, report_paths)
    if not reports:
        return ReaderView(tables, {}, set())
    blocks = _month_blocks(tables)
    for cell, members in reports.items():
        blocks[cell[3]][cell] = members
    published = _published(tables) | {cell for cell, members in reports.items() if _safe(members)}
    kept = _closed(blocks.values(), published)
    return ReaderView(_keep(tables, kept), dict(reports), {cell for cell in reports if cell in kept})


def reader_notes(user: object, *, start: dt.date, end: dt.date) -> QuerySet[ThoughtNote]:
    """The notes the user may read (their units and below) whose period begins between these days."""
    scope = access.scope_q(user, "opinion.view_notes", path_fields=("enterprise__unit__path",))
    return notes_between(start=start, end=end).filter(scope)


def view_of(user: object, *, start: dt.date, end: dt.date, grain: str) -> ReaderView:
    """The user's view of the months holding the periods of `start`…`end`."""
    first, last = series_window(start=start, end=end, grain=grain)
    return reader_view(
        list(reader_notes(user, start=first, end=last)),
        report_paths=[unit.path for unit in report_units_for_user(user=user)],
    )


def series_of(
    notes: Iterable[ThoughtNote],
    *,
    dimension: str,
    grain: str,
    start: dt.date,
    end: dt.date,
    report_paths: Iterable[str] = (),
) -> Series:
    """The series of the periods holding `start`…`end`. `notes` must hold every note of each month those periods
    count in (`series_window`), so a held-back cell is decided the same way whatever window is asked; the reports
    of `report_paths` are the ones the same reader may draft (`reader_view`)."""
    return _series_in(reader_view(list(notes), report_paths=report_paths), dimension, grain, start, end)


def _series_in(view: ReaderView, dimension: str, grain: str, start: dt.date, end: dt.date) -> Series:
    periods = periods_between(start=start, end=end, grain=grain)
    cells, shown = view.tables[(dimension, grain)]
    starts = {period.start for period in periods}
    labels = sorted({label for label, day in cells if day in starts})
    rows, held_rows = [], 0
    for label in labels:
        row = tuple(Figure.of(cells[(label, p.start)]) if (label, p.start) in shown else None for p in periods)
        if not any(row):
            held_rows += 1
            continue
        rows.append(SeriesRow(label=label, cells=row, total=_sum(f for f in row if f)))
    column_totals = None
    if dimension in PARTITION_DIMENSIONS:
        columns = [[cell for row in rows if (cell := row.cells[i])] for i in range(len(periods))]
        column_totals = tuple(_sum(figures) if figures else None for figures in columns)
    total = _sum(row.total for row in rows) if rows and dimension in PARTITION_DIMENSIONS else None
    return Series(grain, dimension, tuple(periods), tuple(rows), column_totals, total, held_rows)


HIDDEN = "–"


def shown(figure: Figure | None, measure: str) -> str:
    """A cell as the table prints it: `1.234`, a mood as `2,4`, or a dash where no figure is shown."""
    value = figure.value(measure) if figure else None
    if value is None:
        return HIDDEN
    return f"{value:.1f}".replace(".", ",") if measure == "mood" else vn_number(int(value))


@dataclass(frozen=True)
class TableRow:
    label: str
    cells: tuple[str, ...]
    total: str


def table_of(series: Series, *, measure: str) -> tuple[list[TableRow], TableRow | None]:
    """The rows of the page's table for one measure, and its «Cộng» row where rows split the notes."""
    rows = [
        TableRow(row.label, tuple(shown(cell, measure) for cell in row.cells), shown(row.total, measure))
        for row in series.rows
    ]
    totals = None
    if series.column_totals is not None:
        cells = tuple(shown(cell, measure) for cell in series.column_totals)
        totals = TableRow(_("Cộng"), cells, shown(series.total, measure))
    return rows, totals


def series_window(*, start: dt.date, end: dt.date, grain: str) -> tuple[dt.date, dt.date]:
    """The `period_start` range of the notes a series needs: whole months, and the weeks whose Monday is in them."""
    periods = periods_between(start=start, end=end, grain=grain)
    first = _month_start(periods[0].start)
    last_month = _month_start(periods[-1].start)
    return first, _next_month(last_month) + dt.timedelta(days=5)


def series(*, user: object, dimension: str, grain: str, start: dt.date, end: dt.date) -> Series:
    """The series over the notes the user may read (their units and below), audited with the reports they may draft."""
    return _series_in(view_of(user, start=start, end=end, grain=grain), dimension, grain, start, end)
