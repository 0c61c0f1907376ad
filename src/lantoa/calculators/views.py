"""Worker pages of the labour calculators: a GET form, the figures in force, a pure rule, the result."""

import dataclasses
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from django import forms as django_forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from lantoa.calculators import benefit_forms, forms, selectors
from lantoa.calculators.rules import (
    insurance,
    leave,
    lump_sum,
    maternity,
    overtime,
    recovery,
    severance,
    sickness,
    unemployment,
    wages,
)
from lantoa.calculators.rules.base import Result
from lantoa.orgs.middleware import WorkerHttpRequest

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

InputT = TypeVar("InputT", bound="DataclassInstance")


def _region(data: dict[str, Any], request: WorkerHttpRequest, on: Any) -> selectors.RegionChoice:
    enterprise = request.worker_enterprise or None
    return selectors.region_resolve(
        on=on, commune=data.get("commune"), region=data.get("region"), enterprise=enterprise
    )


def _with_region(result: Result, choice: selectors.RegionChoice) -> Result:
    result.notes.insert(0, choice.reason)
    if choice.citation:
        result.cite(choice.citation)
    return result


def _rule_input(input_class: type[InputT], data: dict[str, Any], **given: Any) -> InputT:
    """A rule's input from a form's cleaned data: each field from the form field of the same name (a `…_vnd` field
    from the name without the suffix), but for the fields `given` here."""
    values = {f.name: data[f.name.removesuffix("_vnd")] for f in dataclasses.fields(input_class) if f.name not in given}
    return input_class(**values, **given)


def _minimum_wage(data: dict, *, book: Any, request: WorkerHttpRequest) -> Result:
    choice = _region(data, request, data["on"])
    result = wages.minimum_wage_check(
        book=book,
        on=data["on"],
        region=choice.region,
        wage_vnd=data["wage"],
        basis=data["basis"],
        hired_on=data["hired_on"],
        region_2025=data["region_2025"],
        normal_days=data["normal_days"],
    )
    return _with_region(result, choice)


def _arrears(data: dict, *, book: Any, request: WorkerHttpRequest) -> Result:
    choice = _region(data, request, data["end"])
    result = wages.wage_arrears(
        book=book,
        region=choice.region,
        start=data["start"],
        end=data["end"],
        wage_vnd=data["wage"],
        hired_on=data["hired_on"],
        region_2025=data["region_2025"],
    )
    return _with_region(result, choice)


def _overtime(data: dict, *, book: Any, request: WorkerHttpRequest) -> Result:
    return overtime.overtime_pay(book=book, data=_rule_input(overtime.OvertimeInput, data))


def _leave(data: dict, *, book: Any, request: WorkerHttpRequest) -> Result:
    return leave.annual_leave(book=book, data=_rule_input(leave.LeaveInput, data))


def _severance(data: dict, *, book: Any, request: WorkerHttpRequest) -> Result:
    return severance.allowance(book=book, data=_rule_input(severance.SeveranceInput, data))


def _insurance(data: dict, *, book: Any, request: WorkerHttpRequest) -> Result:
    end = data["end"]
    choice = _region(data, request, end or data["start"])
    if end and end != data["start"]:
        result = insurance.insurance_over_period(
            book=book, start=data["start"], end=end, region=choice.region, salary_vnd=data["salary"]
        )
    else:
        result = insurance.insurance_contributions(
            book=book, on=data["start"], region=choice.region, salary_vnd=data["salary"]
        )
    return _with_region(result, choice)


def _unemployment(data: dict, *, book: Any, request: WorkerHttpRequest) -> Result:
    choice = _region(data, request, data["job_ended_on"])
    benefit_input = _rule_input(unemployment.UnemploymentInput, data, region=choice.region)
    return _with_region(unemployment.unemployment_benefit(book=book, data=benefit_input), choice)


def _lump_sum(data: dict, *, book: Any, request: WorkerHttpRequest) -> Result:
    return lump_sum.lump_sum(book=book, data=_rule_input(lump_sum.LumpSumInput, data))


def _sickness(data: dict, *, book: Any, request: WorkerHttpRequest) -> Result:
    return sickness.sickness_benefit(data=_rule_input(sickness.SicknessInput, data))


def _maternity(data: dict, *, book: Any, request: WorkerHttpRequest) -> Result:
    return maternity.maternity_benefit(book=book, data=_rule_input(maternity.MaternityInput, data))


def _recovery(data: dict, *, book: Any, request: WorkerHttpRequest) -> Result:
    return recovery.recovery_benefit(book=book, data=_rule_input(recovery.RecoveryInput, data))


# Name → (form, rule) of each calculator: the pages below and the JSON API (api.py) share them.
CALCULATORS: dict[str, tuple[type[django_forms.Form], Callable[..., Result]]] = {
    "minimum-wage": (forms.MinimumWageForm, _minimum_wage),
    "arrears": (forms.ArrearsForm, _arrears),
    "overtime": (forms.OvertimeForm, _overtime),
    "leave": (forms.LeaveForm, _leave),
    "severance": (forms.SeveranceForm, _severance),
    "insurance": (forms.InsuranceForm, _insurance),
    "unemployment-benefit": (forms.UnemploymentForm, _unemployment),
    "lump-sum": (benefit_forms.LumpSumForm, _lump_sum),
    "sickness": (benefit_forms.SicknessForm, _sickness),
    "maternity": (benefit_forms.MaternityForm, _maternity),
    "recovery": (benefit_forms.RecoveryForm, _recovery),
}


@require_GET
def index(request: HttpRequest) -> HttpResponse:
    return render(request, "calculators/index.html")


def _calculator_page(name: str, template: str) -> Callable[[WorkerHttpRequest], HttpResponse]:
    """The worker page of one calculator: its form, and the result of its rule on the figures in force."""
    form_class, compute = CALCULATORS[name]

    @require_GET
    def page(request: WorkerHttpRequest) -> HttpResponse:
        form = form_class(request.GET or None)
        result = None
        if form.is_bound and form.is_valid():
            try:
                result = compute(form.cleaned_data, book=selectors.parameter_book(), request=request)
            except ValidationError as error:
                form.add_error(None, error)
        articles = selectors.articles_for_calculator(name=name)
        return render(request, template, {"form": form, "result": result, "articles": articles})

    return page


minimum_wage = _calculator_page("minimum-wage", "calculators/minimum_wage.html")
arrears = _calculator_page("arrears", "calculators/arrears.html")
overtime_view = _calculator_page("overtime", "calculators/overtime.html")
leave_view = _calculator_page("leave", "calculators/leave.html")
severance_view = _calculator_page("severance", "calculators/severance.html")
insurance_view = _calculator_page("insurance", "calculators/insurance.html")
unemployment_view = _calculator_page("unemployment-benefit", "calculators/unemployment.html")
lump_sum_view = _calculator_page("lump-sum", "calculators/lump_sum.html")
sickness_view = _calculator_page("sickness", "calculators/sickness.html")
maternity_view = _calculator_page("maternity", "calculators/maternity.html")
recovery_view = _calculator_page("recovery", "calculators/recovery.html")


@login_required
@require_GET
def parameter_list(request: HttpRequest) -> HttpResponse:
    parameters = selectors.parameter_list_for_user(user=request.user)
    return render(request, "calculators/parameter_list.html", {"parameters": parameters})
