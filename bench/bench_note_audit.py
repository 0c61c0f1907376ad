"""Notes series audit: seconds to decide every table of a reader's notes (three splits, weekly and monthly).

No database: the notes are built in memory in the shape the series reads. Two sets: the demo's shape (twelve
enterprises, six weeks, the demo's topics rule) and a worst case of 50 communes × 26 weeks (500 enterprises, each
writing in a week with chance 0.4, one to three of twelve topics, four segments). Figures: notes, the largest month's
matrix (cells × atoms), cells held back by the rules and then by the audit, small cells (and pairs of small cells
still on fewer than five sources together) a chain gave away before the audit (after it: none, checked), the
seconds for the rules alone and with the audit, and the reader's whole view: the tables with the monthly reports of
the province and of its first commune (as a reader of both would have them), the report figures it holds back.
"""

import datetime as dt
import os
import random
import time
from types import SimpleNamespace
from typing import Any

MONDAY = dt.date(2026, 6, 1)


def _note(pk: int, firm: Any, start: dt.date, topics: list[Any], chance: random.Random) -> Any:
    return SimpleNamespace(
        pk=pk,
        enterprise=firm,
        enterprise_id=firm.pk,
        reporter_id=firm.pk,
        period_start=start,
        period_end=start + dt.timedelta(days=6),
        concerned=chance.randint(5, 200),
        mood=chance.randint(1, 5),
        topics=SimpleNamespace(all=(lambda rows: lambda: rows)(topics)),
    )


def _firms(count: int, communes: int, segments: list[str], chance: random.Random) -> list[Any]:
    return [
        SimpleNamespace(
            pk=index,
            commune=SimpleNamespace(name=f"Xã {index % communes:02d}"),
            unit=SimpleNamespace(path=f"0001.{index % communes:04d}.{index:04d}"),
            get_ownership_display=(lambda label: lambda: label)(chance.choice(segments)),
        )
        for index in range(count)
    ]


def demo_shape() -> list[Any]:
    chance = random.Random(1)
    firms = _firms(12, 3, ["Tư nhân", "FDI", "Nhà nước"], chance)
    everywhere, every_other = SimpleNamespace(name="Lương, Tết"), SimpleNamespace(name="Tăng ca")
    turning = [SimpleNamespace(name=f"Chủ đề {index}") for index in range(6)]
    notes = []
    for week in range(6):
        for index, firm in enumerate(firms):
            topics = [turning[(index + week) % len(turning)]]
            if (index + week) % 4:
                topics.insert(0, everywhere)
            if index % 2 == 0:
                topics.insert(0, every_other)
            notes.append(_note(len(notes), firm, MONDAY + dt.timedelta(weeks=week), topics, chance))
    return notes


def worst_case() -> list[Any]:
    chance = random.Random(2)
    firms = _firms(500, 50, ["Tư nhân", "FDI", "Nhà nước", "Hộ kinh doanh"], chance)
    topics = [SimpleNamespace(name=f"Chủ đề {index}") for index in range(12)]
    notes = []
    for week in range(26):
        for firm in firms:
            if chance.random() < 0.4:
                picked = chance.sample(topics, chance.randint(1, 3))
                notes.append(_note(len(notes), firm, MONDAY + dt.timedelta(weeks=week), picked, chance))
    return notes


def _figures(notes: list[Any]) -> dict:
    from lantoa.opinion.selectors import note_audit, note_series

    started = time.perf_counter()
    rules = note_series.rule_tables(notes)
    rules_seconds = time.perf_counter() - started
    started = time.perf_counter()
    audited = note_series.audited_tables(notes)
    audit_seconds = time.perf_counter() - started
    assert not note_series.exposed_cells(audited) and not note_series.exposed_sums(audited)
    started = time.perf_counter()
    view = note_series.reader_view(notes, report_paths=["0001", "0001.0000"])
    view_seconds = time.perf_counter() - started
    blocks = note_series._month_blocks(rules)
    largest = max(blocks.values(), key=len)
    _ids, matrix = note_audit._matrix({cell: {note.pk for note in rows} for cell, rows in largest.items()})
    cells = sum(len(table) for table, _shown in rules.values())
    # The loop under stress: starting from the small cells held back alone, with nothing of the rules.
    started, stressed_held, pairs_checked = time.perf_counter(), 0, 0
    with note_audit.one_blas_thread():
        for block in blocks.values():
            ids = {cell: {note.pk for note in rows} for cell, rows in block.items()}
            small = {cell for cell, rows in block.items() if not note_series._safe(rows)}
            pairs = note_series.small_sums(block)
            pairs_checked += len(pairs)
            kept = note_audit.close(ids, set(block) - small, small, weight=note_series._weight(block), sums=pairs)
            stressed_held += len(block) - len(small) - len(kept)
    stress_seconds = time.perf_counter() - started
    return {
        "notes": len(notes),
        "cells": cells,
        "largest_month_matrix": list(matrix.shape),
        "held_by_rules": cells - sum(len(shown) for _table, shown in rules.values()),
        "held_by_audit_too": sum(len(rules[key][1]) - len(shown) for key, (_table, shown) in audited.items()),
        "small_cells_exposed_by_rules": len(note_series.exposed_cells(rules)),
        "small_pairs_exposed_by_rules": len(note_series.exposed_sums(rules)),
        "small_pairs_checked": pairs_checked,
        "rules_seconds": round(rules_seconds, 3),
        "small_cells_only_then_audit_holds_back": stressed_held,
        "small_cells_only_then_audit_seconds": round(stress_seconds, 3),
        "rules_and_audit_seconds": round(audit_seconds, 3),
        "report_figures": len(view.reports),
        "report_figures_held": sum(1 for c, rows in view.reports.items() if note_series._safe(rows))
        - len(view.shown_reports),
        "reader_view_seconds": round(view_seconds, 3),
    }


def run() -> dict:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lantoa.config.settings.test")
    import django

    django.setup()
    return {"demo_shape": _figures(demo_shape()), "worst_case_50x26": _figures(worst_case())}
