import json

from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET

from lantoa.content import files, selectors
from lantoa.core import public_files
from lantoa.core.links import page_absolute_url
from lantoa.core.qr import qr_svg


@require_GET
def lesson_index(request: HttpRequest) -> HttpResponse:
    """The worker tile's target: the lessons' index page, wherever editors placed it."""
    index = selectors.lesson_index_live()
    if index is None:
        raise Http404
    return index.serve(request)


@require_GET
def page_qr(request: HttpRequest, page_id: int) -> HttpResponse:
    """A QR code of a live public page's address (percent-encoded ASCII, so every phone decodes it)."""
    page = selectors.worker_page_get_live(page_id=page_id)
    response = HttpResponse(
        qr_svg(page_absolute_url(page, request), scale=8, title=page.title), content_type="image/svg+xml"
    )
    response["Cache-Control"] = "public, max-age=86400"
    return response


@require_GET
def service_worker(request: HttpRequest) -> HttpResponse:
    """The service worker, served from the site root so its scope covers every page."""
    static_urls = selectors.offline_static_urls()
    page_urls = [url for url, _label in selectors.offline_pages()]
    context = {
        "static_urls": json.dumps(static_urls),
        "page_urls": json.dumps(page_urls),
        "offline_url": reverse("content:offline"),
        "version": selectors.offline_version(static_urls + page_urls),
    }
    response = render(request, "content/sw.js", context, content_type="text/javascript")
    response["Cache-Control"] = "no-cache"
    return response


@require_GET
def offline(request: HttpRequest) -> HttpResponse:
    """What a phone shows for a page that needs the network while there is none (the service worker keeps it)."""
    pages = [(url, label) for url, label in selectors.offline_pages() if label]
    return render(request, "content/offline.html", {"pages": pages})


@require_GET
def topic_pack(request: HttpRequest, topic_id: int) -> JsonResponse:
    """The addresses a phone must keep to read this topic's lessons and take their quizzes offline."""
    topic = selectors.topic_get_live(topic_id=topic_id)
    return JsonResponse({"topic": topic.title, "urls": selectors.topic_pack_urls(topic=topic)})


@require_GET
def lesson_poster(request: HttpRequest, lesson_id: int) -> HttpResponseBase:
    """A printable poster of a live lesson, A4 by default, A3 with ?kho=A3 (the worker built it when published)."""
    lesson = selectors.lesson_get_live_or_404(page_id=lesson_id)
    paper = request.GET.get("kho", "A4").upper()
    return public_files.file_response(request, files.lesson_poster_file(lesson, paper))


@require_GET
def lesson_talk_outline(request: HttpRequest, lesson_id: int) -> HttpResponseBase:
    """The propagandist's talk outline (đề cương tuyên truyền) of a live lesson, as DOCX (built when published)."""
    lesson = selectors.lesson_get_live_or_404(page_id=lesson_id)
    return public_files.file_response(request, files.lesson_outline_file(lesson))


@require_GET
def help_contacts(request: HttpRequest) -> HttpResponse:
    return render(request, "content/help_contacts.html", {"contacts": selectors.help_contact_list()})
