import uuid

from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from lantoa.core.ratelimit import rate_limited
from lantoa.learning import selectors, services
from lantoa.learning.forms import QuizForm
from lantoa.orgs.middleware import WorkerHttpRequest


@require_http_methods(["GET", "POST"])
@rate_limited("quiz", target="lesson_id")
def quiz(request: WorkerHttpRequest, lesson_id: int) -> HttpResponse:
    """The quiz after a lesson: a plain form; the result explains every answer with its citation."""
    lesson = selectors.lesson_for_quiz(lesson_id=lesson_id)
    questions = selectors.quiz_questions(lesson=lesson)
    form = QuizForm(request.POST or None, questions=questions, initial={"key": uuid.uuid4().hex})
    if form.is_valid():
        try:
            outcome = services.quiz_submit(
                lesson=lesson,
                key=form.cleaned_data["key"],
                answers=form.cleaned_data["answers"],
                enterprise=request.worker_enterprise or None,
                is_offline=request.POST.get("offline") == "1",
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            results = selectors.quiz_results(questions=outcome.questions, answers=outcome.attempt.answers)
            context = {"lesson": lesson, "outcome": outcome, "results": results}
            return render(request, "learning/quiz_result.html", context)
    status = 400 if form.is_bound else 200
    context = {"lesson": lesson, "form": form, "questions": questions}
    context["offline_answers"] = selectors.quiz_offline_answers(questions=questions)
    return render(request, "learning/quiz.html", context, status=status)
