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
