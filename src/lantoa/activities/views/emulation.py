from collections.abc import Callable

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.forms import Form
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from lantoa.activities.forms.emulation import GoodModelForm, InitiativeEvaluationForm, InitiativeForm, NominationForm
from lantoa.activities.selectors import MANAGE_EMULATION, VIEW_ACTIONS, action_units_for_user
from lantoa.activities.selectors import emulation as selectors
from lantoa.activities.services import emulation as services
from lantoa.activities.views import form_error, require
from lantoa.orgs import access
from lantoa.orgs.selectors import enterprise_list_for_user

MANAGE = MANAGE_EMULATION


@login_required
@require_GET
def emulation(request: HttpRequest) -> HttpResponse:
    require(request.user, *VIEW_ACTIONS, MANAGE)
    context = {
        "nominations": selectors.nomination_list_for_user(user=request.user)[:100],
        "initiatives": selectors.initiative_list_for_user(user=request.user)[:100],
        "models": selectors.good_model_list_for_user(user=request.user)[:100],
        "can_manage": access.can(request.user, MANAGE),
        "evaluation_form": InitiativeEvaluationForm(),
    }
    return render(request, "activities/emulation.html", context)


def _simple_new(request: HttpRequest, form: Form, title: str, save: Callable[..., object]) -> HttpResponse:
    if form.is_valid():
        try:
            save(**form.cleaned_data)
        except ValidationError as error:
            form_error(form, error)
        else:
            messages.success(request, _("Đã lưu."))
            return redirect("activities:emulation")
    return render(request, "activities/simple_form.html", {"form": form, "title": title})


@login_required
@require_http_methods(["GET", "POST"])
def nomination_new(request: HttpRequest) -> HttpResponse:
    require(request.user, MANAGE)
    form = NominationForm(
        request.POST or None, units=action_units_for_user(request.user, MANAGE), initial={"year": timezone.now().year}
    )
    return _simple_new(
        request, form, _("Đề nghị danh hiệu Lao động giỏi, Lao động sáng tạo"), services.nomination_propose
    )


@login_required
@require_POST
def nomination_decide(request: HttpRequest, pk: int) -> HttpResponse:
    nomination = selectors.nomination_get_for_user(user=request.user, pk=pk, action=MANAGE)
    try:
        services.nomination_decide(nomination=nomination, approved=request.POST.get("approved") == "1")
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("activities:emulation")


@login_required
@require_http_methods(["GET", "POST"])
def initiative_new(request: HttpRequest) -> HttpResponse:
    require(request.user, MANAGE)
    enterprises = enterprise_list_for_user(user=request.user, action=MANAGE)
    form = InitiativeForm(request.POST or None, enterprises=enterprises, initial={"submitted_on": timezone.localdate()})
    return _simple_new(request, form, _("Ghi nhận sáng kiến"), services.initiative_submit)


@login_required
@require_POST
def initiative_evaluate(request: HttpRequest, pk: int) -> HttpResponse:
    initiative = selectors.initiative_get_for_user(user=request.user, pk=pk, action=MANAGE)
    form = InitiativeEvaluationForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError(_("Điểm đánh giá từ 0 đến 100."), code="score_range")
        services.initiative_evaluate(initiative=initiative, **form.cleaned_data)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("activities:emulation")


@login_required
@require_http_methods(["GET", "POST"])
def good_model_new(request: HttpRequest) -> HttpResponse:
    require(request.user, MANAGE)
    form = GoodModelForm(request.POST or None, units=action_units_for_user(request.user, MANAGE))
    return _simple_new(request, form, _("Giới thiệu mô hình hay, cách làm hiệu quả"), services.good_model_save)


@login_required
@require_POST
def good_model_publish(request: HttpRequest, pk: int) -> HttpResponse:
    model = selectors.good_model_get_for_user(user=request.user, pk=pk, action=MANAGE)
    services.good_model_publish(model=model)
    return redirect("activities:emulation")


@require_GET
def showcase(request: HttpRequest) -> HttpResponse:
    """Public page: good models workers and unions can copy (a worker page, no account)."""
    return render(request, "activities/showcase.html", {"models": selectors.showcase_list()[:100]})


@require_GET
def showcase_detail(request: HttpRequest, slug: str) -> HttpResponse:
    return render(request, "activities/showcase_detail.html", {"model": selectors.showcase_get(slug=slug)})
