"""Excel import of 20,000 enterprises: first import, unchanged re-import, re-import with every row changed."""

import io
import os
import time

from bench.harness import manage, postgres_database, prod_env


def _workbook(communes: list, *, worker_bonus: int) -> bytes:
    from openpyxl import load_workbook

    from lantoa.orgs.importers import ENTERPRISE_SHEET, template_workbook

    workbook = load_workbook(io.BytesIO(template_workbook(communes=communes)))
    sheet = workbook[ENTERPRISE_SHEET]
    for number in range(20_000):
        commune = communes[number % len(communes)]
        sheet.append(
            [
                f"18{number:08d}",
                f"Công ty Thử {number}",
                "Tư nhân",
                "May mặc",
                commune.name,
                "",
                100 + worker_bonus + number % 50,
                50,
                10,
                60,
            ]
        )
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def run() -> dict:
    import tempfile
    from pathlib import Path

    with postgres_database("lantoa_bench_import") as url, tempfile.TemporaryDirectory() as var_dir:
        env = prod_env(url, Path(var_dir))
        manage(env, "migrate", "--noinput")
        manage(env, "load_demo")
        os.environ.update(
            {
                key: env[key]
                for key in (
                    "DJANGO_SETTINGS_MODULE",
                    "SECRET_KEY",
                    "ALLOWED_HOSTS",
                    "DATABASE_URL",
                    "VAR_DIR",
                    "SECURE_SSL_REDIRECT",
                )
            }
        )
        import django

        django.setup()
        from lantoa.orgs import imports, selectors
        from lantoa.orgs.models import User

        communes = selectors.communes_list()
        officer = User.objects.get(username="0900000002")
        figures = {"rows": 20_000, "database": "postgresql"}
        first, changed = _workbook(communes, worker_bonus=0), _workbook(communes, worker_bonus=1)
        for label, data in (("first", first), ("same_again", first), ("all_changed", changed)):
            figures[label] = _timed_import(imports, data, officer)
        figures["file_bytes"] = len(first)
    return figures


def _timed_import(imports, data: bytes, officer) -> dict:
    phases: list[str] = []
    started = time.perf_counter()
    result = imports.workbook_import(
        stream=io.BytesIO(data), user=officer, progress=lambda phase, done, total: phases.append(phase)
    )
    return {
        "seconds": round(time.perf_counter() - started, 2),
        "created": result.created,
        "updated": result.updated,
        "unchanged": result.unchanged,
        "problems": len(result.problems),
        "progress_updates": len(phases),
    }
