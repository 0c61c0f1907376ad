"""The legal answer page beside the index search it wraps, in one server process on the demo's PostgreSQL database.

For each worker question the same process times the index search alone (the in-memory ranking the page starts
from), `legal.search.search` (the ranking plus the database reads and passage picking) and the whole page through
Django's handler (middleware, view, template). The ratio page / index is the figure: the goal is at most 2. The
library's rows are kept per process until the library changes (`legal.library_cache`), so the page is also timed
once per question right after a write to the library, with nothing kept.
"""

import json
import os
import statistics

from bench.bench_legal import SHARED
from bench.harness import manage, prepared_site
from lantoa.legal.management.commands.legal_eval import load_questions

ROUNDS = 5
DATABASE = os.environ.get("BENCH_LEGAL_PAGE_DB", "lantoa_bench_legal_page")  # another name: runs side by side
PAGE_SCRIPT = """
import json, time
from django.test import Client
from django.utils import timezone
from lantoa.legal import library_cache, search

questions, rounds = json.loads({questions!r}), {rounds}
on = timezone.localdate()
index = search.index_get()
allowed = search.keys_in_force(on=on)
client = Client(HTTP_HOST="127.0.0.1")


def timed(call):
    started = time.perf_counter()
    call()
    return (time.perf_counter() - started) * 1000


def page(question):
    response = client.get("/phap-luat/hoi/", {{"q": question}})
    assert response.status_code == 200, response.status_code


for question in questions:  # warm: the index mapped, the keys in force and the templates read once
    page(question)
times = {{"index": [], "search": [], "page": [], "page_library_cold": []}}
for _ in range(rounds):
    for question in questions:
        times["index"].append(timed(lambda: index.search(question, k=5, allowed=allowed)))
        times["search"].append(timed(lambda: search.search(query=question, on=on)))
        times["page"].append(timed(lambda: page(question)))
for question in questions:  # the first question after a write to the law library: nothing kept from before
    library_cache.library_changed()
    times["page_library_cold"].append(timed(lambda: page(question)))
print(json.dumps(times))
"""


def _summary(timings: list[float]) -> dict[str, float]:
    timings = sorted(timings)
    return {
        "p50_ms": round(statistics.median(timings), 2),
        "p95_ms": round(timings[int(0.95 * (len(timings) - 1))], 2),
        "mean_ms": round(statistics.fmean(timings), 2),
    }


def run() -> dict:
    if not SHARED.is_dir():
        if os.environ.get("CI") == "true":
            raise RuntimeError(f"{SHARED} absent")
        return {"skipped": f"{SHARED} absent"}
    questions = [q["question"] for q in load_questions(SHARED / "qa_worker_dev.jsonl")]
    with prepared_site(DATABASE) as env:
        output = manage(env, "shell", "-c", PAGE_SCRIPT.format(questions=json.dumps(questions), rounds=ROUNDS))
    times = json.loads(output.strip().splitlines()[-1])
    figures = {name: _summary(values) for name, values in times.items()}
    return {
        "server": "one process, production settings, PostgreSQL, Redis cache; Django's test client, no HTTP server",
        "questions": len(questions),
        "rounds": ROUNDS,
        "index_search": figures["index"],
        "search_with_database": figures["search"],
        "answer_page": figures["page"],
        "answer_page_library_cold": figures["page_library_cold"],
        "page_over_index_mean": round(figures["page"]["mean_ms"] / figures["index"]["mean_ms"], 2),
        "page_over_index_p50": round(figures["page"]["p50_ms"] / figures["index"]["p50_ms"], 2),
        "load_average_1_5_15": [round(load, 2) for load in os.getloadavg()],
        "leaves_out": (
            "the HTTP server, nginx and the network (the page goes through Django's handler in the same process); "
            "gzip (the test client asks for none); a library larger than the demo's (the shared corpus and the "
            "2026 texts), such as 100,000 provisions; questions about articles this process has not read since "
            "the library last changed (the timed rounds ask the warm-up's 25 questions again, so every article's "
            "rows, wording and lessons are kept: answer_page_library_cold times each question once right after a "
            "write); several worker processes (each keeps its own copy)"
        ),
    }
