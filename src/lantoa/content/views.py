from django.http import Http404, HttpRequest, HttpResponse
from django.views.decorators.http import require_GET
from segno import make_qr

from lantoa.content import selectors


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
        make_qr(page.full_url, error="m").svg_inline(scale=8, title=page.title), content_type="image/svg+xml"
    )
    response["Cache-Control"] = "public, max-age=86400"
    return response
