"""Legal search index: memory per app-server worker with the index loaded, at the shared corpus and at 100,000
synthetic provisions, memory-mapped (as the site loads it) and copied into each process (as it did before).

Two worker processes load the same published folder at once, answer a few questions and report, while both are
alive: RSS (what `top` shows, shared pages counted in full), PSS (shared pages split between the processes that map
them: what each really costs) and private memory. Left out: Django, gunicorn and the rest of a real worker (about the
same in every mode), the database reads of a request, and allocator growth over hours of traffic. The build itself
runs in the task worker; its peak is reported apart.
"""

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.bench_legal import SHARED, SYNTHETIC_SIZE
from bench.harness import ROOT
from lantoa.legal import retrieval

WORKERS = 2
QUESTIONS = ["nghỉ phép năm được mấy ngày", "làm thêm chủ nhật", "cty nợ lương 2 tháng", "thai san nghi may thang"]

CHILD = """
import json, sys, time
sys.path.insert(0, sys.argv[1])
from lantoa.legal.retrieval import SearchIndex


def status():
    fields = {}
    for name in ("/proc/self/status", "/proc/self/smaps_rollup"):
        for line in open(name):
            key, _, value = line.partition(":")
            if value.strip().endswith("kB"):
                fields[key] = int(value.split()[0]) // 1024
    return {"rss_mb": fields["VmRSS"], "pss_mb": fields["Pss"],
            "private_mb": fields["Private_Clean"] + fields["Private_Dirty"]}


before = status()
started = time.perf_counter()
index = SearchIndex.load(sys.argv[2], mmap=sys.argv[3] == "mmap")
load_ms = (time.perf_counter() - started) * 1000
for question in sys.argv[4:]:
    index.search(question, k=10)
print("ready", flush=True)
sys.stdin.readline()  # every worker has loaded: measure now, while the pages are shared
print(json.dumps({"before_load": before, "loaded": status(), "load_ms": round(load_ms, 1)}), flush=True)
sys.stdin.readline()  # stay alive until every worker has measured
"""


def _workers(folder: Path, mode: str) -> dict:
    children = [
        subprocess.Popen(
            [sys.executable, "-c", CHILD, str(ROOT / "src"), str(folder), mode, *QUESTIONS],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        for _ in range(WORKERS)
    ]
    for child in children:
        assert child.stdout.readline().strip() == "ready"
    reports = []
    for child in children:
        child.stdin.write("measure\n")
        child.stdin.flush()
        reports.append(json.loads(child.stdout.readline()))
    for child in children:
        child.communicate("exit\n")
    loaded = [r["loaded"] for r in reports]
    return {
        "python_and_numpy_mb": reports[0]["before_load"]["rss_mb"],
        "rss_per_worker_mb": max(r["rss_mb"] for r in loaded),
        "pss_per_worker_mb": max(r["pss_mb"] for r in loaded),
        "private_per_worker_mb": max(r["private_mb"] for r in loaded),
        "index_own_pss_mb": max(r["pss_mb"] for r in loaded) - reports[0]["before_load"]["pss_mb"],
        "load_ms": max(r["load_ms"] for r in reports),
    }


BUILD = """
import json, resource, sys, time
sys.path[:0] = [sys.argv[1], sys.argv[2]]
from pathlib import Path
from bench.bench_legal import _synthetic, HANDBOOK
from lantoa.legal import retrieval
SHARED = Path(sys.argv[5])
records = retrieval.load_records(SHARED / "laws.jsonl", SHARED / "laws_2024_2025.jsonl")
passages = retrieval.passages_from_records(records, retrieval.explanations_from_handbook(HANDBOOK))
if int(sys.argv[4]):
    passages = _synthetic(passages, int(sys.argv[4]))
started = time.perf_counter()
retrieval.SearchIndex.build(passages).save(sys.argv[3])
print(json.dumps({"articles": len(passages), "build_s": round(time.perf_counter() - started, 1),
                  "builder_peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024}))
"""


def _build(folder: Path, size: int) -> dict:
    """Build in a process of its own, as the task worker does, so its peak is the build's alone."""
    out = subprocess.run(
        [sys.executable, "-c", BUILD, str(ROOT / "src"), str(ROOT), str(folder), str(size), str(SHARED)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    figures = json.loads(out.strip().splitlines()[-1])
    files = list(folder.iterdir())
    figures["on_disk_mb"] = round(sum(p.stat().st_size for p in files) / 2**20, 1)
    figures["header_mb"] = round((folder / retrieval.index.HEADER_NAME).stat().st_size / 2**20, 1)
    return figures


def run() -> dict:
    if not SHARED.is_dir():
        if os.environ.get("CI") == "true":
            raise RuntimeError(f"{SHARED} absent")
        return {"skipped": f"{SHARED} absent"}
    figures: dict = {"workers_measured_together": WORKERS, "load_average": os.getloadavg()[0]}
    with tempfile.TemporaryDirectory() as tmp:
        for name, size in (("shared_corpus", 0), ("synthetic_corpus", SYNTHETIC_SIZE)):
            folder = Path(tmp) / name
            started = time.perf_counter()
            figures[name] = _build(folder, size)
            figures[name]["memory_mapped"] = _workers(folder, "mmap")
            figures[name]["copied"] = _workers(folder, "copy")
            figures[name]["seconds"] = round(time.perf_counter() - started, 1)
    figures["left_out"] = (
        "Django, gunicorn and the rest of a worker process; database reads per request; allocator growth under "
        "long traffic; one measurement, not an average"
    )
    return figures
