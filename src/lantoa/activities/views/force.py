from typing import TYPE_CHECKING, Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from lantoa.activities.forms.force import PropagandistForm, RewardForm, TrainingForm, TrainingResultForm
from lantoa.activities.models import Propagandist
from lantoa.activities.selectors import MANAGE_PROPAGANDISTS, VIEW_ACTIONS, action_units_for_user
from lantoa.activities.selectors import force as selectors
from lantoa.activities.services import force as services
from lantoa.activities.views import form_error, require
from lantoa.orgs import access

if TYPE_CHECKING:
    from django_stubs_ext import WithAnnotations

    from lantoa.activities.selectors.force import RosterCounts

MANAGE = MANAGE_PROPAGANDISTS


def _members(user: Any) -> QuerySet["WithAnnotations[Propagandist, RosterCounts]"]:
    return selectors.propagandist_list_for_user(user=user).filter(
        access.scope_q(user, MANAGE, path_fields=("unit__path",))
    )


@login_required
@require_GET
def force_list(request: HttpRequest) -> HttpResponse:
    require(request.user, *VIEW_ACTIONS, MANAGE)
    kind = request.GET.get("kind", "")
    kind = kind if kind in Propagandist.Kind.values else ""
    roster = selectors.roster_with_points(list(selectors.propagandist_list_for_user(user=request.user, kind=kind)))
    context = {
        "roster": sorted(roster, key=lambda member: -member.points),
        "kinds": Propagandist.Kind.choices,
        "kind": kind,
        "trainings": selectors.training_list_for_user(user=request.user)[:20],
        "rewards": selectors.reward_list_for_user(user=request.user)[:20],
        "can_manage": access.can(request.user, MANAGE),
        "points_event": selectors.POINTS_PER_EVENT,
        "points_training": selectors.POINTS_PER_TRAINING,
    }
    return render(request, "activities/force_list.html", context)


@login_required
@require_GET
def force_detail(request: HttpRequest, pk: int) -> HttpResponse:
    member = selectors.propagandist_get_for_user(user=request.user, pk=pk)
    context = {
        "member": member,
        "results": member.training_results.select_related("training").order_by("-training__held_on"),
        "events": member.events.select_related("unit").order_by("-starts_at")[:50],
        "rewards": member.rewards.order_by("-awarded_on"),
        "can_manage": access.can(request.user, MANAGE, member),
    }
    return render(request, "activities/force_detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def force_add(request: HttpRequest) -> HttpResponse:
    require(request.user, MANAGE)
    units = action_units_for_user(request.user, MANAGE)
    form = PropagandistForm(request.POST or None, units=units, initial={"joined_on": timezone.localdate()})
    if form.is_valid():
        try:
            member = services.propagandist_add(**form.cleaned_data)
        except ValidationError as error:
            form_error(form, error)
        else:
            return redirect("activities:force-detail", pk=member.pk)
    return render(request, "activities/simple_form.html", {"form": form, "title": _("Thêm vào lực lượng tuyên truyền")})


@login_required
@require_http_methods(["GET", "POST"])
def training_new(request: HttpRequest) -> HttpResponse:
    require(request.user, MANAGE)
    form = TrainingForm(request.POST or None, units=action_units_for_user(request.user, MANAGE))
    if form.is_valid():
        try:
            training = services.training_create(**form.cleaned_data)
        except ValidationError as error:
            form_error(form, error)
        else:
            return redirect("activities:training-detail", pk=training.pk)
    return render(request, "activities/simple_form.html", {"form": form, "title": _("Thêm lớp bồi dưỡng")})


@login_required
@require_http_methods(["GET", "POST"])
def training_detail(request: HttpRequest, pk: int) -> HttpResponse:
    training = selectors.training_get_for_user(user=request.user, pk=pk)
    can_manage = access.can(request.user, MANAGE, training)
    form = TrainingResultForm(request.POST or None, members=_members(request.user))
    if request.method == "POST" and can_manage and form.is_valid():
        try:
            services.training_result_record(training=training, **form.cleaned_data)
        except ValidationError as error:
            form_error(form, error)
        else:
            messages.success(request, _("Đã ghi kết quả bồi dưỡng."))
            return redirect("activities:training-detail", pk=training.pk)
    results = training.results.select_related("propagandist__person").order_by("propagandist__person__full_name")
    context = {"training": training, "results": results, "form": form, "can_manage": can_manage}
    return render(request, "activities/training_detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def reward_new(request: HttpRequest) -> HttpResponse:
    require(request.user, MANAGE)
    units = list(access.scope_roots(request.user, MANAGE))
    form = RewardForm(request.POST or None, members=_members(request.user))
    if form.is_valid() and units:
        member = form.cleaned_data["member"]
        try:
            services.reward_give(unit=member.unit if member else units[0], member=member, **form.reward_fields())
        except ValidationError as error:
            form_error(form, error)
        else:
            messages.success(request, _("Đã ghi khen thưởng."))
            return redirect("activities:force-list")
    return render(request, "activities/simple_form.html", {"form": form, "title": _("Ghi khen thưởng")})


@login_required
@require_POST
def force_leave(request: HttpRequest, pk: int) -> HttpResponse:
    member = selectors.propagandist_get_for_user(user=request.user, pk=pk, action=MANAGE)
    try:
        services.propagandist_leave(member=member, left_on=timezone.localdate())
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("activities:force-detail", pk=member.pk)
