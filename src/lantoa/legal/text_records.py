"""Published law texts (a folder of .txt files, as `load_demo` imports `legal-2026`) as article records, without a
database: what the search would index on a date once the importer has stored them, for `legal_eval --texts`.

The records are in the shared JSONL format (`retrieval.load_records`). Read with the importer's own parsers:

- an act not among the records adds its articles (status `current` once it applies on the date);
- "… hết hiệu lực" in its *Hiệu lực thi hành* article supersedes the act it replaces, and a whole article it
  repeals leaves the index from the repeal's date;
- a consolidated text (văn bản hợp nhất) is not law: it gives the current wording of the act it consolidates, as
  `services.consolidated` stores it, from the date every act it folds in applies. Articles it adds (7a, 48a…)
  are left out, as the site leaves them out.

Not applied: the khoản-level changes of an amending act (51/2024 to 25/2008) before its consolidated text applies;
the site computes them from the database (`selectors.article_as_on`).
"""

import datetime as dt
from pathlib import Path
from typing import Any

from lantoa.core.text import clean_line
from lantoa.legal import importers
from lantoa.legal.retrieval import load_records
from lantoa.legal.services.consolidated import header_of
from lantoa.legal.services.library import is_consolidated_note, is_consolidated_text


def _article_text(rows: list[importers.ProvisionRow], article: importers.ProvisionRow) -> str:
    lines = [line for _slug, line in importers.article_lines(rows, article.slug) if line]
    return "\n".join([f"Điều {article.number}. {article.title}".strip(), *lines])


def _record(parsed: importers.ParsedDocument, article: importers.ProvisionRow, *, on: dt.date) -> dict[str, Any]:
    document = parsed.document
    applies = document.effective_on is None or document.effective_on <= on
    return {
        "doc_number": document.number,
        "doc_title": document.title,
        "doc_type": document.doc_type,
        "effective": document.effective_on.isoformat() if document.effective_on else "",
        "status": "current" if applies else "not_yet",
        "article": f"Điều {article.number}",
        "article_title": article.title,
        "text": _article_text(parsed.provisions, article),
    }


def _changes(parsed: importers.ParsedDocument) -> tuple[list[importers.RelationRow], list[importers.AmendmentRow]]:
    relations: list[importers.RelationRow] = []
    repeals: list[importers.AmendmentRow] = []
    for row in parsed.provisions:
        if row.kind == "article" and importers.is_effect_article(row.title):
            lines = importers.article_lines(parsed.provisions, row.slug)
            relations += importers.relations_in("\n".join(text for _slug, text in lines))
            for slug, text in lines:
                repeals += importers.repeals_in(slug=slug, text=text)
        elif row.kind == "article":
            found = importers.amendments_in(
                lines=importers.article_lines(parsed.provisions, row.slug),
                default_target=parsed.document.amends_number,
            )
            repeals += [item for item in found if item.kind == "repeal"]
    return relations, repeals


def _consolidated(path: Path, records: list[dict[str, Any]], *, on: dt.date) -> None:
    """Give the consolidated act's articles their consolidated wording, if it applies on `on`."""
    header = header_of([line for line in map(clean_line, path.read_text("utf-8").splitlines()) if line])
    if not header.target or header.effective_on is None or header.effective_on > on:
        return
    (parsed,) = importers.parse(path, number=header.target).documents
    wording = {
        f"Điều {row.number}": _article_text(parsed.provisions, row)
        for row in parsed.provisions
        if row.kind == "article"
    }
    for record in records:
        if record["doc_number"] == header.target and record["article"] in wording:
            record["text"] = wording[record["article"]]


def records_with_texts(records: list[dict[str, Any]], folder: Path, *, on: dt.date) -> list[dict[str, Any]]:
    """`records` (not changed) and the articles of the texts in `folder`, as worded and in force on `on`."""
    result = [dict(record) for record in records]
    known = {record["doc_number"] for record in result}
    paths = sorted(folder.glob("*.txt"))
    for path in paths:
        if is_consolidated_text(path) or is_consolidated_note(path):
            continue
        parsed_file = importers.parse(path)
        if parsed_file.errors:
            raise ValueError(f"{path.name}: {parsed_file.errors[0].message} (line {parsed_file.errors[0].line})")
        for parsed in parsed_file.documents:
            if parsed.document.number in known:
                continue  # as the importer does: a text only places articles already imported from records
            known.add(parsed.document.number)
            result += [_record(parsed, row, on=on) for row in parsed.provisions if row.kind == "article"]
            relations, repeals = _changes(parsed)
            starts = parsed.document.effective_on or on
            if starts > on:
                continue
            replaced = {relation.target_number for relation in relations if relation.kind == "replaces"}
            repealed = {(item.target_number, item.target_slug) for item in repeals}
            for record in result:
                slug = "dieu-" + record["article"].removeprefix("Điều ").strip()
                if record["doc_number"] in replaced or (record["doc_number"], slug) in repealed:
                    record["status"] = "superseded"
    for path in paths:
        if is_consolidated_text(path):
            _consolidated(path, result, on=on)
    return result


def library_records(laws: list[Path], texts: list[Path], *, on: dt.date) -> list[dict[str, Any]]:
    """The JSONL records of `laws`, then the texts of each folder in `texts` (`legal_eval --texts`)."""
    records = load_records(*laws)
    for folder in texts:
        records = records_with_texts(records, folder, on=on)
    return records
