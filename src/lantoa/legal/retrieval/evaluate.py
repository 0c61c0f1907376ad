"""``python -m lantoa.legal.retrieval.evaluate``: build an index from JSONL articles and score a question set.

Import the ``evaluate`` function from the package (``from lantoa.legal.retrieval import evaluate``), not from this
module: importing this submodule by name rebinds the package attribute ``evaluate`` to the module.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .metrics import evaluate


def _load_questions(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def main(argv: Sequence[str] | None = None) -> int:
    from .corpus import current_keys, load_records, searcher_from_records

    parser = argparse.ArgumentParser(description="Evaluate legal retrieval on a question set.")
    parser.add_argument("--laws", type=Path, action="append", required=True, help="articles JSONL (repeatable)")
    parser.add_argument("--qa", type=Path, required=True, help="questions JSONL with 'relevant' articles")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--all-status", action="store_true", help="also rank superseded provisions")
    parser.add_argument("--baseline", action="store_true", help="evaluate the plain BM25 baseline instead")
    parser.add_argument("--handbook", type=Path, help="folder of handbook TOML files explaining articles")
    args = parser.parse_args(argv)

    records = load_records(*args.laws)
    started = time.perf_counter()
    index = searcher_from_records(records, baseline=args.baseline, handbook=args.handbook)
    build_s = time.perf_counter() - started
    allowed = None if args.all_status else current_keys(records)
    result = evaluate(index, _load_questions(args.qa), allowed=allowed)
    if args.json:
        lines = [json.dumps(result)]
    else:
        ranked = len(allowed) if allowed is not None else len(records)
        lines = [
            f"articles: {len(records)} (ranked: {ranked})",
            f"build: {build_s:.2f} s   questions: {result['n']}",
            *(f"{key:>10}: {result[key]:.3f}" for key in ("recall@1", "recall@5", "recall@10", "mrr@10")),
            f"latency p50: {result['p50_ms']:.1f} ms   p95: {result['p95_ms']:.1f} ms",
        ]
    sys.stdout.write("\n".join(lines) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
