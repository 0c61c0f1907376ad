"""Worker home: bytes on the wire, and throughput under load beside a static file of the same size."""

import urllib.request
from pathlib import Path

from bench.harness import gunicorn, gzip_size, prepared_site, wrk


def run() -> dict:
    with prepared_site("lantoa_bench_home") as env:
        static_root = Path(env["VAR_DIR"]) / "static"
        with gunicorn(env) as base:
            page = gzip_size(f"{base}/")
            css = gzip_size(f"{base}/static/core/worker.css")
            with urllib.request.urlopen(f"{base}/", timeout=10) as response:  # noqa: S310 - loopback only
                html = response.read()
        # The ceiling: the same bytes as a static file, served by the same server through whitenoise.
        (static_root / "ceiling.html").write_bytes(html)
        with gunicorn(env) as base:
            home = wrk(f"{base}/")
            static = wrk(f"{base}/static/ceiling.html")
    return {
        "server": "gunicorn 2 workers × 1 thread, PostgreSQL, DEBUG off",
        "home_html": page,
        "home_css": css,
        "first_view_bytes_gzip": page["bytes_gzip"] + css["bytes_gzip"],
        "home_load": home,
        "static_same_size_load": static,
        "home_share_of_ceiling": round(home["requests_per_s"] / static["requests_per_s"], 3),
    }
