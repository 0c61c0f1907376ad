"""Legal search: index build time, query latency on the real corpus and on 100,000 synthetic provisions,
evaluation figures beside plain BM25, and the full import of the shared folder into PostgreSQL."""

import os
import random
import resource
import statistics
import tempfile
import time
from pathlib import Path

from bench.harness import ROOT, manage, postgres_database, prod_env
from lantoa.legal import retrieval
from lantoa.legal.management.commands.legal_eval import load_questions

SHARED = ROOT.parent / "shared" / "legal"
HANDBOOK = ROOT / "src" / "lantoa" / "legal" / "seed" / "handbook"  # the shipped handbook explains articles
OFF_TOPIC = ROOT / "bench" / "data" / "questions_off_topic.txt"  # questions the labour law does not answer
SYNTHETIC_SIZE = int(os.environ.get("BENCH_LEGAL_SYNTHETIC", "100000"))


def _latencies(index: object, queries: list[str], allowed: set[str] | None) -> dict:
    timings = []
    for query in queries:
        started = time.perf_counter()
        index.search(query, k=10, allowed=allowed)
        timings.append((time.perf_counter() - started) * 1000)
    timings.sort()
    return {
        "queries": len(timings),
        "p50_ms": round(statistics.median(timings), 2),
        "p95_ms": round(timings[int(0.95 * (len(timings) - 1))], 2),
    }


def _synthetic(passages: list, size: int) -> list:
    """Articles made of real khoản shuffled across laws: realistic vocabulary and lengths, no real answers."""
    rng = random.Random(58)
    clauses = [line for p in passages for line in p.text.split("\n")[1:] if len(line) > 20]
    titles = [p.title for p in passages]
    synthetic = []
    for number in range(1, size + 1):
        body = "\n".join(f"{i}. {rng.choice(clauses)}" for i in range(1, rng.randint(2, 6)))
        title = rng.choice(titles)
        synthetic.append(
            retrieval.Passage(
                key=f"SYN/{number // 500}#Điều {number}",
                doc_number=f"SYN/{number // 500}",
                article=f"Điều {number}",
                title=title,
                text=f"Điều {number}. {title}\n{body}",
                law_title="Văn bản tổng hợp",
            )
        )
    return synthetic


def _import_into_postgres() -> dict:
    with postgres_database("lantoa_bench_legal") as url, tempfile.TemporaryDirectory() as var_dir:
        env = prod_env(url, Path(var_dir))
        manage(env, "migrate", "--noinput")
        started = time.perf_counter()
        manage(env, "legal_import", str(SHARED))
        first = time.perf_counter() - started
        started = time.perf_counter()
        manage(env, "legal_import", str(SHARED), "--no-index")
        again = time.perf_counter() - started
        started = time.perf_counter()
        manage(env, "legal_index", "--now")
        index = time.perf_counter() - started
    return {
        "first_import_s": round(first, 1),
        "reimport_unchanged_s": round(again, 1),
        "index_from_database_s": round(index, 1),
    }


def _confident_share(index: object, queries: list[str], allowed: set[str]) -> str:
    queries = [q for q in queries if q.strip()]
    confident = sum(
        bool(hits) and hits[0].confident for hits in (index.search(q, k=1, allowed=allowed) for q in queries)
    )
    return f"{confident}/{len(queries)}"


def run() -> dict:
    if not SHARED.is_dir():
        if os.environ.get("CI") == "true":
            raise RuntimeError(f"{SHARED} absent")
        return {"skipped": f"{SHARED} absent"}
    records = retrieval.load_records(SHARED / "laws.jsonl", SHARED / "laws_2024_2025.jsonl")
    passages = retrieval.passages_from_records(records, retrieval.explanations_from_handbook(HANDBOOK))
    plain_passages = retrieval.passages_from_records(records)
    allowed = retrieval.current_keys(records)
    questions = load_questions(SHARED / "qa_worker_dev.jsonl")
    queries = [q["question"] for q in questions] * 8

    started = time.perf_counter()
    index = retrieval.SearchIndex.build(passages)
    build_s = time.perf_counter() - started
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "index"
        index.save(path)
        started = time.perf_counter()
        retrieval.SearchIndex.load(path)
        load_ms = (time.perf_counter() - started) * 1000
    shared = {
        "articles": len(passages),
        "build_s": round(build_s, 2),
        "load_ms": round(load_ms, 1),
        "search": _latencies(index, queries, allowed),
    }
    keys = ("n", "recall@1", "recall@5", "recall@10", "mrr@10", "p95_ms")
    ours = retrieval.evaluate(index, questions, allowed=allowed)
    without_handbook = retrieval.evaluate(retrieval.SearchIndex.build(plain_passages), questions, allowed=allowed)
    baseline = retrieval.evaluate(retrieval.plain_bm25_baseline(plain_passages), questions, allowed=allowed)

    synthetic_passages = _synthetic(passages, SYNTHETIC_SIZE)
    started = time.perf_counter()
    big = retrieval.SearchIndex.build(synthetic_passages)
    big_build_s = time.perf_counter() - started
    synthetic = {
        "provisions": len(synthetic_passages),
        "build_s": round(big_build_s, 1),
        # Peak resident memory of the bench process so far (Linux reports KiB); the 100,000-provision build is
        # by far its largest step.
        "process_peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024,
        "search": _latencies(big, queries[:100], None),
    }
    confident = {
        "dev_questions": _confident_share(index, [q["question"] for q in questions], allowed),
        "off_topic_questions": _confident_share(index, OFF_TOPIC.read_text(encoding="utf-8").splitlines(), allowed),
    }
    return {
        "shared_corpus": shared,
        "answered_confidently": confident,
        "eval_qa_worker_dev": {key: round(ours[key], 4) for key in keys},
        "eval_without_handbook_explanations": {key: round(without_handbook[key], 4) for key in keys},
        "eval_plain_bm25_baseline": {key: round(baseline[key], 4) for key in keys},
        "synthetic_corpus": synthetic,
        "import_postgres": _import_into_postgres(),
    }
