"""The demo's settings: what the task worker prints without a request names the address the demo serves."""

import sqlite3
from pathlib import Path

import pytest
from django.db import connection

from .test_production_settings import start

BASE = "from lantoa.core.links import public_base_url; print(public_base_url())"


def test_files_built_without_a_request_in_the_demo_name_the_port_it_serves():
    demo = start(
        f"import django; django.setup(); {BASE}", DJANGO_SETTINGS_MODULE="lantoa.config.settings.dev", PORT="8711"
    )
    assert demo.returncode == 0, demo.stderr
    assert demo.stdout.strip() == "http://127.0.0.1:8711"


def test_the_public_address_setting_wins_in_the_demo_too():
    demo = start(
        f"import django; django.setup(); {BASE}",
        DJANGO_SETTINGS_MODULE="lantoa.config.settings.dev",
        PORT="8711",
        PUBLIC_BASE_URL="https://lantoa.example/",
    )
    assert demo.returncode == 0, demo.stderr
    assert demo.stdout.strip() == "https://lantoa.example"


def test_the_demo_runs_with_debug_off_and_still_serves_its_media(tmp_path):
    (tmp_path / "probe.txt").write_text("tệp thử")
    script = (
        "import django; django.setup(); from django.conf import settings; from django.test import Client;"
        "print(settings.DEBUG, Client().get('/media/probe.txt').status_code)"
    )
    demo = start(script, DJANGO_SETTINGS_MODULE="lantoa.config.settings.dev", DEBUG="false", MEDIA_ROOT=str(tmp_path))
    assert demo.returncode == 0, demo.stderr
    assert demo.stdout.split() == ["False", "200"]


def migrated_copy(target: Path) -> str:
    """The migrated test database, copied: a demo process started here needs its tables, and migrating takes a minute."""
    with sqlite3.connect(connection.settings_dict["NAME"]) as source, sqlite3.connect(target) as copy:
        source.backup(copy)
    return f"sqlite:///{target}"


@pytest.mark.skipif(connection.vendor != "sqlite", reason="copies the SQLite test database for the demo process")
def test_the_demo_answers_a_post_to_an_unknown_api_path_with_a_json_404_with_debug_on_or_off(db, tmp_path):
    script = (
        "import django; django.setup(); from django.test import Client;"
        "client = Client(enforce_csrf_checks=True, raise_request_exception=False);"
        "r = client.post('/api/v1/nonexistent', {'a': 'b'}); print(r.status_code, r.json()['code']);"
        "r = client.post('/hoc', {'a': 'b'}); print(r.status_code, r['Location'])"
    )
    database = migrated_copy(tmp_path / "demo.sqlite3")
    for debug in ("true", "false"):
        demo = start(script, DJANGO_SETTINGS_MODULE="lantoa.config.settings.dev", DEBUG=debug, DATABASE_URL=database)
        assert demo.returncode == 0, demo.stderr
        assert demo.stdout.split() == ["404", "not_found", "308", "/hoc/"], (debug, demo.stdout)
