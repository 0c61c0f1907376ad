"""Reading article records (the shared JSONL format) into passages."""

from __future__ import annotations

import json
import tomllib
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from .baseline import plain_bm25_baseline
from .index import Passage, SearchIndex, make_key
from .metrics import Searcher


def load_records(*paths: Path | str) -> list[dict[str, Any]]:
    records: list[dict[str, Any]] = []
    for path in paths:
        with Path(path).open(encoding="utf-8") as fh:
            records.extend(json.loads(line) for line in fh if line.strip())
    return records


def passage_from_record(record: dict[str, Any], explained_by: Sequence[str] = ()) -> Passage:
    return Passage(
        key=make_key(record["doc_number"], record["article"]),
        doc_number=record["doc_number"],
        article=record["article"],
        title=record.get("article_title", ""),
        text=record["text"],
        law_title=record.get("doc_title", ""),
        explained_by=tuple(explained_by),
    )


def passages_from_records(
    records: Iterable[dict[str, Any]], explanations: Mapping[str, Sequence[str]] | None = None
) -> list[Passage]:
    """Passages of the records; ``explanations`` maps an article key to worker-language texts about it."""
    explanations = explanations or {}
    return [passage_from_record(r, explanations.get(make_key(r["doc_number"], r["article"]), ())) for r in records]


def explanation_text(question: str, keywords: str, answer: str) -> str:
    return "\n".join(part for part in (question, keywords, answer) if part)


def explanations_from_handbook(directory: Path | str) -> dict[str, tuple[str, ...]]:
    """Article key -> the question, keywords and answer of each handbook entry (TOML files) citing it."""
    texts: defaultdict[str, list[str]] = defaultdict(list)
    for path in sorted(Path(directory).glob("*.toml")):
        data = tomllib.loads(unicodedata.normalize("NFC", path.read_text(encoding="utf-8")))
        for entry in data.get("entry", []):
            text = explanation_text(entry["question"], ", ".join(entry.get("keywords", [])), entry["answer"])
            for key in dict.fromkeys(make_key(c["doc_number"], c["article"]) for c in entry.get("citations", [])):
                texts[key].append(text)
    return {key: tuple(parts) for key, parts in texts.items()}


def current_keys(records: Iterable[dict[str, Any]]) -> set[str]:
    return {make_key(r["doc_number"], r["article"]) for r in records if r.get("status", "current") == "current"}


def searcher_from_records(
    records: list[dict[str, Any]],
    *,
    baseline: bool = False,
    handbook: Path | None = None,
) -> Searcher:
    """The index ``legal_eval`` scores: the site's method (with the articles explained by the handbook in
    ``handbook``) or, with ``baseline``, plain BM25 over the article texts."""
    if baseline:
        return plain_bm25_baseline(passages_from_records(records))
    explanations = explanations_from_handbook(handbook) if handbook else None
    return SearchIndex.build(passages_from_records(records, explanations))
