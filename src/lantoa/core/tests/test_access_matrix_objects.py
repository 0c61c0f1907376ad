"""Out-of-scope reads and writes of single objects, generated from the demo province.

For every office URL that names one object (a voice case, a claim, a legal question, a plan, an activity and their
kin), each object of the demo data is opened by officials of every office role placed in units whose scope does not
reach it: the answer is 403 or 404, never the page, and nothing is written. Import rows are generated the same way:
a row naming an enterprise or a unit outside the importer's scope is refused and changes nothing.
"""

import io
import re
from collections.abc import Iterator

import pytest
from django.apps import apps
from django.db.models import Model
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from lantoa.core.tests.support import row_counts
from lantoa.legal.services import questions as question_services
from lantoa.orgs import demo as org_demo
from lantoa.orgs import imports
from lantoa.orgs import services as org_services
from lantoa.orgs.models import Enterprise, OrgUnit, Role, User
from lantoa.orgs.tests.workbooks import enterprise_row, filled_template

# The office URLs naming one object, by the route prefix before `<int:pk>`: the model whose row the pk is.
OBJECT_ROUTES = {
    "voice/office/cases/": "voice.Report",
    "office/kiem-chung/": "opinion.ClaimGroup",
    "office/kien-nghi/": "opinion.Recommendation",
    "office/legal/questions/": "legal.AdviserQuestion",
    "plans/plan/": "plans.Plan",
    "plans/reports/": "plans.UnitReport",
    "office/activities/": "activities.Event",
    "office/dialogues/": "activities.Dialogue",
}
# Objects every office reads by design, left out: the provincial plan is read by every unit carrying it out.
SHARED_BY_DESIGN = {"plans.Plan": {"parent__isnull": True}}
OFFICE_ROLES = (Role.UNION_OFFICER, Role.UNIT_ADMIN, Role.EMPLOYER, Role.LEGAL_ADVISER, Role.MONITOR, Role.PROPAGANDIST)
OBJECTS_PER_KIND = 2
# Rows an out-of-scope request may still leave: sessions and login throttling (see test_access_matrix).
BOOKKEEPING = {"sessions.Session", "axes.AccessAttempt", "axes.AccessLog", "axes.AccessFailureLog"}
_OTHER_PARAMETERS = {"action": "reply", "fmt": "xlsx", "indicator_pk": "1", "photo_pk": "1"}


def _routes(patterns: list, prefix: str = "") -> Iterator[str]:
    for entry in patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            yield from _routes(entry.url_patterns, route)
        elif isinstance(entry, URLPattern) and "<int:pk>" in route:
            yield route


def object_routes() -> dict[str, list[str]]:
    """Every resolver route with `<int:pk>` under a prefix of OBJECT_ROUTES, grouped by that prefix."""
    found: dict[str, list[str]] = {prefix: [] for prefix in OBJECT_ROUTES}
    for route in _routes(get_resolver().url_patterns):
        for prefix in OBJECT_ROUTES:
            if route.startswith(prefix):
                found[prefix].append(route)
    return found


def _filled(route: str, pk: int) -> str:
    path = route.replace("<int:pk>", str(pk))
    return "/" + re.sub(r"<(?:\w+:)?(\w+)>", lambda match: _OTHER_PARAMETERS[match.group(1)], path)


def units_of(obj: Model) -> list[OrgUnit]:
    """The units an object belongs to, as the object itself declares them; a claim belongs to the province's desk."""
    if hasattr(obj, "access_units"):
        return list(obj.access_units)
    if hasattr(obj, "access_unit"):
        return [obj.access_unit]
    from lantoa.opinion.services.claims import answering_unit

    return [answering_unit()]


def reaches(official_unit: OrgUnit, obj: Model) -> bool:
    root = official_unit.scope_root
    return any(unit.is_within(root) for unit in units_of(obj))


def demo_load() -> None:
    from lantoa.activities import demo as activity_demo
    from lantoa.opinion import demo as opinion_demo
    from lantoa.plans import demo as plan_demo
    from lantoa.voice import demo as voice_demo

    for loader in (org_demo.load, voice_demo.load, opinion_demo.load, plan_demo.load, activity_demo.load):
        loader(logins=[])
    # The demo asks no adviser questions: two workers ask from their enterprises, one with no enterprise context.
    for enterprise in Enterprise.objects.filter(unit__is_demo=True).order_by("tax_code")[:2]:
        question_services.question_ask(
            text=f"Công ty {enterprise.tax_code} trả lương chậm thì sao?", unit=enterprise.unit
        )
    question_services.question_ask(text="Nghỉ việc thì có được trả sổ bảo hiểm không?")


def home_units() -> list[OrgUnit]:
    """Units an official sits in whose scope is not the whole province: unions, enterprises, communes, zones."""
    kinds = (OrgUnit.Kind.GRASSROOTS_UNION, OrgUnit.Kind.ENTERPRISE, *OrgUnit.COMMUNE_KINDS)
    demo = OrgUnit.objects.filter(kind__in=kinds).filter(is_demo=True) | OrgUnit.objects.filter(
        name__in=["Xã Bình Hòa", "Phường Rạch Giá"]
    )
    return [unit for unit in demo.order_by("path") if unit.scope_root.parent_id is not None]


@pytest.fixture
def officials(db: None) -> dict[tuple[int, str], User]:
    """One official of each office role in each home unit (phones apart from the demo logins' 0900…)."""
    demo_load()
    made: dict[tuple[int, str], User] = {}
    for index, (unit, role) in enumerate((unit, role) for unit in home_units() for role in OFFICE_ROLES):
        person = org_services.person_with_login_create(
            full_name="Cán bộ Ngoài Phạm Vi", phone=f"0988{index:06d}", password="mat-khau-thu", unit=unit, role=role
        )
        assert person.user is not None
        made[(unit.pk, role)] = person.user
    return made


def test_every_object_route_is_covered_by_the_matrix() -> None:
    routes = object_routes()
    assert all(routes.values()), routes
    assert sum(len(found) for found in routes.values()) >= 20


def test_no_official_opens_or_changes_an_object_outside_their_scope(
    client: Client, officials: dict[tuple[int, str], User]
) -> None:
    units = {unit.pk: unit for unit in OrgUnit.objects.filter(pk__in={pk for pk, _role in officials})}
    checked: dict[str, int] = {}
    opened: list[tuple[str, str, int]] = []
    for prefix, routes in object_routes().items():
        model = apps.get_model(OBJECT_ROUTES[prefix])
        shared = SHARED_BY_DESIGN.get(OBJECT_ROUTES[prefix])
        rows = model.objects.exclude(**shared) if shared else model.objects.all()
        objects = list(rows.order_by("pk")[:OBJECTS_PER_KIND])
        assert objects, f"the demo has no {model.__name__}"
        for obj in objects:
            outside = [unit for unit in units.values() if not reaches(unit, obj)]
            assert outside, f"every demo unit reaches {model.__name__} {obj.pk}"
            for role in OFFICE_ROLES:
                client.force_login(officials[(outside[obj.pk % len(outside)].pk, role)])
                before = row_counts()
                for route in routes:
                    path = _filled(route, obj.pk)
                    status = client.get(path).status_code
                    if status == 405:
                        status = client.post(path, {}).status_code
                    if status not in (403, 404):
                        opened.append((role, path, status))
                    checked[prefix] = checked.get(prefix, 0) + 1
                changed = {label for label, count in row_counts().items() if count != before[label]} - BOOKKEEPING
                assert not changed, (role, prefix, obj.pk, changed)
    assert not opened, "\n".join(map(str, opened))
    assert set(checked) == set(OBJECT_ROUTES)


def test_no_import_row_reaches_an_enterprise_or_unit_outside_the_importers_scope(
    officials: dict[tuple[int, str], User],
) -> None:
    enterprises = list(Enterprise.objects.filter(unit__is_demo=True).select_related("unit", "commune"))
    unions = list(OrgUnit.objects.filter(kind=OrgUnit.Kind.GRASSROOTS_UNION, is_demo=True).select_related("parent"))
    # One importer per home unit, the two roles that may import taking turns (each import costs a workbook).
    importing = (Role.UNION_OFFICER, Role.UNIT_ADMIN)
    home_pks = sorted({unit_pk for unit_pk, _role in officials})
    importers = [(pk, officials[(pk, importing[index % 2])]) for index, pk in enumerate(home_pks)]
    units = {unit.pk: unit for unit in OrgUnit.objects.filter(pk__in={pk for pk, _official in importers})}
    tried = 0
    for unit_pk, official in importers:
        home = units[unit_pk]
        foreign = [enterprise for enterprise in enterprises if not enterprise.unit.is_within(home.scope_root)]
        foreign_unions = [union for union in unions if not union.is_within(home.scope_root)]
        if not foreign and not foreign_unions:
            continue
        enterprise_rows = [
            enterprise_row(enterprise.tax_code, "Công ty Đã Bị Chiếm", commune=enterprise.commune.name)
            for enterprise in foreign
        ]
        unit_rows = [
            [union.code, "Công đoàn Đã Bị Chiếm", "Công đoàn cơ sở", home.code, ""] for union in foreign_unions
        ]
        before = row_counts()
        data = filled_template(enterprises=enterprise_rows, units=unit_rows)
        result = imports.workbook_import(stream=io.BytesIO(data), user=official)
        problems = [str(problem) for problem in result.problems]
        assert not result.ok
        for number in range(2, len(enterprise_rows) + 2):
            assert any(f"Doanh nghiệp – dòng {number}," in problem for problem in problems), (home.code, number)
        for number in range(2, len(unit_rows) + 2):
            assert any(f"Đơn vị – dòng {number}," in problem for problem in problems), (home.code, number)
        assert {label for label, count in row_counts().items() if count != before[label]} <= BOOKKEEPING
        tried += len(enterprise_rows) + len(unit_rows)
    assert not OrgUnit.objects.filter(name__endswith="Đã Bị Chiếm").exists()
    assert tried > 10
