"""Reading article records (the shared JSONL format) into passages."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from .index import Passage, make_key


def load_records(*paths: Path | str) -> list[dict[str, Any]]:
    records: list[dict[str, Any]] = []
    for path in paths:
        with Path(path).open(encoding="utf-8") as fh:
            records.extend(json.loads(line) for line in fh if line.strip())
    return records


def passage_from_record(record: dict[str, Any]) -> Passage:
    return Passage(
        key=make_key(record["doc_number"], record["article"]),
        doc_number=record["doc_number"],
        article=record["article"],
        title=record.get("article_title", ""),
        text=record["text"],
        law_title=record.get("doc_title", ""),
    )


def passages_from_records(records: Iterable[dict[str, Any]]) -> list[Passage]:
    return [passage_from_record(r) for r in records]


def current_keys(records: Iterable[dict[str, Any]]) -> set[str]:
    return {make_key(r["doc_number"], r["article"]) for r in records if r.get("status", "current") == "current"}
