"""Contest pages: rules and start, the timed paper, leaderboards, certificates and their verification."""

import secrets

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from lantoa.core import public_files
from lantoa.core.ratelimit import rate_limited
from lantoa.learning import files, selectors, services
from lantoa.learning.forms import QuizForm
from lantoa.learning.models import Contest
from lantoa.orgs.middleware import WorkerHttpRequest

DEVICE_COOKIE = "lt_ct"


def _device_key(request: HttpRequest) -> str:
    return request.COOKIES.get(DEVICE_COOKIE, "")


def _detail(
    request: HttpRequest, contest: Contest, error: ValidationError | None = None, status: int = 200
) -> HttpResponse:
    entry = selectors.contest_entry_for(contest=contest, user=request.user, device_key=_device_key(request))
    context = {"contest": contest, "entry": entry, "errors": error.messages if error else []}
    return render(request, "learning/contest_detail.html", context, status=status)


@require_GET
def contest_detail(request: HttpRequest, slug: str) -> HttpResponse:
    return _detail(request, selectors.contest_get(slug=slug))


@require_POST
@rate_limited("contest", target="slug")
def contest_start(request: WorkerHttpRequest, slug: str) -> HttpResponse:
    contest = selectors.contest_get(slug=slug)
    device_key = _device_key(request) or secrets.token_hex(16)
    try:
        services.contest_start(
            contest=contest,
            user=request.user,
            device_key=device_key,
            enterprise=request.worker_enterprise or None,
            show_on_leaderboard=request.POST.get("show_name") == "1",
            phone=request.POST.get("phone", ""),
            participant_name=request.POST.get("participant_name", ""),
        )
    except ValidationError as error:
        return _detail(request, contest, error, status=400)
    response = redirect("learning:contest-take", slug=contest.slug)
    response.set_cookie(DEVICE_COOKIE, device_key, max_age=400 * 24 * 3600, samesite="Lax", httponly=True)
    return response


@require_http_methods(["GET", "POST"])
@rate_limited("contest", target="slug")
def contest_take(request: HttpRequest, slug: str) -> HttpResponse:
    contest = selectors.contest_get(slug=slug)
    entry = selectors.contest_entry_for(contest=contest, user=request.user, device_key=_device_key(request))
    if entry is None:
        return redirect("learning:contest-detail", slug=slug)
    questions = selectors.contest_questions(entry=entry)
    form = QuizForm(request.POST or None, questions=questions, initial={"key": f"contest-{entry.pk:012d}"})
    if entry.submitted_at and not form.is_bound:
        return render(request, "learning/contest_result.html", {"contest": contest, "entry": entry})
    if form.is_valid():
        try:
            entry = services.contest_submit(entry=entry, answers=form.cleaned_data["answers"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return render(request, "learning/contest_result.html", {"contest": contest, "entry": entry})
    context = {"contest": contest, "entry": entry, "form": form, "questions": questions}
    return render(request, "learning/contest_take.html", context, status=400 if form.is_bound else 200)


@require_GET
def contest_leaderboard(request: HttpRequest, slug: str) -> HttpResponse:
    contest = selectors.contest_get(slug=slug)
    boards = selectors.contest_leaderboards(contest=contest)
    return render(request, "learning/contest_leaderboard.html", {"contest": contest, **boards})


@require_GET
def certificate_pdf(request: HttpRequest, code: str) -> HttpResponseBase:
    entry = selectors.certificate_get(code=code)
    is_holder = (
        entry.user_id == request.user.pk
        if entry.user_id
        else bool(entry.device_key) and entry.device_key == _device_key(request)
    )
    if not is_holder:
        raise Http404  # a certificate is downloaded by its holder; anyone may verify it
    return public_files.file_response(request, files.certificate_file(entry))


@require_GET
def certificate_verify(request: HttpRequest, code: str) -> HttpResponse:
    return render(request, "learning/certificate_verify.html", {"entry": selectors.certificate_get(code=code)})


@require_GET
def contest_list(request: HttpRequest) -> HttpResponse:
    return render(request, "learning/contest_list.html", {"contests": selectors.contest_list_current()})
