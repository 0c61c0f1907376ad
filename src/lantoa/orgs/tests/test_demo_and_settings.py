import subprocess
import sys

import pytest
from django.core.management import call_command

from lantoa.orgs.models import Enterprise, OrgUnit, User
from lantoa.plans.models import UnitReport
from lantoa.plans.services import reports


def test_load_demo_builds_a_province_and_is_idempotent(db, capsys):
    call_command("load_demo")
    first = capsys.readouterr().out
    counts = (OrgUnit.objects.count(), Enterprise.objects.count(), User.objects.count())
    call_command("load_demo")
    assert first.rstrip().splitlines()[-1].startswith("  admin")
    assert (OrgUnit.objects.count(), Enterprise.objects.count(), User.objects.count()) == counts
    assert Enterprise.objects.count() == 12
    assert all(e.unit.is_demo for e in Enterprise.objects.select_related("unit"))
    assert "0900000002" in first
    assert Enterprise.objects.filter(in_zone=True).count() >= 6
    assert Enterprise.objects.filter(is_island=True).exists()
    assert Enterprise.objects.filter(is_border=True).exists()


@pytest.mark.parametrize("missing", ["SECRET_KEY", "DATABASE_URL", "PUBLIC_BASE_URL"])
def test_prod_settings_refuse_to_start_without_required_variables(missing):
    env = {
        "SECRET_KEY": "x" * 60,
        "DATABASE_URL": "sqlite:////tmp/x.sqlite3",
        "ALLOWED_HOSTS": "example.vn",
        "PUBLIC_BASE_URL": "https://example.vn",
        "PATH": "/usr/bin:/bin",
    }
    env.pop(missing)
    result = subprocess.run(
        [sys.executable, "-c", "import lantoa.config.settings.prod"],
        env={**env, "PYTHONPATH": "src"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert f"Set the {missing} environment variable" in result.stderr


def test_load_demo_runs_again_after_a_report_was_submitted_and_approved(db, capsys):
    call_command("load_demo")
    admin = User.objects.get(username="admin")
    report = UnitReport.objects.order_by("pk").first()
    assert report is not None
    reports.report_review(report=reports.report_submit(report=report, by=admin), approve=True, note="", by=admin)
    call_command("load_demo")
    report.refresh_from_db()
    assert report.status == UnitReport.Status.APPROVED
    assert "Tài khoản minh họa" in capsys.readouterr().out
