"""Build a full-size An Giang on top of the demo, on PostgreSQL: `python -m bench.province_data EVENTS [SCALE]`.

Run with the site's environment (DJANGO_SETTINGS_MODULE, DATABASE_URL). With EVENTS=0 it builds everything
but reach events: enterprises with their unions, three years of events, dialogues, unit reports and voice
reports. With EVENTS=n it adds n reach events (generated in the database) and runs the app's own roll-up timer over them. SCALE (default
1) shrinks the counts for a quick check. Prints one JSON line of what the database now holds.
"""

import datetime as dt
import json
import os
import random
import sys
import time

import django

django.setup()

from django.db import connection, transaction  # noqa: E402
from django.utils import timezone  # noqa: E402

from lantoa.activities.models import Dialogue, Event  # noqa: E402
from lantoa.core import tasks  # noqa: E402
from lantoa.orgs import services as org_services  # noqa: E402
from lantoa.orgs.models import Enterprise, OrgUnit  # noqa: E402
from lantoa.plans.models import UnitReport  # noqa: E402
from lantoa.plans.services import plans  # noqa: E402
from lantoa.reach.models import Kind, ReachEvent  # noqa: E402
from lantoa.voice import crypto  # noqa: E402
from lantoa.voice.models import Category, Report  # noqa: E402

ENTERPRISES = 6_000
VOICE_REPORTS = 50_000
YEARS = 3
TOPICS = ("luong-thuong", "hop-dong", "bao-hiem", "an-toan", "cong-doan", "phap-luat")
BATCH = 5_000
rng = random.Random(58)  # Directive 58: the same province every run


def _now() -> dt.datetime:
    return timezone.now().replace(microsecond=0)


def _moment(days_back: int) -> dt.datetime:
    return _now() - dt.timedelta(days=rng.randrange(days_back), seconds=rng.randrange(86_400))


@transaction.atomic
def enterprises_build(count: int) -> list[Enterprise]:
    province = org_services.province_get()
    communes = list(OrgUnit.objects.filter(kind__in=OrgUnit.COMMUNE_KINDS, parent=province))
    zones = list(OrgUnit.objects.filter(kind__in=OrgUnit.ZONE_KINDS))
    units, enterprises = [], []
    for number in range(count):
        commune = rng.choice(communes)
        code = f"{5800000000 + number}"
        units.append(
            OrgUnit(code=code, name=f"Công ty Tải thử {number}", kind=OrgUnit.Kind.ENTERPRISE, parent=commune,
                    path=f"{commune.path}{code}/", commune=commune)
        )  # fmt: skip
    OrgUnit.objects.bulk_create(units, batch_size=BATCH)
    for number, unit in enumerate(units):
        workers = max(5, int(rng.lognormvariate(3.9, 0.9)))
        enterprises.append(
            Enterprise(
                unit=unit,
                tax_code=unit.code,
                public_code=f"T{number:07d}"[-8:],
                ownership=rng.choice(list(Enterprise.Ownership.values)),
                commune=unit.commune,
                zone=rng.choice(zones) if zones and rng.random() < 0.3 else None,
                worker_count=workers,
                female_worker_count=workers // 2,
                migrant_worker_count=workers // 4,
                union_member_count=workers * 3 // 4 if number % 5 < 2 else 0,
                in_zone=rng.random() < 0.3,
                is_migrant_heavy=rng.random() < 0.2,
                is_rural=rng.random() < 0.5,
                is_border=rng.random() < 0.05,
                is_island=rng.random() < 0.03,
                is_sme=workers <= org_services.SME_MAX_WORKERS,
            )
        )
    Enterprise.objects.bulk_create(enterprises, batch_size=BATCH)
    unions = [
        OrgUnit(code=f"CDCS-{e.tax_code}", name=f"Công đoàn cơ sở {e.unit.name}", kind=OrgUnit.Kind.GRASSROOTS_UNION,
                parent=e.unit, path=f"{e.unit.path}CDCS-{e.tax_code}/", commune=e.commune)
        for e in enterprises if e.union_member_count
    ]  # fmt: skip
    OrgUnit.objects.bulk_create(unions, batch_size=BATCH)
    return enterprises


@transaction.atomic
def activities_build(enterprises: list[Enterprise]) -> None:
    unionised = [e for e in enterprises if e.union_member_count]
    events, dialogues = [], []
    for enterprise in unionised:
        for _number in range(4 * YEARS):
            held = _moment(365 * YEARS)
            events.append(
                Event(unit=enterprise.unit, enterprise=enterprise, kind=Event.Kind.TALK, title="Tuyên truyền pháp luật",
                      starts_at=held, planned_attendance=enterprise.worker_count // 2, status=Event.Status.HELD,
                      held_at=held, unscanned_attendance=enterprise.worker_count // 3, checkin_secret="x" * 32)
            )  # fmt: skip
        for year in range(YEARS):
            dialogues.append(
                Dialogue(enterprise=enterprise, status=Dialogue.Status.HELD, agenda="Đối thoại định kỳ",
                         held_on=(_now() - dt.timedelta(days=365 * year + rng.randrange(300))).date(),
                         worker_representative_count=5)
            )  # fmt: skip
    Event.objects.bulk_create(events, batch_size=BATCH)
    Dialogue.objects.bulk_create(dialogues, batch_size=BATCH)


@transaction.atomic
def reports_build() -> None:
    today = timezone.localdate()
    quarters = [
        f"{year}-Q{quarter}" for year in range(today.year - YEARS + 1, today.year + 1) for quarter in (1, 2, 3, 4)
    ]
    periods = [plans.period_ensure(code=code) for code in quarters]
    periods = [period for period in periods if period.ends_on < today]
    units = OrgUnit.objects.filter(kind__in=[OrgUnit.Kind.GRASSROOTS_UNION, *OrgUnit.COMMUNE_KINDS])
    existing = set(UnitReport.objects.values_list("unit_id", "period_id"))
    rows = [
        UnitReport(unit=unit, period=period, status=UnitReport.Status.APPROVED, title=f"Báo cáo {period.label}",
                   results="Đã tổ chức tuyên truyền theo kế hoạch.")
        for unit in units for period in periods if (unit.pk, period.pk) not in existing
    ]  # fmt: skip
    UnitReport.objects.bulk_create(rows, batch_size=BATCH)


@transaction.atomic
def voice_build(count: int) -> None:
    categories = list(Category.objects.all())
    enterprises = list(Enterprise.objects.select_related("unit"))
    unions = dict(OrgUnit.objects.filter(kind=OrgUnit.Kind.GRASSROOTS_UNION).values_list("parent_id", "pk"))
    federation = org_services.province_get().children.filter(kind=OrgUnit.Kind.LABOUR_FEDERATION).first()
    body = crypto.encrypt_text("Lương tháng này trả chậm, xin công đoàn hỏi giúp.")
    statuses = (
        [Report.Status.CLOSED] * 6 + [Report.Status.ANSWERED] * 2 + [Report.Status.NEW, Report.Status.IN_PROGRESS]
    )
    rows = []
    for number in range(count):
        enterprise = rng.choice(enterprises)
        created = _moment(365 * YEARS)
        category = rng.choice(categories)
        status = rng.choice(statuses)
        rows.append(
            Report(receipt_lookup=f"bench-{number:012d}", receipt_hash="scrypt$2$00", enterprise=enterprise,
                   unit_id=unions.get(enterprise.unit_id, federation.pk), category=category, body_enc=body,
                   status=status, created_at=created,
                   first_reply_due_at=created + dt.timedelta(days=category.first_reply_days),
                   resolve_due_at=created + dt.timedelta(days=category.resolution_days),
                   closed_at=created + dt.timedelta(days=5) if status == Report.Status.CLOSED else None,
                   outcome=Report.Outcome.RESOLVED if status == Report.Status.CLOSED else "")
        )  # fmt: skip
    Report.objects.bulk_create(rows, batch_size=BATCH)


# kinds of generated events, by their share: mostly lesson views, then completions, passes and devices reached
KIND_SHARES = ((Kind.VIEWED, 0.70), (Kind.COMPLETED, 0.12), (Kind.QUIZ_PASSED, 0.10), (Kind.REACHED, 0.08))
EVENTS_SQL = """
INSERT INTO reach_reachevent (kind, occurred_at, enterprise_id, topic, page_id)
SELECT CASE {kinds} END,
       %(start)s::timestamptz + n * %(step)s * interval '1 microsecond',
       CASE WHEN random() < 0.9 THEN (%(enterprises)s::bigint[])[width_bucket(random() * %(workers)s, %(bounds)s::float8[])] END,
       (%(topics)s::text[])[1 + floor(random() * %(topic_count)s)::int],
       NULL
FROM (SELECT n, random() AS pick FROM generate_series(0, %(count)s - 1) AS n) AS numbers
"""  # an enterprise is drawn in proportion to its workers (a binary search of the running totals); 10 % have none


def _kind_cases() -> str:
    cases, bound = [], 0.0
    for kind, share in KIND_SHARES[:-1]:
        bound += share
        cases.append(f"WHEN pick < {bound:.2f} THEN '{kind}'")
    return " ".join(cases) + f" ELSE '{KIND_SHARES[-1][0]}'"


def reach_events_generate(count: int) -> None:
    """Add `count` anonymous events over three years, generated in the database (one INSERT … SELECT from
    generate_series, the rows in the order of the series), so ids rise with time as on a live site; an enterprise
    has events in proportion to its workers."""
    now = _now()
    first = now - dt.timedelta(days=365 * YEARS)
    enterprises, bounds, workers = [], [], 0
    for pk, worker_count in Enterprise.objects.order_by("pk").values_list("pk", "worker_count"):
        enterprises.append(pk)
        bounds.append(workers)
        workers += max(worker_count, 1)
    with connection.cursor() as cursor:
        cursor.execute("SELECT setseed(%s)", [0.058 if ReachEvent.objects.exists() else 0.58])
        cursor.execute(
            EVENTS_SQL.format(kinds=_kind_cases()),
            {
                "start": first,
                "step": (now - first) / dt.timedelta(microseconds=1) / count,
                "enterprises": enterprises,
                "bounds": bounds,
                "workers": workers,
                "topics": list(TOPICS),
                "topic_count": len(TOPICS),
                "count": count,
            },
        )
        cursor.execute(f"ANALYZE {ReachEvent._meta.db_table}")  # what autovacuum does after a bulk load


def reach_events_add(count: int) -> dict[str, float]:
    """Generate `count` events, then run the roll-up timer as the task worker runs it (`core.tasks.run_timer`: the
    app's own catch-up and purge). Returns the seconds of each and the roll-up's events per second."""
    started = time.perf_counter()
    reach_events_generate(count)
    generated = time.perf_counter() - started
    started = time.perf_counter()
    tasks.run_timer.call("reach_rollup")
    rollup = time.perf_counter() - started
    return {
        "generate_seconds": round(generated, 1),
        "rollup_seconds": round(rollup, 1),
        "rollup_events_per_s": round(count / rollup),
    }


def site_facts() -> dict[str, object]:
    """What the load needs to know of the built site: paths to drive and session cookies of three officials."""
    from importlib import import_module

    from django.conf import settings
    from django.contrib.auth import login
    from django.test import RequestFactory
    from django.urls import reverse
    from wagtail.models import Page

    from lantoa.orgs.models import User

    def session_of(phone: str) -> str:
        request = RequestFactory().get("/")
        request.session = import_module(settings.SESSION_ENGINE).SessionStore()
        login(request, User.objects.get(username=phone), backend="django.contrib.auth.backends.ModelBackend")
        request.session.save()
        return f"{settings.SESSION_COOKIE_NAME}={request.session.session_key}"

    lesson = Page.objects.live().filter(depth__gte=4).order_by("pk").last()
    return {
        "lesson": lesson.url,
        "calculator": reverse("calculators:overtime"),
        "dashboard": reverse("plans:dashboard"),
        "cases": reverse("voice:case-list"),
        "report_draft": reverse("plans:report-list"),
        "monitor_cookie": session_of("0900000001"),  # Ban Tuyên giáo và Dân vận, province level
        "federation_cookie": session_of("0900000002"),  # Liên đoàn Lao động tỉnh
    }


def main() -> None:
    if sys.argv[1] == "facts":
        print(json.dumps(site_facts()))
        return
    events = int(sys.argv[1])
    scale = float(sys.argv[2]) if len(sys.argv) > 2 else 1.0
    figures: dict[str, object] = {}
    started = time.perf_counter()
    if not Enterprise.objects.filter(tax_code__startswith="58").exists():
        os.environ.setdefault("VOICE_SCRYPT_N", "2")
        enterprises = enterprises_build(int(ENTERPRISES * scale))
        activities_build(enterprises)
        reports_build()
        voice_build(int(VOICE_REPORTS * scale))
    if events:
        figures.update(reach_events_add(events))
    figures["reach_events_added"] = events
    figures["build_seconds"] = round(time.perf_counter() - started, 1)
    figures.update(
        enterprises=Enterprise.objects.count(),
        workers=sum(Enterprise.objects.values_list("worker_count", flat=True)),
        communes=OrgUnit.objects.filter(kind__in=OrgUnit.COMMUNE_KINDS).count(),
        events=Event.objects.count(),
        dialogues=Dialogue.objects.count(),
        unit_reports=UnitReport.objects.count(),
        voice_reports=Report.objects.count(),
        reach_events=ReachEvent.objects.count(),
    )
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
