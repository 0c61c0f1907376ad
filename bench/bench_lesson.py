"""A lesson page: bytes on first view, load beside a static file of the same size, first paint on slow 3G.

Every cached view is counted (one reach event a view); after the load the `reach_rollup` command counts them
into the daily roll-ups, and the figures show the roll-up matches the events.
"""

import os
import time
import urllib.request
from pathlib import Path

import psycopg

from bench.harness import gunicorn, gzip_size, manage, prepared_site, wrk

LESSON = "/bai-hoc/hop-dong-lao-dong/hop-dong-phai-bang-van-ban/"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-gpu", "--disable-dev-shm-usage"]
CPU_SLOWDOWN = 4  # a cheap Android phone runs pages about four times slower than this machine's core
SLOW_3G = {"offline": False, "latency": 400, "downloadThroughput": 400 * 1000 / 8, "uploadThroughput": 400 * 1000 / 8}


def first_contentful_paint(url: str) -> dict:
    """FCP in chromium with DevTools network emulation (~400 kbit/s down, 400 ms latency) and the CPU slowed
    CPU_SLOWDOWN times, empty cache."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", headless=True, args=CHROMIUM_ARGS)
        context = browser.new_context(locale="vi-VN", viewport={"width": 412, "height": 900})
        page = context.new_page()
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send("Network.clearBrowserCache")
        cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
        cdp.send("Network.emulateNetworkConditions", SLOW_3G)
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
        page.goto(url, wait_until="load")
        fcp = page.evaluate(
            """() => new Promise((resolve) => {
                new PerformanceObserver((list) => {
                    const entry = list.getEntriesByName("first-contentful-paint")[0];
                    if (entry) resolve(entry.startTime);
                }).observe({type: "paint", buffered: true});
                setTimeout(() => resolve(null), 10000);
            })"""
        )
        transferred = page.evaluate(
            "() => performance.getEntriesByType('resource').reduce((s, r) => s + r.transferSize, "
            "performance.getEntriesByType('navigation')[0].transferSize)"
        )
        browser.close()
    return {
        "fcp_ms": round(fcp) if fcp else None,
        "bytes_transferred": transferred,
        "target_ms": 2000,
        "cpu_slowdown": CPU_SLOWDOWN,
    }


MARK_SCRIPT = """
from lantoa.orgs.models import Enterprise
from lantoa.reach import services
print(services.device_mark(device_id="bench-device", enterprise=Enterprise.objects.get(public_code="{code}")))
"""


def rollup_catch_up(env: dict[str, str]) -> dict:
    """Run the roll-up command once over the events the loads recorded; views counted must equal events."""
    count_sql = "SELECT count(*) FROM reach_reachevent WHERE kind = 'viewed'"
    sum_sql = "SELECT coalesce(sum(count), 0) FROM reach_reachdaily WHERE kind = 'viewed' AND segment = ''"
    with psycopg.connect(env["DATABASE_URL"]) as connection:
        events = connection.execute(count_sql).fetchone()[0]
    started = time.perf_counter()
    manage(env, "reach_rollup")
    seconds = time.perf_counter() - started
    with psycopg.connect(env["DATABASE_URL"]) as connection:
        counted = connection.execute(sum_sql).fetchone()[0]
    return {"view_events": events, "views_in_rollup": counted, "command_seconds_with_startup": round(seconds, 2)}


def run() -> dict:
    with prepared_site("lantoa_bench_lesson") as env:
        static_root = Path(env["VAR_DIR"]) / "static"
        with gunicorn(env) as base:
            html = gzip_size(f"{base}{LESSON}")
            css = gzip_size(f"{base}/static/core/worker.css")
            js = gzip_size(f"{base}/static/content/offline.js")
            with urllib.request.urlopen(f"{base}{LESSON}", timeout=10) as response:  # noqa: S310 - loopback only
                body = response.read()
            paint = first_contentful_paint(f"{base}{LESSON}")
        (static_root / "ceiling.html").write_bytes(body)
        with gunicorn(env) as base:
            urllib.request.urlopen(f"{base}{LESSON}", timeout=10).read()  # noqa: S310 - warm the cache
            lesson = wrk(f"{base}{LESSON}")
            with psycopg.connect(env["DATABASE_URL"]) as connection:
                code = connection.execute("SELECT public_code FROM orgs_enterprise ORDER BY id LIMIT 1").fetchone()[0]
            mark = manage(env, "shell", "-c", MARK_SCRIPT.format(code=code)).strip().splitlines()[-1]
            # a returning worker who came from an enterprise's QR link and was counted this quarter
            cookie = f"lt_dn={code}; lt_rd=bench-device; lt_rq={mark}"
            warm = urllib.request.Request(f"{base}{LESSON}", headers={"Cookie": cookie})  # noqa: S310 - loopback
            urllib.request.urlopen(warm, timeout=10).read()  # noqa: S310 - warm this enterprise's cached copy
            lesson_enterprise = wrk(f"{base}{LESSON}", headers=(f"Cookie: {cookie}",))
            static = wrk(f"{base}/static/ceiling.html")
        catch_up = rollup_catch_up(env)
    first_view = html["bytes_gzip"] + css["bytes_gzip"] + js["bytes_gzip"]
    return {
        "server": "gunicorn 2 workers × 1 thread, PostgreSQL, Redis cache, DEBUG off (no nginx in front)",
        "lesson_html": html,
        "lesson_css": css,
        "lesson_js": js,
        "first_view_bytes_gzip": first_view,
        "first_view_budget_bytes": 14 * 1024,
        "within_budget": first_view <= 14 * 1024,
        "lesson_load": lesson,
        "lesson_load_enterprise_context": lesson_enterprise,
        "reach_rollup_after_load": catch_up,
        "static_same_size_load": static,
        "lesson_share_of_ceiling": round(lesson["requests_per_s"] / static["requests_per_s"], 3),
        "lesson_enterprise_context_share_of_ceiling": round(
            lesson_enterprise["requests_per_s"] / static["requests_per_s"], 3
        ),
        "load_average_1_5_15": [round(load, 2) for load in os.getloadavg()],
        "slow_3g": paint,
    }
