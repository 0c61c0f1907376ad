"""Every operation of the OpenAPI schema, sent valid-looking and hostile inputs: never a 5xx, only documented codes.

A bounded stand-in for a schemathesis run: bodies and query strings are generated from each operation's schema
(a well-typed value per field, then wrong types, empties, oversized and injection strings).
"""

import json

import pytest
from django.test import Client

HOSTILE_STRINGS = [
    "",
    " ",
    "=cmd|' /C calc'!A0",
    "<script>alert(1)</script>",
    "'; DROP TABLE x; --",
    "x" * 20_000,
    "\x00",
]


def _resolve(schema: dict, node: dict) -> dict:
    while "$ref" in node:
        node = schema["components"]["schemas"][node["$ref"].rsplit("/", 1)[-1]]
    if "anyOf" in node:
        return _resolve(schema, next(item for item in node["anyOf"] if item.get("type") != "null"))
    return node


def _typed(schema: dict, node: dict) -> object:
    node = _resolve(schema, node)
    kind = node.get("type")
    if kind == "object":
        return {name: _typed(schema, field) for name, field in node.get("properties", {}).items()}
    if kind == "array":
        return [_typed(schema, node.get("items", {}))]
    return {"integer": 1, "number": 1.5, "boolean": True}.get(
        kind or "", "2026-01-15" if node.get("format") == "date" else "x"
    )


def _bodies(schema: dict, node: dict) -> list[object]:
    valid = _typed(schema, node)
    bodies: list[object] = [valid, {}, [], "chuỗi", None, 12]
    if isinstance(valid, dict):
        for name in valid:
            bodies += [{**valid, name: hostile} for hostile in HOSTILE_STRINGS[2:5]]
            bodies += [{**valid, name: [1, 2]}, {**valid, name: {"a": 1}}, {**valid, name: -(10**30)}]
        bodies += [{**valid, name: HOSTILE_STRINGS[5]} for name in valid]
    return bodies


def _queries(schema: dict, parameters: list[dict]) -> list[dict]:
    valid = {item["name"]: _typed(schema, item.get("schema", {})) for item in parameters}
    queries = [valid, {}]
    for name in valid:
        queries += [{**valid, name: hostile} for hostile in HOSTILE_STRINGS]
        queries += [{**valid, name: "-1"}, {**valid, name: "9" * 40}, {**valid, name: "31/02/2026"}]
    return queries


def operations(client: Client) -> tuple[dict, list[tuple[str, str, dict]]]:
    schema = client.get("/api/v1/openapi.json").json()
    found = []
    for path, methods in schema["paths"].items():
        for method, operation in methods.items():
            found.append((method, path, operation))
    return schema, found


@pytest.mark.django_db
def test_every_api_operation_answers_hostile_input_without_5xx_and_with_a_documented_status(
    client, labour_federation, settings
):
    settings.RATE_LIMITS = {"report": (10**6, 600), "follow": (10**6, 600), "claim": (10**6, 600)}
    schema, found = operations(client)
    assert len(found) >= 15
    checked = 0
    for method, path, operation in found:
        documented = {int(code) for code in operation["responses"]}
        content = operation.get("requestBody", {}).get("content", {})
        attempts: list[tuple[str, dict[str, object]]]
        if method == "get":
            attempts = [("get", {"data": query}) for query in _queries(schema, operation.get("parameters", []))]
        elif "application/json" in content:
            node = content["application/json"]["schema"]
            attempts = [
                ("post", {"data": json.dumps(body), "content_type": "application/json"})
                for body in _bodies(schema, node)
            ]
            attempts.append(("post", {"data": "{not json", "content_type": "application/json"}))
        else:
            node = content["multipart/form-data"]["schema"]
            forms = [body for body in _bodies(schema, node) if isinstance(body, dict)]
            attempts = [("post", {"data": {k: str(v) for k, v in form.items() if v is not None}}) for form in forms]
        for verb, kwargs in attempts:
            response = getattr(client, verb)(path, **kwargs)
            assert response.status_code < 500, (method, path, kwargs, response.status_code)
            assert response.status_code in documented, (method, path, kwargs, response.status_code, documented)
            if response.status_code >= 400:
                assert response.json()["detail"], (path, response.content)
            checked += 1
    assert checked > 250


def test_every_operation_documents_its_input_errors(client, db):
    _schema, found = operations(client)
    for method, path, operation in found:
        if operation.get("parameters") or operation.get("requestBody"):
            assert "422" in operation["responses"], (method, path)
        assert "500" not in operation["responses"]
