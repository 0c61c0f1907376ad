"""Run every bench/bench_*.py and print one JSON object of figures.

Each module exposes `run() -> dict`. `python bench/run.py worker_home` runs only the named ones; the heavy
ones (OPT_IN) run only when named.
"""

import importlib
import json
import sys
import time
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
OPT_IN = {"province"}  # builds a full-size province: tens of minutes
sys.path[:0] = [str(BENCH_DIR.parent / "src"), str(BENCH_DIR.parent)]


def main(selected: list[str]) -> None:
    figures = {}
    for path in sorted(BENCH_DIR.glob("bench_*.py")):
        name = path.stem.removeprefix("bench_")
        if (selected and name not in selected) or (not selected and name in OPT_IN):
            continue
        started = time.perf_counter()
        module = importlib.import_module(f"bench.{path.stem}")
        figures[name] = module.run()
        figures[name]["bench_seconds"] = round(time.perf_counter() - started, 1)
        print(json.dumps({name: figures[name]}, ensure_ascii=False), file=sys.stderr, flush=True)
    print(json.dumps(figures, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main(sys.argv[1:])
