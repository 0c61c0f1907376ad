"""Production settings refuse to start half-configured; the WSGI entry point never falls back to development."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[4]
PROD = {
    "SECRET_KEY": "prod-test-only-0123456789-0123456789-0123456789-0123456789",
    "ALLOWED_HOSTS": "lantoa.example",
    "PUBLIC_BASE_URL": "https://lantoa.example",
    "DATABASE_URL": "sqlite:////tmp/lantoa-prod-settings-test.sqlite3",
    "REDIS_URL": "redis://127.0.0.1:6379/4",
}


def start(code: str, **env: str) -> subprocess.CompletedProcess[str]:
    clean = {key: value for key, value in os.environ.items() if key not in {"DJANGO_SETTINGS_MODULE", *PROD}}
    clean.update(PYTHONPATH=str(ROOT / "src"), **env)
    return subprocess.run(  # noqa: S603 - our own interpreter on a fixed snippet
        [sys.executable, "-c", code], env=clean, cwd=ROOT, capture_output=True, text=True, timeout=60, check=False
    )


WSGI = "from lantoa.config.wsgi import application; from django.conf import settings; print(settings.DEBUG)"


def test_wsgi_defaults_to_production_settings():
    without_secret = start(WSGI)
    assert without_secret.returncode != 0
    assert "Set the SECRET_KEY environment variable for production." in without_secret.stderr

    configured = start(WSGI, **PROD)
    assert configured.returncode == 0, configured.stderr
    assert configured.stdout.strip() == "False"


def test_production_refuses_to_start_without_a_shared_cache():
    settings = {key: value for key, value in PROD.items() if key != "REDIS_URL"}
    result = start(WSGI, **settings)
    assert result.returncode != 0
    assert "ImproperlyConfigured: Set REDIS_URL" in result.stderr


def test_private_files_may_not_lie_under_the_served_media_folder(tmp_path):
    result = start(WSGI, **PROD, MEDIA_ROOT=str(tmp_path), PRIVATE_MEDIA_ROOT=str(tmp_path / "private"))
    assert result.returncode != 0
    assert "must not lie inside MEDIA_ROOT" in result.stderr
