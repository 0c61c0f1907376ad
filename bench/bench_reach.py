"""Reach dashboard over 10 million anonymous events: the app's own roll-up counts them (`reach_rollup`), then the
dashboards read the roll-ups, never the events."""

import io
import random
import time
import urllib.request

import psycopg

from bench.harness import gunicorn, manage, prepared_site, wrk

EVENTS = 10_000_000
CHUNK = 500_000
KINDS = ("viewed", "viewed", "viewed", "completed", "quiz_passed", "reached")
TOPICS = ("hop-dong-lao-dong", "tien-luong", "bhxh", "bhyt", "an-toan-ve-sinh-lao-dong", "cong-doan")
SESSION_SCRIPT = """
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from lantoa.orgs.models import User
user = User.objects.get(username="0900000001")
session = SessionStore()
session[SESSION_KEY] = str(user.pk)
session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
session[HASH_SESSION_KEY] = user.get_session_auth_hash()
session.save()
print(session.session_key)
"""


def copy_events(url: str, enterprise_ids: list[int]) -> float:
    rng = random.Random(58)
    started = time.perf_counter()
    with psycopg.connect(url) as connection, connection.cursor() as cursor:
        written = 0
        while written < EVENTS:
            buffer = io.StringIO()
            for _ in range(min(CHUNK, EVENTS - written)):
                day = rng.randrange(0, 365)
                buffer.write(
                    f"{rng.choice(KINDS)}\t2025-12-01 00:00:00+07\t{rng.choice(enterprise_ids)}\t{rng.choice(TOPICS)}\t{day}\n"
                )
            with cursor.copy(
                "COPY reach_reachevent (kind, occurred_at, enterprise_id, topic, page_id) FROM STDIN"
            ) as copy:
                copy.write(buffer.getvalue())
            written += CHUNK
        # spread the events over a year: page_id carried the day offset
        cursor.execute(
            "UPDATE reach_reachevent SET occurred_at = occurred_at + page_id * interval '1 day', page_id = NULL"
        )
        connection.commit()
    return time.perf_counter() - started


def run() -> dict:
    with prepared_site("lantoa_bench_reach") as env:
        url = env["DATABASE_URL"]
        with psycopg.connect(url) as connection:
            enterprise_ids = [row[0] for row in connection.execute("SELECT id FROM orgs_enterprise")]
        load_seconds = copy_events(url, enterprise_ids)
        started = time.perf_counter()
        manage(env, "reach_rollup")  # the app's own roll-up, as its hourly timer runs it (process start included)
        rollup_seconds = time.perf_counter() - started
        with psycopg.connect(url, autocommit=True) as connection:
            connection.execute("ANALYZE")
            rollup_rows = connection.execute(
                "SELECT (SELECT count(*) FROM reach_reachdaily), (SELECT count(*) FROM reach_reachmonthly)"
            ).fetchone()
        session_key = manage(env, "shell", "-c", SESSION_SCRIPT).strip().splitlines()[-1]
        with gunicorn(env) as base:
            page = f"{base}/office/reach/?start=2026-01-01&end=2026-03-31"
            request = urllib.request.Request(page, headers={"Cookie": f"sessionid={session_key}"})  # noqa: S310
            with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 - loopback only
                assert "Độ bao phủ tuyên truyền" in response.read().decode(), "the dashboard did not render"
            load = wrk(page, seconds=10, connections=8, headers=(f"Cookie: sessionid={session_key}",))
            # The plans dashboard reads the same roll-ups through reach's indicator sources.
            plans_page = f"{base}/plans/dashboard/?period=2026-Q1&indicator=reach.lesson_views"
            request = urllib.request.Request(plans_page, headers={"Cookie": f"sessionid={session_key}"})  # noqa: S310
            with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310 - loopback only
                assert response.status == 200, "the plans dashboard did not render"
            plans_load = wrk(plans_page, seconds=10, connections=8, headers=(f"Cookie: sessionid={session_key}",))
    return {
        "events": EVENTS,
        "events_copy_seconds": round(load_seconds, 1),
        "rollup_rows": {"daily": rollup_rows[0], "monthly": rollup_rows[1]},
        "rollup_command_seconds": round(rollup_seconds, 1),
        "rollup_events_per_s": round(EVENTS / rollup_seconds),  # catch-up and purge, process start included
        "dashboard": "province monitor, all 12 demo enterprises, one quarter",
        "dashboard_load": load,
        "plans_dashboard": "province monitor, indicator reach.lesson_views, 2026-Q1",
        "plans_dashboard_load": plans_load,
    }
