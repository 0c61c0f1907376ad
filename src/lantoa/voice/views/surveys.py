"""Surveys: officials build and read them; workers answer anonymously from a link or a QR code."""

import secrets

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from lantoa.core.http import OfficeHttpRequest
from lantoa.core.links import absolute_url
from lantoa.core.qr import qr_svg
from lantoa.core.ratelimit import rate_limited
from lantoa.orgs import access
from lantoa.orgs.middleware import WorkerHttpRequest
from lantoa.orgs.models import SEGMENT_LABELS, Enterprise, OrgUnit, User
from lantoa.orgs.selectors import enterprise_for_worker_context
from lantoa.voice import jobs as survey_jobs
from lantoa.voice.forms import SurveyForm, SurveyQuestionForm
from lantoa.voice.selectors import surveys as survey_selectors
from lantoa.voice.services import surveys as survey_services

DEVICE_COOKIE = "lt_sv"


def _units(user: User) -> list[tuple[str, str]]:
    roots = access.scope_roots(user, "voice.manage_survey")
    if user.is_superuser and not roots:
        roots = list(OrgUnit.objects.filter(parent__isnull=True))
    units = list(roots)
    for root in roots:
        units += list(
            OrgUnit.objects.filter(
                path__startswith=root.path, kind__in=(*OrgUnit.ZONE_KINDS, OrgUnit.Kind.ENTERPRISE)
            ).exclude(pk=root.pk)[:300]
        )
    return [(unit.code, unit.name) for unit in units]


@login_required
@require_GET
def survey_list(request: OfficeHttpRequest) -> HttpResponse:
    if not access.can(request.user, "voice.manage_survey"):
        raise PermissionDenied
    return render(
        request, "voice/survey_list.html", {"surveys": survey_selectors.survey_list_for_user(user=request.user)}
    )


@login_required
@require_http_methods(["GET", "POST"])
def survey_new(request: OfficeHttpRequest) -> HttpResponse:
    if not access.can(request.user, "voice.manage_survey"):
        raise PermissionDenied
    segments = [(slug, str(label)) for slug, label in SEGMENT_LABELS.items()]
    form = SurveyForm(request.POST or None, units=_units(request.user), segments=segments)
    if form.is_valid():
        try:
            survey = survey_services.survey_create(
                user=request.user,
                title=form.cleaned_data["title"],
                intro=form.cleaned_data["intro"],
                unit=OrgUnit.objects.get(code=form.cleaned_data["unit"]),
                segment=form.cleaned_data["segment"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return redirect("voice:survey-detail", pk=survey.pk)
    return render(request, "voice/survey_new.html", {"form": form})


@login_required
@require_http_methods(["GET", "POST"])
def survey_detail(request: OfficeHttpRequest, pk: int) -> HttpResponse:
    survey = survey_selectors.survey_get_for_user(user=request.user, pk=pk)
    form = SurveyQuestionForm(request.POST or None)
    if request.method == "POST" and "is_open" in request.POST:
        survey_services.survey_open_set(user=request.user, survey=survey, is_open=request.POST["is_open"] == "1")
        return redirect("voice:survey-detail", pk=survey.pk)
    if form.is_valid():
        try:
            survey_services.survey_question_add(
                user=request.user,
                survey=survey,
                text=form.cleaned_data["text"],
                kind=form.cleaned_data["kind"],
                choices=form.cleaned_data["choices"].splitlines(),
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return redirect("voice:survey-detail", pk=survey.pk)
    sheets, results = survey_selectors.survey_results(survey=survey)
    context = {
        "survey": survey,
        "segment": SEGMENT_LABELS.get(survey.segment, ""),
        "breakdowns": survey_selectors.survey_breakdowns(survey=survey),
        "form": form,
        "sheets": sheets,
        "results": results,
        "k": survey_selectors.K_ANONYMITY,
        "link": absolute_url(reverse("voice:survey-answer", args=[survey.public_code]), request),
    }
    return render(request, "voice/survey_detail.html", context)


@login_required
@require_POST
def survey_export(request: OfficeHttpRequest, pk: int) -> HttpResponse:
    """The results as XLSX, built by the worker: this queues the file, the job page hands it out."""
    survey = survey_selectors.survey_get_for_user(user=request.user, pk=pk)
    return redirect("core:job", pk=survey_jobs.survey_export_start(survey=survey, user=request.user).pk)


@login_required
@require_GET
def survey_qr(request: OfficeHttpRequest, pk: int) -> HttpResponse:
    survey = survey_selectors.survey_get_for_user(user=request.user, pk=pk)
    url = absolute_url(reverse("voice:survey-answer", args=[survey.public_code]), request)
    return HttpResponse(qr_svg(url, scale=6, title=survey.title), content_type="image/svg+xml")


def _answering_enterprise(request: WorkerHttpRequest, choices: list[Enterprise]) -> Enterprise | None:
    """The worker's pick on the page, else the `/e/<code>` context, else the survey's only enterprise."""
    picked = request.POST.get("enterprise", "")
    if picked:
        return enterprise_for_worker_context(code=picked)
    if request.worker_enterprise:
        return request.worker_enterprise
    return choices[0] if len(choices) == 1 else None


@require_http_methods(["GET", "POST"])
@rate_limited("survey", target="code")
def survey_answer(request: WorkerHttpRequest, code: str) -> HttpResponse:
    survey = survey_selectors.survey_get_public(code=code)
    token = request.COOKIES.get(DEVICE_COOKIE) or secrets.token_urlsafe(24)
    choices = survey_selectors.survey_enterprises(survey=survey)
    enterprise = _answering_enterprise(request, choices)
    refused = enterprise is not None and not survey_selectors.survey_accepts(survey=survey, enterprise=enterprise)
    done, error = False, None
    if request.method == "POST" and not refused:
        answers = {question.pk: request.POST.get(f"q{question.pk}", "") for question in survey.questions.all()}
        try:
            survey_services.survey_answer_submit(
                survey=survey, device_token=token, answers=answers, enterprise=enterprise
            )
            done = True
        except ValidationError as problem:
            error = problem.messages[0]
            done = problem.code == "already_answered"
    context = {
        "survey": survey,
        "questions": survey.questions.all(),
        "done": done,
        "error": error,
        "refused": refused or (enterprise is None and not choices),
        "other_group": survey_services.OTHER_GROUP_MESSAGE,
        "enterprise": enterprise,
        "choices": choices,
        "segment": SEGMENT_LABELS.get(survey.segment, ""),
        "scale": range(1, 6),
    }
    response = render(request, "voice/survey_answer.html", context, status=403 if refused else 200)
    # A random token (no personal data), so one phone answers once; only a per-survey keyed hash is stored.
    response.set_cookie(DEVICE_COOKIE, token, max_age=365 * 24 * 3600, samesite="Lax", httponly=True)
    return response
