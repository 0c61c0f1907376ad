"""Worker pages: the library, article pages, search, handbook, asking an adviser."""

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from lantoa.core import registry
from lantoa.core import views as core_views
from lantoa.core.ratelimit import rate_limited
from lantoa.legal import search, selectors
from lantoa.legal.forms import AskForm, AsOnForm, CodeForm, SearchForm
from lantoa.legal.services import handbook as handbook_services
from lantoa.legal.services import questions as question_services


@require_GET
def library(request: HttpRequest) -> HttpResponse:
    context = {"documents": selectors.documents_list(), "form": SearchForm(), "today": timezone.localdate()}
    return render(request, "legal/library.html", context)


@require_GET
def document(request: HttpRequest, doc: str) -> HttpResponse:
    item = selectors.document_get(slug=doc)
    validity = selectors.validity_of(document=item, on=timezone.localdate())
    toc = selectors.document_toc(document=item)
    return render(request, "legal/document.html", {"document": item, "validity": validity, "toc": toc})


@require_GET
def article(request: HttpRequest, doc: str, article: str) -> HttpResponse:
    item = selectors.document_get(slug=doc)
    provision, parts = selectors.article_get(document=item, slug=article)
    as_on = AsOnForm(request.GET)
    if not as_on.is_valid():
        return core_views.invalid_input(request, message=str(as_on.errors["ngay"][0]))
    on = as_on.day()
    wording = selectors.article_as_on(article=provision, parts=parts, on=on)
    context = {
        "document": item,
        "article": provision,
        "on": on,
        "is_today": on == timezone.localdate(),
        "wording": wording,
        "body_notes": selectors.article_body_notes(wording=wording, on=on),
        "validity": selectors.validity_of(document=item, provision=provision, on=on),
        "entries": selectors.entries_for_article(article=provision),
        "neighbours": selectors.article_neighbours(article=provision),
        "containers": selectors.containers_of(article=provision),
        "calculators": registry.provision_tools(document_number=item.number, article_number=provision.number),
    }
    return render(request, "legal/article.html", context)


@require_GET
def ask(request: HttpRequest) -> HttpResponse:
    form = SearchForm(request.GET or None)
    outcome = None
    if form.is_valid() and form.cleaned_data["q"]:
        outcome = search.search(query=form.cleaned_data["q"], on=form.day())
    ask_form = AskForm(initial={"question": form.cleaned_data.get("q", "") if form.is_valid() else ""})
    return render(request, "legal/search.html", {"form": form, "outcome": outcome, "ask_form": ask_form})


@require_GET
def handbook(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()[:200]
    context = {
        "chapters": selectors.handbook_chapters(),
        "query": query,
        "results": selectors.handbook_search(query=query) if query else None,
    }
    return render(request, "legal/handbook.html", context)


@require_GET
def handbook_chapter(request: HttpRequest, slug: str) -> HttpResponse:
    chapter, entries = selectors.handbook_chapter_get(slug=slug)
    return render(request, "legal/handbook_chapter.html", {"chapter": chapter, "entries": entries})


@require_GET
def handbook_data(request: HttpRequest) -> JsonResponse:
    """The handbook for the phone to keep: read and searched offline (the service worker stores it)."""
    return JsonResponse(selectors.handbook_offline_data())


@require_GET
def handbook_entry(request: HttpRequest, slug: str) -> HttpResponse:
    entry, cited = selectors.handbook_entry_get(slug=slug)
    blocks = handbook_services.answer_paragraphs(entry.answer)
    return render(request, "legal/handbook_entry.html", {"entry": entry, "cited": cited, "blocks": blocks})


@require_http_methods(["GET", "POST"])
@rate_limited("question")
def adviser_ask(request: HttpRequest) -> HttpResponse:
    form = AskForm(request.POST or None, initial={"question": request.GET.get("q", "")})
    if form.is_valid():
        enterprise = getattr(request, "worker_enterprise", None)
        try:
            receipt = question_services.question_ask(
                text=form.cleaned_data["question"], unit=enterprise.unit if enterprise else None
            )
        except ValidationError as error:
            form.add_error("question", error)
        else:
            return render(request, "legal/adviser_receipt.html", {"receipt": receipt})
    return render(request, "legal/adviser_ask.html", {"form": form})


@require_http_methods(["GET", "POST"])
@rate_limited("follow")
def adviser_follow(request: HttpRequest) -> HttpResponse:
    """The worker reads the answer with their code, sent in a POST body: never in a URL, so never in a log or the
    browser's history. A GET shows the empty form, whatever its query says."""
    form = CodeForm(request.POST if request.method == "POST" else None)
    question = None
    if form.is_valid():
        try:
            question = selectors.question_for_code(code=form.cleaned_data["code"])
        except Http404:
            form.add_error("code", _("Không tìm thấy câu hỏi với mã này. Bạn kiểm tra lại mã nhé."))
    return render(request, "legal/adviser_follow.html", {"form": form, "question": question})
