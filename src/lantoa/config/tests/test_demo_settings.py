"""The demo's settings: what the task worker prints without a request names the address the demo serves."""

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
