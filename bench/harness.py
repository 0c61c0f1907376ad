"""Shared pieces for benchmarks: a fresh PostgreSQL database, a gunicorn server, a wrk load."""

import contextlib
import gzip
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
PG_ADMIN_URL = os.environ.get("BENCH_PG_ADMIN_URL", "postgres://postgres@127.0.0.1:5432/postgres")
WRK_SCRIPT = """
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "BENCH requests=%d errors=%d status=%d connect=%d read=%d write=%d timeout=%d p50_us=%d p95_us=%d p99_us=%d\\n",
    summary.requests, e.status + e.connect + e.read + e.write + e.timeout, e.status, e.connect, e.read, e.write, e.timeout,
    latency:percentile(50), latency:percentile(95), latency:percentile(99)))
end
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def postgres_database(name: str, *, keep: bool = False) -> Iterator[str]:
    """A new empty database, dropped afterwards; yields its DATABASE_URL. With `keep` an existing database of that
    name is used as it is and left in place."""
    with psycopg.connect(PG_ADMIN_URL, autocommit=True) as connection:
        exists = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not (keep and exists):
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            connection.execute(f'CREATE DATABASE "{name}"')
    try:
        yield PG_ADMIN_URL.rsplit("/", 1)[0] + f"/{name}"
    finally:
        if not keep:
            with psycopg.connect(PG_ADMIN_URL, autocommit=True) as connection:
                connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def prod_env(database_url: str, var_dir: Path, **extra: str) -> dict[str, str]:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "lantoa.config.settings.prod",
        "SECRET_KEY": "bench-only-secret-key-not-used-anywhere-else-0123456789",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "PUBLIC_BASE_URL": "http://127.0.0.1",  # production requires it; the benches fetch over loopback
        "DATABASE_URL": database_url,
        "REDIS_URL": os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/15"),
        "VAR_DIR": str(var_dir),
        "SECURE_SSL_REDIRECT": "false",
        "SECURE_HSTS_SECONDS": "0",
        "VOICE_ENCRYPTION_KEYS": "1:YmVuY2gtb25seS12b2ljZS1rZXktMzItYnl0ZXMtLS0=",
        "VOICE_RECEIPT_SALT": "bench-only-voice-receipt-salt-0123456789",
        "PYTHONPATH": str(ROOT / "src"),
        **extra,
    }


def manage(env: dict[str, str], *args: str) -> str:
    result = subprocess.run(
        [PYTHON, str(ROOT / "manage.py"), *args], env=env, capture_output=True, text=True, check=True
    )
    return result.stdout


@contextlib.contextmanager
def prepared_site(db_name: str, *, keep: bool = False, **extra_env: str) -> Iterator[dict[str, str]]:
    """A migrated PostgreSQL database with the demo province and collected static files (`keep`: see
    `postgres_database`)."""
    with postgres_database(db_name, keep=keep) as url, tempfile.TemporaryDirectory() as var_dir:
        env = prod_env(url, Path(var_dir), **extra_env)
        manage(env, "migrate", "--noinput")
        manage(env, "load_demo")
        manage(env, "collectstatic", "--noinput")
        yield env


@contextlib.contextmanager
def gunicorn(env: dict[str, str], *, workers: int = 2, threads: int = 1) -> Iterator[str]:
    port = free_port()
    command = [
        PYTHON, "-m", "gunicorn", "lantoa.config.wsgi:application",
        "--bind", f"127.0.0.1:{port}", "--workers", str(workers), "--threads", str(threads),
        "--access-logfile", "/dev/null", "--error-logfile", "-", "--log-level", "warning",
    ]  # fmt: skip
    # The server's log goes to a file: an unread pipe fills up and blocks the workers (and their shutdown).
    with tempfile.TemporaryFile() as log:
        process = subprocess.Popen(command, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=log)
        base = f"http://127.0.0.1:{port}"
        try:
            for _attempt in range(100):
                with contextlib.suppress(OSError):
                    urllib.request.urlopen(f"{base}/healthz", timeout=1)  # noqa: S310 - loopback only
                    break
                time.sleep(0.1)
            else:
                log.seek(0)
                raise RuntimeError(log.read().decode() if process.poll() is not None else "gunicorn did not start")
            yield base
        finally:
            process.terminate()
            process.wait(timeout=30)


NGINX_CONF = """worker_processes 1;
pid {dir}/nginx.pid;
error_log {dir}/error.log;
events {{ worker_connections 4096; }}
http {{
  access_log off;
  client_body_temp_path {dir}/body; proxy_temp_path {dir}/proxy; fastcgi_temp_path {dir}/fcgi;
  uwsgi_temp_path {dir}/uwsgi; scgi_temp_path {dir}/scgi;
  server {{
    listen 127.0.0.1:{port};
    keepalive_timeout 65;
    location / {{
      proxy_pass {upstream};
      proxy_set_header Host $host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
    }}
  }}
}}
"""


@contextlib.contextmanager
def nginx_front(upstream: str) -> Iterator[str]:
    """nginx before the app, as in production (deploy/nginx): it holds the phones' keep-alive connections and
    hands gunicorn one request at a time. Yields its address."""
    port = free_port()
    with tempfile.TemporaryDirectory() as folder:
        conf = Path(folder) / "nginx.conf"
        conf.write_text(NGINX_CONF.format(dir=folder, port=port, upstream=upstream))
        nginx = "nginx" if shutil.which("nginx") else "/usr/sbin/nginx"
        subprocess.run([nginx, "-c", str(conf)], check=True)
        try:
            yield f"http://127.0.0.1:{port}"
        finally:
            subprocess.run([nginx, "-c", str(conf), "-s", "stop"], check=False)


def gzip_size(url: str, *, headers: dict[str, str] | None = None) -> dict[str, int]:
    """Bytes of a response body on the wire with gzip, and uncompressed."""
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip", **(headers or {})})  # noqa: S310
    with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 - loopback only
        body = response.read()
        encoding = response.headers.get("Content-Encoding", "")
    raw = gzip.decompress(body) if encoding == "gzip" else body
    wire = body if encoding == "gzip" else gzip.compress(body, compresslevel=6)
    return {"bytes_gzip": len(wire), "bytes_raw": len(raw), "served_gzip": encoding == "gzip"}


def wrk_start(
    url: str,
    *,
    seconds: int = 10,
    connections: int = 16,
    threads: int = 2,
    headers: tuple[str, ...] = (),
    lua: str = "",
) -> tuple[subprocess.Popen, str]:
    """Start a wrk load in the background; `lua` may define `request`/`init` (varying paths, bodies, addresses)."""
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(lua + WRK_SCRIPT)
    command = [
        "wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s",
        "-H", "Accept-Encoding: gzip", *(argument for header in headers for argument in ("-H", header)),
        "-s", script.name, url,
    ]  # fmt: skip
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True), script.name


def _seconds(number: str, unit: str) -> float:
    """A duration as wrk prints it (`59.93s`, `1.50m`) in seconds."""
    return round(float(number) * {"us": 1e-6, "ms": 1e-3, "s": 1, "m": 60, "h": 3600}[unit], 2)


def wrk_result(started: tuple[subprocess.Popen, str]) -> dict[str, float]:
    process, script = started
    output, errors = process.communicate()
    os.unlink(script)
    if process.returncode or "BENCH" not in output:
        raise RuntimeError(f"wrk failed: {errors or output}")
    found = dict(re.findall(r"(\w+)=(\d+)", output.split("BENCH", 1)[1]))
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    return {
        "connections": int(re.search(r"(\d+) connections", output).group(1)),
        "seconds": _seconds(*re.search(r"requests in ([\d.]+)(us|ms|s|m|h)", output).groups()),
        "requests": int(found["requests"]),
        "errors": int(found["errors"]),
        "errors_by_kind": {kind: int(found[kind]) for kind in ("status", "connect", "read", "write", "timeout")},
        "requests_per_s": round(rps, 1),
        "p50_ms": round(int(found["p50_us"]) / 1000, 2),
        "p95_ms": round(int(found["p95_us"]) / 1000, 2),
        "p99_ms": round(int(found["p99_us"]) / 1000, 2),
    }


def wrk(
    url: str, *, seconds: int = 10, connections: int = 16, threads: int = 2, headers: tuple[str, ...] = ()
) -> dict[str, float]:
    return wrk_result(wrk_start(url, seconds=seconds, connections=connections, threads=threads, headers=headers))
