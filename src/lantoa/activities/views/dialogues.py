from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_htmx.http import HttpResponseClientRedirect

from lantoa.activities.forms.dialogues import (
    AgreementForm,
    CommitmentCloseForm,
    CommitmentForm,
    DialogueForm,
    DialogueHeldForm,
)
from lantoa.activities.models import Dialogue
from lantoa.activities.selectors import DIALOGUE_VIEW_ACTIONS
from lantoa.activities.selectors import dialogues as selectors
from lantoa.activities.services import dialogues as services
from lantoa.activities.views import form_error, require
from lantoa.core.http import OfficeHttpRequest
from lantoa.orgs import access


@login_required
@require_GET
def dialogue_list(request: HttpRequest) -> HttpResponse:
    require(request.user, *DIALOGUE_VIEW_ACTIONS)
    today = timezone.localdate()
    page = Paginator(selectors.dialogue_list_for_user(user=request.user), 30).get_page(request.GET.get("page"))
    context = {
        "page": page,
        "open_commitments": selectors.commitments_open_for_user(user=request.user)[:50],
        "overdue_count": selectors.enterprises_without_dialogue(user=request.user, today=today).count(),
        "today": today,
        "can_manage": access.can(request.user, "activities.manage_dialogue"),
    }
    return render(request, "activities/dialogue_list.html", context)


@login_required
@require_GET
def dialogue_overdue(request: HttpRequest) -> HttpResponse:
    require(request.user, *DIALOGUE_VIEW_ACTIONS)
    enterprises = selectors.enterprises_without_dialogue(user=request.user, today=timezone.localdate())
    page = Paginator(enterprises, 50).get_page(request.GET.get("page"))
    return render(request, "activities/dialogue_overdue.html", {"page": page})


@login_required
@require_http_methods(["GET", "POST"])
def dialogue_new(request: OfficeHttpRequest) -> HttpResponse:
    require(request.user, "activities.manage_dialogue")
    enterprises = selectors.dialogue_enterprises_for_user(user=request.user)
    form = DialogueForm(request.POST or None, enterprises=enterprises, initial={"held_on": timezone.localdate()})
    if form.is_valid():
        try:
            dialogue = services.dialogue_record(created_by=request.user, **form.dialogue_fields())
        except ValidationError as error:
            form_error(form, error)
        else:
            return redirect("activities:dialogue-detail", pk=dialogue.pk)
    return render(request, "activities/dialogue_form.html", {"form": form})


@login_required
@require_GET
def dialogue_detail(request: HttpRequest, pk: int) -> HttpResponse:
    dialogue = selectors.dialogue_get_for_user(user=request.user, pk=pk)
    return render(request, "activities/dialogue_detail.html", _detail_context(request, dialogue))


def _detail_context(request: HttpRequest, dialogue: Dialogue, **forms: CommitmentForm) -> dict[str, object]:
    return {
        "dialogue": dialogue,
        "commitments": dialogue.commitments.all(),
        "minimum_representatives": selectors.worker_representatives_minimum(dialogue.enterprise.worker_count),
        "can_manage": access.can(request.user, "activities.manage_dialogue", dialogue),
        "commitment_form": forms.get("commitment_form") or CommitmentForm(),
        "close_form": CommitmentCloseForm(),
        "held_form": DialogueHeldForm(
            initial={"issues_raised": dialogue.issues_raised, "agreements": dialogue.agreements}
        ),
        "today": timezone.localdate(),
    }


@login_required
@require_POST
def dialogue_held(request: HttpRequest, pk: int) -> HttpResponse:
    dialogue = selectors.dialogue_get_for_user(user=request.user, pk=pk, action="activities.manage_dialogue")
    form = DialogueHeldForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError(_("Hãy ghi ý kiến được nêu và nội dung thống nhất."), code="held_incomplete")
        services.dialogue_mark_held(dialogue=dialogue, **form.cleaned_data)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Đã ghi nhận cuộc đối thoại."))
    return redirect("activities:dialogue-detail", pk=dialogue.pk)


@login_required
@require_POST
def commitment_add(request: OfficeHttpRequest, pk: int) -> HttpResponse:
    dialogue = selectors.dialogue_get_for_user(user=request.user, pk=pk, action="activities.manage_dialogue")
    form = CommitmentForm(request.POST)
    if form.is_valid():
        try:
            services.commitment_add(dialogue=dialogue, **form.cleaned_data)
        except ValidationError as error:
            form_error(form, error)
        else:
            url = reverse("activities:dialogue-detail", args=[dialogue.pk])
            return HttpResponseClientRedirect(url) if request.htmx else redirect(url)
    template = "activities/dialogue_detail.html#commitment-form" if request.htmx else "activities/dialogue_detail.html"
    return render(request, template, _detail_context(request, dialogue, commitment_form=form))


@login_required
@require_POST
def commitment_close(request: HttpRequest, pk: int) -> HttpResponse:
    commitment = selectors.commitment_get_for_user(user=request.user, pk=pk, action="activities.manage_dialogue")
    form = CommitmentCloseForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError(_("Hãy ghi kết quả thực hiện cam kết."), code="closing_note_empty")
        services.commitment_close(commitment=commitment, closing_note=form.cleaned_data["closing_note"])
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Đã đóng cam kết."))
    return redirect("activities:dialogue-detail", pk=commitment.dialogue_id)


@login_required
@require_GET
def agreement_list(request: HttpRequest) -> HttpResponse:
    require(request.user, *DIALOGUE_VIEW_ACTIONS)
    today = timezone.localdate()
    context = {
        "agreements": selectors.agreement_list_for_user(user=request.user)[:200],
        "expiring": selectors.agreements_expiring_for_user(user=request.user, today=today),
        "today": today,
        "can_manage": access.can(request.user, "activities.manage_dialogue"),
    }
    return render(request, "activities/agreement_list.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def agreement_new(request: HttpRequest) -> HttpResponse:
    require(request.user, "activities.manage_dialogue")
    form = AgreementForm(request.POST or None, enterprises=selectors.dialogue_enterprises_for_user(user=request.user))
    if form.is_valid():
        try:
            services.agreement_record(**form.cleaned_data)
        except ValidationError as error:
            form_error(form, error)
        else:
            messages.success(request, _("Đã lưu thỏa ước lao động tập thể."))
            return redirect("activities:agreement-list")
    return render(request, "activities/simple_form.html", {"form": form, "title": _("Thêm thỏa ước lao động tập thể")})
