"""Back office for legal advisers: the question queue, answering, publishing as FAQ, entries to review."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from lantoa.core.http import OfficeHttpRequest
from lantoa.legal import selectors
from lantoa.legal.forms import AnswerForm
from lantoa.legal.models import Provision
from lantoa.legal.services import handbook as handbook_services
from lantoa.legal.services import questions as question_services
from lantoa.orgs import access


@login_required
def question_list(request: OfficeHttpRequest) -> HttpResponse:
    if not access.can(request.user, "legal.view_questions"):
        raise PermissionDenied
    questions = selectors.questions_list_for_user(user=request.user, status=request.GET.get("status", ""))
    review = selectors.entries_needing_review()
    return render(request, "legal/office_questions.html", {"questions": questions, "review": review})


def _citations(text: str) -> list[Provision]:
    provisions = []
    for line in text.splitlines():
        parts = [part.strip() for part in line.split(",") if part.strip()]
        if len(parts) >= 2:
            provisions.append(
                handbook_services.provision_resolve(
                    doc_number=parts[0], article=parts[1], clause=parts[2] if len(parts) > 2 else ""
                )
            )
    return provisions


@login_required
@require_http_methods(["GET", "POST"])
def question_detail(request: OfficeHttpRequest, pk: int) -> HttpResponse:
    question = selectors.question_get_for_user(user=request.user, pk=pk)
    form = AnswerForm(request.POST or None, initial={"answer": question.answer, "title": question.question})
    if form.is_valid():
        if not access.can(request.user, "legal.answer_question", question):
            raise PermissionDenied
        try:
            provisions = _citations(form.cleaned_data["citations"])
            question_services.question_answer(
                question=question, answer=form.cleaned_data["answer"], provisions=provisions, user=request.user
            )
            if form.cleaned_data["publish"]:
                question_services.question_publish(question=question, title=form.cleaned_data["title"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Đã lưu câu trả lời."))
            return redirect("legal:office-question", pk=question.pk)
    return render(request, "legal/office_question.html", {"question": question, "form": form})


@login_required
@require_http_methods(["POST"])
def entry_reviewed(request: OfficeHttpRequest, pk: int) -> HttpResponse:
    """An adviser has re-read an entry flagged after its provisions changed and confirms it still holds."""
    if not access.can(request.user, "legal.answer_question"):
        raise PermissionDenied
    handbook_services.entry_review_done(entry=selectors.entry_needing_review_get(pk=pk))
    messages.success(request, _("Đã đánh dấu hỏi đáp là đã rà soát."))
    return redirect("legal:office-questions")
