import datetime as dt
import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from lantoa.legal import retrieval
from lantoa.legal.management.commands.legal_eval import load_questions
from lantoa.legal.retrieval import rerank


class Command(BaseCommand):
    help = (
        "Fit the search reranker on labelled question sets, leaving each set out in turn (printed), and with "
        "--write store the weights fitted on all of them."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        from lantoa.legal.services.handbook import SEED_DIR

        parser.add_argument("--laws", type=Path, action="append", required=True)
        parser.add_argument("--texts", type=Path, action="append", default=[])
        parser.add_argument("--on", type=dt.date.fromisoformat, default=None)
        parser.add_argument("--qa", type=Path, action="append", required=True, help="A question set (repeat).")
        parser.add_argument("--handbook", type=Path, default=SEED_DIR)
        parser.add_argument("--pool", type=int, default=retrieval.SearchConfig().rerank_pool)
        parser.add_argument("--l2", type=float, default=1e-4)
        parser.add_argument("--steps", type=int, default=1000)
        parser.add_argument(
            "--write", type=Path, nargs="?", const=rerank.DEFAULT_RERANK_PATH, default=None, help="Weights file."
        )
        parser.add_argument("--json", action="store_true", dest="as_json")

    def handle(
        self, *, laws: list[Path], texts: list[Path], on: dt.date | None, qa: list[Path], **options: Any
    ) -> None:
        from lantoa.legal import text_records

        records = text_records.library_records(laws, texts, on=on or timezone.localdate())
        passages = retrieval.passages_from_records(records, retrieval.explanations_from_handbook(options["handbook"]))
        index = retrieval.SearchIndex.build(passages, config=retrieval.SearchConfig(rerank={}))
        allowed = retrieval.current_keys(records)
        sets = {
            path.stem: rerank.pools_of(index, load_questions(path), allowed=allowed, size=options["pool"])
            for path in qa
        }
        weights, folds = rerank.cross_validate(sets, l2=options["l2"], steps=options["steps"])
        if options["as_json"]:
            self.stdout.write(json.dumps({"weights": weights, "folds": folds}))
        else:
            for name, fold in folds.items():
                row = "  ".join(
                    f"{kind} {f['mrr@10']:.3f}/{f['recall@5']:.3f} "
                    f"({f['mrr@10_no_diacritics']:.3f}/{f['mrr@10_diacritics']:.3f})"
                    for kind, f in fold.items()
                )
                self.stdout.write(f"{name:>28} n={fold['fused']['n']:<3} {row}")
        if options["write"]:
            note = f"fitted on {', '.join(sets)}; pool {options['pool']}, l2 {options['l2']}, {options['steps']} steps"
            rerank.save_weights(weights, options["write"], note=note)
            self.stdout.write(f"weights written to {options['write']}")
