"""A whole province at once: a full-size An Giang on PostgreSQL under mixed load from workers and officials.

Opt-in (`python bench/run.py province`; `make bench` leaves it out): it builds ≥ 6,000 enterprises and
10,000,000 reach events, which takes a while. BENCH_PROVINCE_SCALE (default 1) shrinks every count for a
quick check; BENCH_PROVINCE_SECONDS (default 60) bounds the load.

The stack is the production one: nginx in front, gunicorn (2 workers × 4 threads), the task worker, PostgreSQL
and Redis.
Load: wrk, one process per route at once, on the same 2 cores as the server (it takes its share of the
CPU, so the figures are a floor). Workers' report submissions come through a trusted proxy address with a
different client address each (as phones behind nginx); officials hold real sessions.
"""

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import psycopg

from bench.harness import PYTHON, ROOT, gunicorn, nginx_front, prepared_site, wrk_result, wrk_start

SCALE = float(os.environ.get("BENCH_PROVINCE_SCALE", "1"))
SECONDS = int(os.environ.get("BENCH_PROVINCE_SECONDS", "60"))
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/9")
GENERATION_CHECK_SECONDS = 2.0  # given to the stack: how stale a web process's in-memory unit index may be
# BENCH_PROVINCE_KEEP=1 leaves the built database in place, with what building it measured beside it; a later run
# with it set drives the load on that database again without rebuilding (the build figures are those of the first).
KEEP = os.environ.get("BENCH_PROVINCE_KEEP") == "1"
DATABASE = os.environ.get("BENCH_PROVINCE_DB", "lantoa_bench_province")
QUESTIONS = (
    "nghỉ phép năm được mấy ngày", "lam them chu nhat tinh luong the nao", "công ty nợ lương 2 tháng",
    "bị đuổi việc không báo trước", "rut bhxh 1 lan", "thai sản được nghỉ mấy tháng", "trợ cấp thôi việc",
    "làm ca đêm có phụ cấp không", "hợp đồng thử việc bao lâu", "tai nạn lao động ai trả tiền",
)  # fmt: skip

# Each connection is one person: it waits a think time between requests (wrk's `delay`), as a worker reading a
# lesson or an official reading a dashboard does; without it 220 connections would be 220 requests at every instant.
# The times are short for people who read (a lesson takes minutes): 5–10 s for a worker's page, 10–20 s for an
# official's, 30–60 s for a worker writing a report. BENCH_PROVINCE_THINK=fast gives 1–3 s, 3–6 s and 1–3 s, a
# harsher mix that earlier runs used (docs/reach.md shows both).
THINK_MS = {
    "normal": {"worker": (5000, 10000), "office": (10000, 20000), "writer": (30000, 60000)},
    "fast": {"worker": (1000, 3000), "office": (3000, 6000), "writer": (1000, 3000)},
}[os.environ.get("BENCH_PROVINCE_THINK", "normal")]
SEARCH_LUA = "paths = {%s}\nrequest = function() return wrk.format('GET', paths[math.random(#paths)]) end\n"
REPORT_LUA = """
counter = 0
request = function()
  counter = counter + 1
  local key = string.format("bench-%d-%d-%d", os.time(), math.random(1, 1000000000), counter)
  local body = '{"category":"luong-cham-thieu","text":"Lương tháng này trả chậm.","idempotency_key":"' .. key .. '"}'
  local address = string.format("10.%d.%d.%d", math.random(0, 255), math.random(0, 255), math.random(1, 254))
  return wrk.format("POST", nil, {["Content-Type"] = "application/json", ["X-Forwarded-For"] = address}, body)
end
"""


def _think(kind: str, connections: int) -> str:
    """wrk's `delay` before each request; people arrive spread over one think time (the first delay of each
    connection is drawn from 0 up), rather than all at once and then all again."""
    low, high = THINK_MS[kind]
    return (
        "arrived = 0\n"
        "delay = function()\n"
        f"  arrived = arrived + 1\n  if arrived <= {connections} then return math.random(0, {high}) end\n"
        f"  return math.random({low}, {high})\nend\n"
    )


def _data(env: dict[str, str], *args: str) -> dict:
    result = subprocess.run(
        [PYTHON, "-m", "bench.province_data", *args], env=env, cwd=ROOT, capture_output=True, text=True
    )
    if result.returncode:
        raise RuntimeError(f"province_data {' '.join(args)} failed:\n{result.stderr[-3000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def _quoted(text: str) -> str:
    return urllib.request.quote(text)


def _routes(facts: dict) -> dict[str, dict]:
    queries = ", ".join(f"'/phap-luat/hoi/?q={_quoted(q)}'" for q in QUESTIONS)
    calculator = "/api/v1/calculators/unemployment-benefit?job_ended_on=2026-06-30&contribution_months=60&average_wage=8000000&region=II"
    return {
        "worker_home": {"path": "/", "connections": 50, "face": "worker"},
        "worker_lesson": {"path": facts["lesson"], "connections": 50, "face": "worker"},
        "worker_search": {"path": "/phap-luat/hoi/", "connections": 40, "face": "worker", "lua": SEARCH_LUA % queries},
        "worker_calculator": {"path": calculator, "connections": 30, "face": "worker"},
        "worker_report_submit": {"path": "/api/v1/voice/reports", "connections": 30, "face": "worker", "lua": REPORT_LUA, "think": "writer"},
        "office_dashboard": {"path": facts["dashboard"], "connections": 8, "face": "office", "cookie": facts["monitor_cookie"]},
        "office_cases": {"path": facts["cases"], "connections": 6, "face": "office", "cookie": facts["federation_cookie"]},
        "office_reports": {"path": facts["report_draft"], "connections": 6, "face": "office", "cookie": facts["federation_cookie"]},
    }  # fmt: skip


def _status(base: str, route: dict) -> int:
    """One request of the route before the load: a route that fails every time shows here, not only as errors."""
    report = '{"category":"luong-cham-thieu","text":"Kiểm tra trước khi chạy tải."}'.encode()
    body = report if "lua" in route and "POST" in route["lua"] else None
    headers = {"Cookie": route.get("cookie", ""), "Content-Type": "application/json", "X-Forwarded-For": "10.255.255.1"}
    request = urllib.request.Request(base + route["path"].split("?q=")[0], data=body, headers=headers)  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310 - loopback only
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def _rss_mib(parent_pid: int) -> list[float]:
    children = subprocess.run(["pgrep", "-P", str(parent_pid)], capture_output=True, text=True).stdout.split()
    sizes = []
    for pid in children:
        status = Path(f"/proc/{pid}/status").read_text()
        sizes.append(round(int(status.split("VmRSS:")[1].split()[0]) / 1024, 1))
    return sizes


def _timed_get(url: str, cookie: str) -> float:
    request = urllib.request.Request(url, headers={"Cookie": cookie})  # noqa: S310 - loopback only
    started = time.perf_counter()
    with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310
        response.read()
    return round((time.perf_counter() - started) * 1000, 1)


def _dashboard_ms(base: str, facts: dict) -> dict[str, float]:
    """The median of three uncached dashboard views, then of three cached ones. Before each uncached view the shared
    cache is emptied and the generation check is waited out, so the web process reads its unit index again too."""
    uncached = []
    for _attempt in range(3):
        subprocess.run(["redis-cli", "-u", REDIS_URL, "FLUSHDB"], capture_output=True, check=False)
        time.sleep(GENERATION_CHECK_SECONDS + 0.5)
        uncached.append(_timed_get(base + facts["dashboard"], facts["monitor_cookie"]))
    cached = [_timed_get(base + facts["dashboard"], facts["monitor_cookie"]) for _attempt in range(3)]
    return {"uncached_ms": statistics.median(uncached), "cached_ms": statistics.median(cached)}


def _province_report_seconds(env: dict[str, str]) -> float:
    """A province report for the last full quarter drafted and written as DOCX, as the worker runs it."""
    started = time.perf_counter()
    subprocess.run(
        [PYTHON, str(ROOT / "manage.py"), "plans_report", "--period", _last_quarter(), "--format", "docx",
         "--out", os.devnull],
        env=env, cwd=ROOT, capture_output=True, check=True,
    )  # fmt: skip
    return round(time.perf_counter() - started, 2)


def _last_quarter() -> str:
    today = time.localtime()
    quarter = (today.tm_mon - 1) // 3
    return f"{today.tm_year}-Q{quarter}" if quarter else f"{today.tm_year - 1}-Q4"


def _reach_events(url: str) -> int:
    with psycopg.connect(url) as connection:
        return connection.execute("SELECT count(*) FROM reach_reachevent").fetchone()[0]


def _database_mib(url: str) -> float:
    with psycopg.connect(url) as connection:
        size = connection.execute("SELECT pg_database_size(current_database())").fetchone()[0]
    return round(size / 1024 / 1024, 1)


def _kept_build() -> Path:
    return Path(tempfile.gettempdir()) / f"{DATABASE}-{SCALE}.json"


def _kept() -> tuple[dict, dict, dict]:
    kept = json.loads(_kept_build().read_text())
    return kept["first"], kept["dashboard_1m"], kept["built"]


def _build(env: dict[str, str]) -> tuple[dict, dict, dict]:
    """The province with 1M reach events, the dashboard timed on it, then 9M events more."""
    first = _data(env, str(int(1_000_000 * SCALE)), str(SCALE))
    print(json.dumps({"province_built": first}), file=sys.stderr, flush=True)  # kept if a later step fails
    facts = _data(env, "facts")
    with gunicorn(env, workers=2, threads=4) as base:
        dashboard_1m = _dashboard_ms(base, facts)
    built = _data(env, str(int(9_000_000 * SCALE)), str(SCALE))
    print(json.dumps({"dashboard_at_1m_events": dashboard_1m, "province_built": built}), file=sys.stderr, flush=True)
    if KEEP:
        _kept_build().write_text(json.dumps({"first": first, "dashboard_1m": dashboard_1m, "built": built}))
    return first, dashboard_1m, built


def run() -> dict:
    extra = {
        "REDIS_URL": REDIS_URL, "TRUSTED_PROXIES": "127.0.0.1", "PUBLIC_BASE_URL": "http://127.0.0.1",
        "GENERATION_CHECK_SECONDS": str(GENERATION_CHECK_SECONDS),
    }  # fmt: skip
    with prepared_site(DATABASE, keep=KEEP, **extra) as env:
        reuse = KEEP and _kept_build().exists() and _reach_events(env["DATABASE_URL"]) > 0
        first, dashboard_1m, built = _kept() if reuse else _build(env)
        facts = _data(env, "facts")
        worker = subprocess.Popen([PYTHON, str(ROOT / "manage.py"), "db_worker"], env=env, cwd=ROOT,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
        try:
            with gunicorn(env, workers=2, threads=4) as upstream, nginx_front(upstream) as base:
                dashboard_10m = _dashboard_ms(base, facts)
                routes = _routes(facts)
                statuses = {name: _status(base, route) for name, route in routes.items()}
                started = {
                    name: wrk_start(
                        base + route["path"], seconds=SECONDS, connections=route["connections"], threads=1,
                        headers=(f"Cookie: {route['cookie']}",) if "cookie" in route else (),
                        lua=_think(route.get("think", route["face"]), route["connections"]) + route.get("lua", ""),
                    )
                    for name, route in routes.items()
                }  # fmt: skip
                load_before = os.getloadavg()[0]
                time.sleep(SECONDS / 2)
                gunicorn_pid = int(
                    subprocess.run(["pgrep", "-of", "gunicorn lantoa"], capture_output=True, text=True).stdout.split()[
                        0
                    ]
                )
                rss = _rss_mib(gunicorn_pid)
                results = {name: wrk_result(load) for name, load in started.items()}
                load_after = os.getloadavg()[0]
        finally:
            worker.terminate()
            worker.wait(timeout=10)
        report_seconds = _province_report_seconds(env)
        database_mib = _database_mib(env["DATABASE_URL"])

    def face_p95(face: str) -> float:
        return max(results[name]["p95_ms"] for name, route in routes.items() if route["face"] == face)

    return {
        "server": "nginx → gunicorn 2 workers × 4 threads + db_worker, PostgreSQL, Redis; wrk on the same 2 cores",
        "clients": "each connection is a person waiting a think time before each request (ms; the first from 0): " + json.dumps(THINK_MS),
        "machine": {"cores": os.cpu_count(), "load_1min_at_start": load_before, "load_1min_at_end": load_after},
        "scale": SCALE,
        **{key: built[key] for key in ("enterprises", "workers", "communes", "voice_reports")},
        "reach_events": first["reach_events_added"] + built["reach_events_added"],
        "reach_events_kept": built["reach_events"],
        "built": built,
        "reach_rollup": {  # the roll-up timer's own code (core.tasks.run_timer), catch-up and purge, per phase
            "first_events": first["reach_events_added"],
            "first": {key: first[key] for key in ("generate_seconds", "rollup_seconds", "rollup_events_per_s")},
            "then_events": built["reach_events_added"],
            "then": {key: built[key] for key in ("generate_seconds", "rollup_seconds", "rollup_events_per_s")},
        },
        "concurrent_clients": {face: sum(r["connections"] for r in routes.values() if r["face"] == face) for face in ("worker", "office")},
        "errors": sum(result["errors"] for result in results.values()),
        "requests_per_s": round(sum(result["requests_per_s"] for result in results.values()), 1),
        "worker_p95_ms": face_p95("worker"),
        "office_p95_ms": face_p95("office"),
        "status_before_load": statuses,
        "routes": results,
        "dashboard_at_1m_events": dashboard_1m,
        "dashboard_at_10m_events": dashboard_10m,
        "province_report_docx_seconds": report_seconds,
        "rss_mib_per_web_worker": rss,
        "database_mib": database_mib,
        "leaves_out": (
            "worker_p95_ms/office_p95_ms are the highest route p95 of that face (routes are separate wrk runs, "
            "not one merged distribution); 'workers' is the sum of enterprises' worker counts (workers have no "
            "rows); the province report is timed as its management command (process start included), not "
            "through the jobs page; no network latency or TLS; the load generator shares the server's CPU; reach "
            "events are generated in the database in two runs (1M, then 9M, each spread over three years, ids rising "
            "with time within a run), not recorded through page views, and each run is counted by one catch-up of "
            "the roll-up timer, where a live site counts an hour's events at a time"
        ),
    }  # fmt: skip
