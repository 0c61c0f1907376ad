"""Plans: report generation for a province of 5,000 enterprises × 20 indicators (draft + DOCX + XLSX, and PDF).

The demo province is loaded into a fresh PostgreSQL database, then 5,000 synthetic enterprises are added with
bulk_create across the 102 communes, with 15 entered indicators beside plans' 5 computed ones, each with a value
per enterprise for the quarter and the quarter before (150,000 figures). Measured in a child process so Django
is set up against that database only.
"""

import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

ENTERPRISES = 5_000
INDICATORS = 20
REPEAT = 5


def _timed(function, repeat: int = REPEAT) -> tuple[float, object]:
    samples, result = [], None
    for _attempt in range(repeat):
        started = time.perf_counter()
        result = function()
        samples.append(time.perf_counter() - started)
    return round(statistics.median(samples) * 1000, 1), result


def _populate() -> dict:
    import random

    from django.db import connection

    from lantoa.orgs.models import Enterprise, OrgUnit
    from lantoa.plans.models import EnteredValue, Indicator
    from lantoa.plans.services import plans

    rng = random.Random(58)
    communes = list(OrgUnit.objects.filter(kind__in=OrgUnit.COMMUNE_KINDS))
    zones = list(OrgUnit.objects.filter(kind__in=OrgUnit.ZONE_KINDS))
    units = []
    for number in range(ENTERPRISES):
        commune = communes[number % len(communes)]
        code = f"DN-B{number:05d}"
        units.append(
            OrgUnit(
                code=code,
                name=f"Doanh nghiệp thử {number}",
                kind="enterprise",
                parent=commune,
                path=f"{commune.path}{code}/",
                commune=commune,
            )
        )
    OrgUnit.objects.bulk_create(units, batch_size=1000)
    units = list(OrgUnit.objects.filter(code__startswith="DN-B").select_related("parent"))
    enterprises = []
    for number, unit in enumerate(units):
        workers = rng.choice([8, 25, 60, 150, 400, 1200, 3000])
        zone = zones[number % len(zones)] if number % 4 == 0 else None
        enterprises.append(
            Enterprise(
                unit=unit,
                tax_code=f"19{number:08d}",
                public_code=f"B{number:05d}",
                ownership=rng.choice(["fdi", "private", "state", "household"]),
                commune=unit.parent,
                zone=zone,
                in_zone=zone is not None,
                worker_count=workers,
                union_member_count=int(workers * rng.random()),
                migrant_worker_count=int(workers * rng.random() * 0.5),
                is_sme=workers <= 200,
            )
        )
    Enterprise.objects.bulk_create(enterprises, batch_size=1000)
    existing = Indicator.objects.count()
    for number in range(INDICATORS - existing):
        Indicator.objects.get_or_create(
            code=f"entered.bench_{number:02d}",
            defaults={"name": f"Chỉ tiêu thử {number}", "measure": "lượt", "kind": "entered", "order": 300 + number},
        )
    entered = list(Indicator.objects.filter(kind="entered"))
    periods = [plans.period_ensure(code="2026-Q1"), plans.period_ensure(code="2025-Q4")]
    rows = [
        EnteredValue(indicator=indicator, unit=unit, period=period, value=rng.randint(0, 50))
        for period in periods
        for indicator in entered
        for unit in units
    ]
    EnteredValue.objects.bulk_create(rows, batch_size=5000)
    # What autovacuum would do within a minute of such a load: give the planner real row counts.
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return {
        "enterprises": Enterprise.objects.count(),
        "indicators": Indicator.objects.count(),
        "entered_values": len(rows),
    }


def measure() -> dict:
    import django

    django.setup()
    from lantoa.orgs import services as org_services
    from lantoa.orgs.models import OrgUnit, User
    from lantoa.plans.exports.docx import report_docx
    from lantoa.plans.exports.pdf import report_pdf
    from lantoa.plans.exports.xlsx import tables_xlsx
    from lantoa.plans.models import Indicator, UnitReport
    from lantoa.plans.selectors.access import tasks_for_unit
    from lantoa.plans.selectors.dashboards import dashboard_build
    from lantoa.plans.selectors.documents import report_document
    from lantoa.plans.services import plans, reports

    started = time.perf_counter()
    sizes = _populate()
    populate_s = round(time.perf_counter() - started, 1)
    system = User(is_superuser=True, is_active=True, username="bench")
    province = org_services.province_get()
    commune = OrgUnit.objects.get(name="Xã Bình Hòa")
    period = plans.period_ensure(code="2026-Q1")

    def draft(unit):
        UnitReport.objects.filter(unit=unit, period=period).delete()
        return reports.report_draft(unit=unit, period=period, by=system)

    province_draft_ms, report = _timed(lambda: draft(province))
    commune_draft_ms, _commune_report = _timed(lambda: draft(commune))
    doc = report_document(report, tasks=tasks_for_unit(unit=province))
    docx_ms, docx = _timed(lambda: report_docx(doc))
    xlsx_ms, xlsx = _timed(lambda: tables_xlsx([t for s in doc.sections for t in s.tables], heading=doc.subject))
    pdf_ms, pdf = _timed(lambda: report_pdf(doc), repeat=3)

    def total():
        fresh = draft(province)
        document = report_document(fresh, tasks=tasks_for_unit(unit=province))
        return report_docx(document), tables_xlsx([t for s in document.sections for t in s.tables])

    total_ms, _files = _timed(total)
    indicator = Indicator.objects.get(code="orgs.union_members")
    active = list(Indicator.objects.filter(is_active=True))
    dashboard_ms, _board = _timed(
        lambda: dashboard_build(unit=province, period=period, indicator=indicator, indicators=active)
    )
    return {
        **sizes,
        "populate_s": populate_s,
        "province_report_draft_ms": province_draft_ms,
        "commune_report_draft_ms": commune_draft_ms,
        "docx_ms": docx_ms,
        "docx_bytes": len(docx),
        "xlsx_ms": xlsx_ms,
        "xlsx_bytes": len(xlsx),
        "pdf_ms": pdf_ms,
        "pdf_bytes": len(pdf),
        "province_draft_docx_xlsx_ms": total_ms,
        "province_dashboard_build_ms": dashboard_ms,
        "figures": f"median of {REPEAT} runs (PDF: 3), PostgreSQL, one process",
    }


def run() -> dict:
    from bench.harness import ROOT, prepared_site

    with prepared_site("lantoa_bench_plans") as env:
        result = subprocess.run(
            [sys.executable, str(Path(__file__).resolve()), "--measure"],
            env=env,
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode:
            raise RuntimeError(result.stderr[-3000:])
        return json.loads(result.stdout.strip().splitlines()[-1])


if __name__ == "__main__" and sys.argv[1:] == ["--measure"]:
    sys.stdout.write(json.dumps(measure(), ensure_ascii=False) + "\n")
