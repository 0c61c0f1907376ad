"""JSON API of the calculators, `GET /api/v1/calculators/<name>`: the same forms and rules as the pages.

Query parameters are the page's form fields; dates may be YYYY-MM-DD (months YYYY-MM) and a region I–IV or 1–4.
"""

import datetime as dt
from collections.abc import Callable
from typing import cast

from django import forms
from django.core.exceptions import ValidationError
from django.http import HttpRequest, QueryDict
from django.utils.translation import gettext as _
from ninja import Router, Schema, Status

from lantoa.calculators import forms as calculator_forms
from lantoa.calculators import selectors
from lantoa.calculators.rules import unemployment
from lantoa.calculators.rules.base import Result
from lantoa.calculators.views import CALCULATORS
from lantoa.core.dates import ApiDate
from lantoa.orgs.middleware import WorkerHttpRequest

router = Router(tags=["calculators"])
ROMAN_REGIONS = {"I": "1", "II": "2", "III": "3", "IV": "4"}


class LineOut(Schema):
    label: str
    formula: str
    amount: int | float | None
    unit: str
    is_total: bool


class SourceOut(Schema):
    document: str
    article: str
    valid_from: dt.date
    valid_to: dt.date | None
    url: str
    needs_confirmation: bool


class ResultOut(Schema):
    title: str
    on: dt.date
    verdict: str
    lines: list[LineOut]
    warnings: list[str]
    notes: list[str]
    citations: list[str]
    sources: list[SourceOut]
    needs_confirmation: bool


class UnemploymentOut(ResultOut):
    monthly_benefit: int
    benefit_months: int


class CalculatorErrorOut(Schema):
    detail: str
    code: str


def _result_out(request: HttpRequest, result: Result) -> dict:
    return {
        "title": str(result.title),
        "on": result.on,
        "verdict": str(result.verdict),
        "lines": [
            {
                "label": str(line.label),
                "formula": str(line.formula),
                "amount": None
                if line.amount is None
                else (int(line.amount) if line.unit == "vnd" else float(line.amount)),
                "unit": line.unit,
                "is_total": line.is_total,
            }
            for line in result.lines
        ],
        "warnings": [str(text) for text in result.warnings],
        "notes": [str(text) for text in result.notes],
        "citations": [f"{c.document}, {c.article}" for c in result.citations],
        "sources": [
            {
                "document": str(c.document),
                "article": str(c.article),
                "valid_from": c.valid_from,
                "valid_to": c.valid_to,
                "url": request.build_absolute_uri(c.path) if c.path else "",
                "needs_confirmation": c.needs_confirmation,
            }
            for c in result.citations
        ],
        "needs_confirmation": result.needs_confirmation,
    }


def _field_schema(name: str, field: forms.Field) -> dict:
    """What one field of a calculator's page form accepts in the query string, as a JSON schema."""
    if isinstance(field, forms.BooleanField):
        return {"type": "boolean"}
    if isinstance(field, forms.IntegerField):
        bounds = {"minimum": field.min_value, "maximum": field.max_value}
        return {"type": "integer", **{key: value for key, value in bounds.items() if value is not None}}
    if isinstance(field, calculator_forms.MonthField):
        return {"type": "string", "pattern": r"^[0-9]{4}-(0[1-9]|1[0-2])$", "example": "2026-01"}
    if isinstance(field, forms.DateField):
        return {"type": "string", "format": "date"}
    if isinstance(field, forms.ModelChoiceField):
        return {"type": "string", "description": _("Mã xã, phường, đặc khu")}
    if isinstance(field, forms.ChoiceField):
        # The field has normalised its choices to (value, label) pairs; the stubs still allow the other forms.
        values = [str(value) for value, _label in cast(list[tuple[object, object]], field.choices)]
        return {"type": "string", "enum": values + list(ROMAN_REGIONS) if name == "region" else values}
    if isinstance(field, calculator_forms.MoneyField):
        return {"type": "string", "pattern": r"^[0-9][0-9.]*$", "example": "5310000"}
    if isinstance(field, calculator_forms.MoneyListField):
        return {"type": "string", "example": "7000000;7500000"}
    if isinstance(field, calculator_forms.NumberField):
        return {"type": "string", "example": "2,5"}
    return {"type": "string"}


def _query_parameters(form_class: type[forms.Form]) -> list[dict]:
    """The page form's fields as the operation's documented query parameters."""
    return [
        {"name": name, "in": "query", "required": field.required, "schema": _field_schema(name, field)}
        for name, field in form_class.base_fields.items()
    ]


def _compute(request: WorkerHttpRequest, name: str) -> Status | Result:
    form_class, compute = CALCULATORS[name]
    query = QueryDict(mutable=True)
    query.update(request.GET)
    region = request.GET.get("region", "")
    if region.upper() in ROMAN_REGIONS:
        query["region"] = ROMAN_REGIONS[region.upper()]
    form = form_class(query)
    if not form.is_valid():
        errors = form.errors.get_json_data()
        detail = "; ".join(
            f"{field}: {error['message']}" if field != "__all__" else error["message"]
            for field, items in errors.items()
            for error in items
        )
        return Status(422, {"detail": detail, "code": "invalid_input"})
    try:
        return compute(form.cleaned_data, book=selectors.parameter_book(), request=request)
    except ValidationError as error:
        return Status(422, {"detail": " ".join(error.messages), "code": getattr(error, "code", "") or "invalid_input"})


def _endpoint(name: str) -> Callable[[WorkerHttpRequest], Status]:
    def calculate(request: WorkerHttpRequest) -> Status:
        outcome = _compute(request, name)
        if isinstance(outcome, Status):
            return outcome
        return Status(200, _result_out(request, outcome))

    calculate.__name__ = f"calculate_{name.replace('-', '_')}"
    return calculate


for _name, (_form, _rule) in CALCULATORS.items():
    if _name == "unemployment-benefit":
        continue
    _fields = ", ".join(_form.base_fields)
    router.get(
        f"/{_name}",
        response={200: ResultOut, 422: CalculatorErrorOut},
        summary=str(selectors.CALCULATOR_LABELS[_name]),
        description=_("Tham số (như biểu mẫu trên trang): %(fields)s.") % {"fields": _fields},
        operation_id=f"calculators_{_name.replace('-', '_')}",
        openapi_extra={"parameters": _query_parameters(_form)},
    )(_endpoint(_name))


@router.get(
    "/unemployment-benefit",
    response={200: UnemploymentOut, 422: CalculatorErrorOut},
    summary=str(selectors.CALCULATOR_LABELS["unemployment-benefit"]),
    operation_id="calculators_unemployment_benefit",
)
def unemployment_benefit(
    request: WorkerHttpRequest,
    job_ended_on: ApiDate,
    contribution_months: int,
    average_wage: int,
    region: str,
    filed_on: ApiDate | None = None,
) -> Status:
    """Monthly amount, months and first day of the unemployment benefit (Luật Việc làm 74/2025 Điều 39, 38/2013 Điều 50)."""
    if region.upper() not in ROMAN_REGIONS and region not in ROMAN_REGIONS.values():
        return Status(422, {"detail": _("Vùng phải là I, II, III hoặc IV."), "code": "region_invalid"})
    outcome = _compute(request, "unemployment-benefit")
    if isinstance(outcome, Status):
        return outcome
    body = _result_out(request, outcome)
    monthly = next((line.amount for line in outcome.lines if line.label == _("Trợ cấp thất nghiệp mỗi tháng")), 0)
    body["benefit_months"] = unemployment.benefit_months(contribution_months)
    body["monthly_benefit"] = int(monthly or 0)
    return Status(200, body)
