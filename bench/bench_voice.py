"""Worker voice: sustained anonymous report submissions per second on PostgreSQL with encryption and scrypt receipts.

Concurrent clients POST /api/v1/voice/reports, each report with its own idempotency key, retrying on any connection
error or 5xx until the server confirms. Figures: confirmed reports per second, latency, and whether the count the
clients were confirmed equals the count stored (no loss, no double). The second run kills the server (SIGKILL to its
process group, mid-request) and starts it again while the clients keep retrying.
"""

import contextlib
import hashlib
import json
import os
import random
import secrets
import signal
import statistics
import subprocess
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator

import psycopg

from bench.harness import PYTHON, ROOT, free_port, prepared_site

CATEGORIES = ["luong-cham-thieu", "khong-dong-bhxh", "lam-them-qua-muc", "an-toan-lao-dong", "bua-an-ca", "nha-o"]
CLIENTS = 12
SECONDS = 15
VOICE_ENV = {
    "RATE_LIMITS": "report=1000000000/600,follow=1000000000/600",
}


@contextlib.contextmanager
def server(env: dict[str, str], port: int) -> Iterator[subprocess.Popen]:
    """gunicorn on a fixed port (so clients keep their address across a restart), in its own process group."""
    command = [
        PYTHON, "-m", "gunicorn", "lantoa.config.wsgi:application", "--bind", f"127.0.0.1:{port}",
        "--workers", "2", "--threads", "4", "--access-logfile", "/dev/null", "--error-logfile", "-",
        "--log-level", "warning",
    ]  # fmt: skip
    process = subprocess.Popen(
        command, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
    )
    try:
        for _attempt in range(150):
            with contextlib.suppress(OSError):
                urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1)
                break
            time.sleep(0.1)
        yield process
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=20)


def kill_hard(process: subprocess.Popen) -> None:
    os.killpg(process.pid, signal.SIGKILL)
    process.wait(timeout=10)


class Load:
    def __init__(self, url: str, enterprises: list[str]) -> None:
        self.url = url
        self.enterprises = enterprises
        self.stop_new = threading.Event()
        self.lock = threading.Lock()
        self.confirmed: dict[str, str] = {}
        self.latencies: list[float] = []
        self.retries = 0
        self.repeats = 0  # retries the server answered with the first report: stored before, confirmation lost

    def post(self, body: bytes) -> tuple[int, dict]:
        request = urllib.request.Request(self.url, data=body, headers={"Content-Type": "application/json"})  # noqa: S310
        try:
            with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 - loopback only
                return response.status, json.loads(response.read())
        except urllib.error.HTTPError as error:
            return error.code, {}
        except (OSError, ValueError):
            return 0, {}

    def client(self) -> None:
        rng = random.Random()
        while not self.stop_new.is_set():
            key = secrets.token_urlsafe(18)
            body = json.dumps(
                {
                    "category": rng.choice(CATEGORIES),
                    "text": f"Phản ánh thử tải {key[:6]}: lương tháng này trả chậm, tăng ca nhiều.",
                    "enterprise": rng.choice(self.enterprises),
                    "idempotency_key": key,
                }
            ).encode()
            started = time.perf_counter()
            while True:  # a report is never given up: retry with the same key until the server confirms it
                status, answer = self.post(body)
                if status in (200, 201):
                    break
                if 400 <= status < 500:
                    raise RuntimeError(f"refused with {status}")
                with self.lock:
                    self.retries += 1
                time.sleep(0.2)
            with self.lock:
                self.repeats += status == 200
                self.confirmed[key] = answer["receipt"]
                self.latencies.append(time.perf_counter() - started)

    def run(self, seconds: float, *, during: object = None) -> float:
        threads = [threading.Thread(target=self.client) for _ in range(CLIENTS)]
        started = time.perf_counter()
        for thread in threads:
            thread.start()
        if during:
            during()
        time.sleep(max(0.0, seconds - (time.perf_counter() - started)))
        self.stop_new.set()
        for thread in threads:
            thread.join()
        return time.perf_counter() - started


def stored(database_url: str) -> tuple[int, int]:
    with psycopg.connect(database_url) as connection:
        count, distinct = connection.execute(
            "SELECT count(*), count(DISTINCT idempotency_hash) FROM voice_report WHERE NOT is_demo"
        ).fetchone()
        connection.execute("DELETE FROM voice_reportmessage")
        connection.execute("DELETE FROM voice_report WHERE NOT is_demo")
    return count, distinct


def figures(load: Load, elapsed: float, database_url: str) -> dict:
    count, distinct = stored(database_url)
    ordered = sorted(load.latencies)
    return {
        "clients": CLIENTS,
        "seconds": round(elapsed, 1),
        "confirmed": len(load.confirmed),
        "stored": count,
        "stored_distinct_keys": distinct,
        "sent_equals_stored": len(load.confirmed) == count == distinct,
        "reports_per_s": round(len(load.confirmed) / elapsed, 1),
        "retries": load.retries,
        "retries_answered_as_already_stored": load.repeats,
        "p50_ms": round(statistics.median(ordered) * 1000, 1) if ordered else None,
        "p95_ms": round(ordered[int(len(ordered) * 0.95) - 1] * 1000, 1) if ordered else None,
    }


def kdf_ms() -> float:
    """One receipt hash at the production cost, on this machine now: the ceiling of submissions per core."""
    started = time.perf_counter()
    for _round in range(5):
        hashlib.scrypt(b"secret", salt=b"s" * 40, n=2**14, r=8, p=1, maxmem=64 * 1024 * 1024, dklen=32)
    return round((time.perf_counter() - started) / 5 * 1000, 1)


def run() -> dict:
    load_before = round(os.getloadavg()[0], 1)
    scrypt_ms = kdf_ms()
    with prepared_site("lantoa_bench_voice", **VOICE_ENV) as env:
        database_url = env["DATABASE_URL"]
        with psycopg.connect(database_url) as connection:
            enterprises = [row[0] for row in connection.execute("SELECT public_code FROM orgs_enterprise")]
        port = free_port()
        url = f"http://127.0.0.1:{port}/api/v1/voice/reports"

        with server(env, port):
            steady = Load(url, enterprises)
            steady_figures = figures(steady, steady.run(SECONDS), database_url)

        restarted_at: list[float] = []
        holder: dict[str, subprocess.Popen] = {}

        def restart_midway() -> None:
            time.sleep(SECONDS / 3)
            kill_hard(holder["process"])
            restarted_at.append(time.perf_counter())
            holder["context"] = server(env, port)
            holder["process"] = holder["context"].__enter__()
            restarted_at.append(time.perf_counter())

        context = server(env, port)
        holder["process"] = context.__enter__()
        try:
            restart = Load(url, enterprises)
            elapsed = restart.run(SECONDS, during=restart_midway)
        finally:
            holder.get("context", context).__exit__(None, None, None)
        restart_figures = figures(restart, elapsed, database_url)
        restart_figures["server_down_s"] = round(restarted_at[1] - restarted_at[0], 1) if restarted_at else None
    return {
        "server": "gunicorn 2 workers × 4 threads, PostgreSQL, prod settings, SecretBox + scrypt n=2^14 per report",
        "cpu_cores": os.cpu_count(),
        "load_average_1m_at_start": load_before,
        "scrypt_ms_per_receipt": scrypt_ms,
        "steady": steady_figures,
        "restart_midway_sigkill": restart_figures,
    }
