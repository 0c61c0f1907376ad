import datetime as dt
import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from lantoa.legal import retrieval


def load_questions(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


class Command(BaseCommand):
    help = "Build the search index from laws JSONL file(s) and score a questions JSONL file (recall@k, MRR@10, p95)."

    def add_arguments(self, parser: CommandParser) -> None:
        from lantoa.legal.services.handbook import SEED_DIR  # models: importable only once Django is set up

        parser.add_argument("--laws", type=Path, action="append", required=True)
        parser.add_argument("--qa", type=Path, required=True)
        parser.add_argument("--json", action="store_true", dest="as_json")
        parser.add_argument("--baseline", action="store_true", help="Score plain BM25 instead, for comparison.")
        parser.add_argument(
            "--handbook", type=Path, default=SEED_DIR, help="Handbook TOML folder explaining articles (shipped one)."
        )
        parser.add_argument("--no-handbook", action="store_true", help="Leave the handbook explanations out.")
        parser.add_argument(
            "--texts",
            type=Path,
            action="append",
            default=[],
            help="A folder of published texts (.txt) to index too, read by the importer as the library stores them.",
        )
        parser.add_argument(
            "--on",
            type=dt.date.fromisoformat,
            default=None,
            help="The day whose wording and articles in force --texts gives (YYYY-MM-DD; default today).",
        )

    def handle(
        self,
        *,
        laws: list[Path],
        qa: Path,
        as_json: bool,
        baseline: bool,
        handbook: Path,
        no_handbook: bool,
        texts: list[Path],
        on: dt.date | None,
        **options: object,
    ) -> None:
        from lantoa.legal import text_records

        records = text_records.library_records(laws, texts, on=on or timezone.localdate())
        index = retrieval.searcher_from_records(records, baseline=baseline, handbook=None if no_handbook else handbook)
        # Superseded articles are never answers (as on the site), so rank only those in force.
        figures = retrieval.evaluate(index, load_questions(qa), allowed=retrieval.current_keys(records))
        keys: tuple[str, ...] = ("n", "recall@1", "recall@5", "recall@10", "mrr@10", "n_no_diacritics")
        keys += ("mrr@10_no_diacritics", "n_diacritics", "mrr@10_diacritics", "p95_ms")
        result = {key: round(figures[key], 4) if isinstance(figures[key], float) else figures[key] for key in keys}
        if as_json:
            self.stdout.write(json.dumps(result))
            return
        for key in keys:
            self.stdout.write(f"{key:>10}: {result[key]}")
