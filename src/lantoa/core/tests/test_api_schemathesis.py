"""Every operation of `/api/v1/openapi.json`, tested by schemathesis against the WSGI application the servers run.

Schemathesis sends the schema's examples, its coverage cases (boundaries, missing and wrong-typed fields, unexpected
methods) and a fixed number of generated requests, with a fixed seed, to each operation, anonymously and with an
official's session (plus the enterprise cookie a worker's QR scan leaves), on a database holding what the demo shows:
report categories, enterprises, the law library, a report with a reply, a rumour claim with its published answer.
Each response must be no 5xx, carry a documented status code and content type, and match its documented schema.
Receipts cannot be guessed, so the operations that take one are also sent the real ones. Generated strings stay short,
so every string parameter and body field of every operation is also sent 20,000 characters, one field at a time.
"""

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import hypothesis
import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.test import Client
from hypothesis import HealthCheck
from ninja import Schema
from pytest_django.fixtures import Settings

from lantoa.config.wsgi import application
from lantoa.legal import search
from lantoa.legal.models import Provision
from lantoa.legal.tests.factories import import_library
from lantoa.opinion.models import ClaimGroup, Clarification
from lantoa.opinion.services import claims as claim_services
from lantoa.orgs.middleware import WORKER_CONTEXT_COOKIE
from lantoa.orgs.models import Enterprise, OrgUnit, Role, User
from lantoa.voice.services import cases as case_services
from lantoa.voice.services import reports as report_services

SEED = 20260115
EXAMPLES = (
    15  # generated requests per operation (each sent as every persona), on top of the examples and coverage cases
)
CHECKS = [
    schemathesis.checks.not_a_server_error,
    schemathesis.checks.status_code_conformance,
    schemathesis.checks.content_type_conformance,
    schemathesis.checks.response_schema_conformance,
    schemathesis.checks.response_headers_conformance,
]
# The test client decodes no gzip (GZipMiddleware compresses for any client that accepts it).
HEADERS = {"Accept-Encoding": "identity"}

schema = schemathesis.openapi.from_wsgi(
    "/api/v1/openapi.json", application, config=schemathesis.config.SchemathesisConfig(seed=SEED)
)


@pytest.fixture
def demo_like(
    settings: Settings,
    tmp_path: Path,
    labour_federation: OrgUnit,
    enterprise_a: Enterprise,
    make_official: Callable[..., User],
) -> dict[str, str]:
    """What the demo holds that the API reads; returns the receipts and the persona's cookies are built from."""
    settings.RATE_LIMITS = {"report": (10**6, 600), "follow": (10**6, 600), "claim": (10**6, 600)}
    settings.VAR_DIR = tmp_path
    import_library()
    search.index_build()
    officer = make_official(unit=labour_federation, role=Role.UNION_OFFICER, name="Cán bộ LĐLĐ")
    report = report_services.report_submit(
        category="luong-cham-thieu", text="Lương tháng 10 trả chậm hai tuần.", enterprise=enterprise_a
    )
    case_services.case_reply(report=report.report, user=officer, text="Công đoàn đã làm việc với công ty.")
    claim = claim_services.claim_submit(text="Nghe nói từ năm 2026 không được rút BHXH một lần nữa", link="")
    claim_services.clarification_publish(
        user=make_official(unit=labour_federation, role=Role.MONITOR),
        group=ClaimGroup.objects.get(),
        claim="Từ 2026 không được rút BHXH một lần",
        verdict=Clarification.Verdict.PARTLY,
        truth="Người tham gia BHXH trước 01/7/2025 vẫn được rút một lần khi đủ điều kiện.",
        provisions=[Provision.objects.get(document__number="41/2024/QH15", kind=Provision.Kind.ARTICLE, number="1")],
    )
    browser = Client()
    browser.force_login(officer)
    return {
        "report": report.receipt.code,
        "claim": claim.receipt.code,
        "session": browser.cookies[settings.SESSION_COOKIE_NAME].value,
        "enterprise": enterprise_a.public_code,
    }


@pytest.fixture
def personas(demo_like: dict[str, str], settings: Settings) -> list[dict[str, str]]:
    """The cookies each request is sent with in turn: none, then an official's session and a worker's enterprise."""
    return [{}, {settings.SESSION_COOKIE_NAME: demo_like["session"], WORKER_CONTEXT_COOKIE: demo_like["enterprise"]}]


@pytest.fixture
def connection_kept() -> Iterator[None]:
    """The WSGI handler closes the database connection after each request, which would end the test's
    transaction; Django's test client keeps it the same way."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@schema.parametrize()
@hypothesis.settings(
    max_examples=EXAMPLES,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.filter_too_much],
)
def test_every_operation_conforms_to_its_schema(
    case: schemathesis.Case, personas: list[dict[str, str]], connection_kept: None
) -> None:
    for cookies in personas:
        case.call_and_validate(headers=HEADERS, cookies=cookies, checks=CHECKS)


KNOWN_INPUTS: list[tuple[str, str, Callable[[dict[str, str]], dict]]] = [
    ("POST", "/api/v1/voice/reports/lookup", lambda known: {"body": {"receipt": known["report"]}}),
    (
        "POST",
        "/api/v1/voice/reports/messages",
        lambda known: {"body": {"receipt": known["report"], "text": "Em cảm ơn."}},
    ),
    ("POST", "/api/v1/claims/status", lambda known: {"body": {"receipt": known["claim"]}}),
    ("GET", "/api/v1/claims/{receipt}", lambda known: {"path_parameters": {"receipt": known["claim"]}}),
    (
        "GET",
        "/api/v1/legal/search",
        lambda known: {"query": {"q": "công ty bắt tăng ca 5 tiếng mỗi ngày", "on": "2026-01-05"}},
    ),
]


@pytest.mark.parametrize(("method", "path", "inputs"), KNOWN_INPUTS, ids=[path for _m, path, _i in KNOWN_INPUTS])
def test_operations_answer_real_receipts_and_questions_as_documented(
    method: str,
    path: str,
    inputs: Callable,
    demo_like: dict[str, str],
    personas: list[dict[str, str]],
    connection_kept: None,
) -> None:
    for cookies in personas:
        case = schema[path][method].Case(**inputs(demo_like))
        response = case.call_and_validate(headers=HEADERS, cookies=cookies, checks=CHECKS)
        assert response.status_code in (200, 201), response.text
        assert response.json()


LONG_TEXT = ("Lương tháng 10 trả chậm hai tuần, " * 700)[:20_000]


def _resolved(spec: dict[str, Any]) -> dict[str, Any]:
    """A field's schema with `$ref` followed and an optional `anyOf [X, null]` read as X."""
    if "$ref" in spec:
        spec = schema.raw_schema["components"]["schemas"][spec["$ref"].rsplit("/", 1)[-1]]
    choices = [choice for choice in spec.get("anyOf", []) if choice.get("type") != "null"]
    return _resolved(choices[0]) if choices else spec


def _plain_value(spec: dict[str, Any]) -> Any:
    """A short value of the field's documented shape."""
    spec = _resolved(spec)
    for key in ("example", "default"):
        if key in spec:
            return spec[key]
    if "enum" in spec:
        return spec["enum"][-1]
    kind = spec.get("type")
    if kind == "object":
        return {name: _plain_value(spec["properties"][name]) for name in spec.get("required", [])}
    if kind == "string":
        return "2026-01-05" if spec.get("format") == "date" else "Công ty trả lương chậm."
    return {"boolean": False, "array": []}.get(str(kind), spec.get("minimum", 1))


def _is_text(spec: dict[str, Any]) -> bool:
    return _resolved(spec).get("type") == "string" and _resolved(spec).get("format") != "binary"


def _long_string_cases(known: dict[str, dict[str, str]]) -> Iterator[tuple[str, str, str, schemathesis.Case]]:
    """Per operation, a plain request (field ``""``), then one per string field with that field long and the rest
    plain; `known` holds the real values (a receipt, a category) an operation's plain request needs, in its body or
    its path."""
    for path, methods in schema.raw_schema["paths"].items():
        for method, operation in methods.items():
            params = operation.get("parameters", [])
            plain = {
                where: {
                    item["name"]: known.get(path, {}).get(item["name"], _plain_value(item["schema"]))
                    for item in params
                    if item.get("required") and item["in"] == where
                }
                for where in ("query", "path")
            }
            if "requestBody" not in operation:
                yield method, path, "", schema[path][method].Case(query=plain["query"], path_parameters=plain["path"])
            for item in params:
                if _is_text(item["schema"]):
                    inputs = {where: dict(values) for where, values in plain.items()}
                    inputs[item["in"]][item["name"]] = LONG_TEXT
                    case = schema[path][method].Case(query=inputs["query"], path_parameters=inputs["path"])
                    yield method, path, item["name"], case
            for media_type, content in operation.get("requestBody", {}).get("content", {}).items():
                fields = _resolved(content["schema"])["properties"]
                body = {**_plain_value(content["schema"]), **known.get(path, {})}
                yield method, path, "", schema[path][method].Case(body=body, media_type=media_type)
                for name in filter(lambda name: _is_text(fields[name]), fields):
                    long_body = {**body, name: LONG_TEXT}
                    yield method, path, name, schema[path][method].Case(body=long_body, media_type=media_type)


def test_every_string_field_of_every_operation_survives_twenty_thousand_characters(
    demo_like: dict[str, str], personas: list[dict[str, str]], connection_kept: None
) -> None:
    report = {"category": "luong-cham-thieu"}
    known = {
        "/api/v1/voice/reports": report,
        "/api/v1/voice/reports/with-photos": report,
        "/api/v1/voice/reports/lookup": {"receipt": demo_like["report"]},
        "/api/v1/voice/reports/messages": {"receipt": demo_like["report"]},
        "/api/v1/claims/status": {"receipt": demo_like["claim"]},
        "/api/v1/claims/{receipt}": {"receipt": demo_like["claim"]},
    }
    plain_refused, long_fields = [], set()
    for method, path, field, case in _long_string_cases(known):
        for cookies in personas:
            response = case.call_and_validate(headers=HEADERS, cookies=cookies, checks=CHECKS)
            if not field and response.status_code >= 400 and not path.startswith("/api/v1/calculators/"):
                plain_refused.append((method, path, response.status_code))
            long_fields.add((path, field))
    # A service stops at the first bad field, so its plain request must pass for a long field to be read at all; a
    # calculator is a Django form, which cleans every field even when another is missing.
    assert plain_refused == [], plain_refused
    assert {("/api/v1/legal/search", "q"), ("/api/v1/voice/reports", "text"), ("/api/v1/claims", "link")} <= long_fields
    assert len(long_fields) >= 80


def test_every_operation_documents_its_input_errors_and_no_server_error() -> None:
    operations = [
        (path, method, item) for path, methods in schema.raw_schema["paths"].items() for method, item in methods.items()
    ]
    assert len(operations) >= 15
    for path, method, operation in operations:
        if operation.get("parameters") or operation.get("requestBody"):
            assert "422" in operation["responses"], (method, path)
        assert not any(code.startswith("5") for code in operation["responses"]), (method, path)


def test_no_two_api_schemas_share_a_name_with_different_fields() -> None:
    """The OpenAPI components are keyed by class name: a second class of the same name silently replaces the first,
    and the operations using the first are then documented with the wrong fields."""
    found: dict[str, dict] = {}
    pending = list(Schema.__subclasses__())
    while pending:
        model = pending.pop()
        pending += model.__subclasses__()
        if not model.__module__.startswith("lantoa."):
            continue
        shape = model.model_json_schema()
        assert found.setdefault(model.__name__, shape) == shape, (model.__module__, model.__name__)
    assert {"ResultOut", "ReportOut", "SearchOut", "ClaimStatusOut"} <= set(found)
