"""JSON API of the rumour desk under /api/v1/. No account, no network address kept; the receipt is the only key.

A claim's status is read with `POST /claims/status` and the receipt in the body, which also returns the worker's own
words. `GET /claims/{receipt}` answers the same status and clarification without those words: a receipt in a URL can
land in browser history, a proxy's log or a shared link, so it opens less. The app's logs mask that path segment
(`receipt_paths`, voice.privacy) and the nginx config keeps no access log for `/api/v1/claims`.
"""

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import File, Form, Router, Schema, Status, UploadedFile

from lantoa.core import ratelimit
from lantoa.core.formats import local_day
from lantoa.core.links import absolute_url
from lantoa.opinion.models import Claim, Clarification
from lantoa.opinion.selectors import claims as selectors
from lantoa.opinion.services import claims as services
from lantoa.orgs.selectors import enterprise_for_worker_context
from lantoa.voice import crypto
from lantoa.voice.api import ErrorOut, ReceiptIn
from lantoa.voice.idempotency import IdempotencyConflict
from lantoa.voice.photos import photos_clean

router = Router(tags=["opinion"])


class ClaimIn(Schema):
    text: str
    link: str = ""
    enterprise: str | None = None  # the enterprise's public QR code, when the worker came through it
    idempotency_key: str | None = None  # drawn by the phone's outbox: a retry of the same claim stores nothing new


class ReceiptOut(Schema):
    receipt: str
    status: str


class CitationOut(Schema):
    label: str  # as people say it: "Điều 98 Bộ luật Lao động 2019"
    document: str
    article: str
    title: str
    permalink: str


class ClarificationOut(Schema):
    slug: str
    claim: str
    verdict: str
    verdict_label: str
    text: str
    published_on: str
    permalink: str
    citations: list[CitationOut]


class ClaimStateOut(Schema):
    status: str
    status_label: str
    received_on: str
    clarification: ClarificationOut | None = None


class ClaimStatusOut(ClaimStateOut):
    text: str


def _out(request: HttpRequest, item: Clarification) -> dict:
    return {
        "slug": item.slug,
        "claim": item.claim,
        "verdict": item.verdict,
        "verdict_label": item.get_verdict_display(),
        "text": item.truth,
        "published_on": timezone.localdate(item.published_at).isoformat(),
        "permalink": absolute_url(item.get_absolute_url(), request),
        "citations": [
            {
                "label": citation.label,
                "document": citation.provision.document.number,
                "article": citation.provision.label,
                "title": citation.provision.title,
                "permalink": absolute_url(citation.provision.get_absolute_url(), request),
            }
            for citation in item.citations.all()
        ],
    }


CLAIM_RESPONSES: dict[int, type[Schema]] = {
    201: ReceiptOut,
    200: ReceiptOut,
    400: ErrorOut,
    409: ErrorOut,
    429: ErrorOut,
}


@router.post("/claims", response=CLAIM_RESPONSES, summary="Gửi hỏi một tin đồn")
def claim_create(request: HttpRequest, payload: ClaimIn) -> Status | HttpResponse:
    """Anonymous: the receipt comes back once and is never stored in clear. With an `idempotency_key`, the same
    claim sent again answers 200 with the same receipt; the key with other words answers 409."""
    if ratelimit.exceeded(request, "claim"):
        return ratelimit.too_many(request, "claim")
    return _claim_submit(payload)


@router.post(
    "/claims/with-photo",
    response=CLAIM_RESPONSES,
    summary="Gửi hỏi một tin đồn kèm ảnh (multipart)",
)
def claim_create_with_photo(
    request: HttpRequest,
    payload: Form[ClaimIn],
    # ninja spells a file parameter `File[T]` and cannot say "optional but not nullable"; `| None` would publish
    # the field as nullable in the OpenAPI schema, so the None default stays as ninja documents it.
    photo: File[UploadedFile] = None,  # type: ignore[assignment]
) -> Status | HttpResponse:
    """The same claim as `/claims`, as form fields plus one `photo` file (cleaned like a report's photos)."""
    if ratelimit.exceeded(request, "claim"):
        return ratelimit.too_many(request, "claim")
    return _claim_submit(payload, photo)


def _claim_submit(payload: ClaimIn, upload: UploadedFile | None = None) -> Status:
    enterprise = None
    if payload.enterprise:
        enterprise = enterprise_for_worker_context(code=payload.enterprise)
        if enterprise is None:
            raise ValidationError(_("Không có doanh nghiệp với mã này."), code="enterprise_unknown")
    try:
        submitted = services.claim_submit(
            text=payload.text,
            link=payload.link,
            enterprise=enterprise,
            photo=photos_clean([upload])[0] if upload else None,
            idempotency_key=payload.idempotency_key or "",
        )
    except IdempotencyConflict as conflict:
        return Status(409, {"detail": conflict.messages[0], "code": conflict.code})
    body = {"receipt": submitted.receipt.code, "status": selectors.claim_state(claim=submitted.claim)}
    return Status(200 if submitted.is_repeat else 201, body)


@router.post(
    "/claims/status",
    response={200: ClaimStatusOut, 404: ErrorOut, 429: ErrorOut},
    summary="Tình trạng câu hỏi theo mã biên nhận",
)
def claim_status(request: HttpRequest, payload: ReceiptIn) -> Status | HttpResponse:
    """The receipt travels in the body, never in the URL, so no access log or browser history keeps it."""
    if ratelimit.exceeded(request, "follow"):
        return ratelimit.too_many(request, "follow")
    claim = services.claim_get_by_receipt(code=payload.receipt)
    if claim is None:
        return _receipt_unknown()
    # Only the receipt holder reaches this: the receipt is the key to their own words.
    return Status(200, {**_state(request, claim), "text": selectors.claim_text(claim=claim)})


@router.get(
    "/claims/{receipt}",
    response={200: ClaimStateOut, 404: ErrorOut, 422: ErrorOut, 429: ErrorOut},
    summary="Tình trạng câu hỏi theo mã biên nhận trong đường dẫn (không kèm lời đã gửi)",
)
def claim_read(request: HttpRequest, receipt: str, response: HttpResponse) -> Status | HttpResponse:
    """Status, the day received and the clarification once published; never the words sent (`POST /claims/status`
    returns them). Not cached, and no Referer carries the URL on to a page linked from the answer."""
    response["Referrer-Policy"] = "no-referrer"
    if ratelimit.exceeded(request, "follow"):
        refused = ratelimit.too_many(request, "follow")
        refused["Referrer-Policy"] = "no-referrer"
        return refused
    if crypto.receipt_parse(receipt) is None:
        detail = _("Mã biên nhận không đúng dạng: gồm 5 nhóm, mỗi nhóm 4 chữ hoặc số.")
        return Status(422, {"detail": detail, "code": "receipt_invalid"})
    claim = services.claim_get_by_receipt(code=receipt)
    return _receipt_unknown() if claim is None else Status(200, _state(request, claim))


def _receipt_unknown() -> Status:
    return Status(404, {"detail": _("Không tìm thấy câu hỏi với mã biên nhận này."), "code": "receipt_unknown"})


def _state(request: HttpRequest, claim: Claim) -> dict:
    item = getattr(claim.group, "clarification", None)
    return {
        "status": selectors.claim_state(claim=claim),
        "status_label": selectors.claim_status(claim=claim),
        "received_on": local_day(claim.created_at).isoformat(),
        "clarification": _out(request, selectors.published().get(pk=item.pk)) if item else None,
    }


@router.get("/clarifications", response=list[ClarificationOut], summary="Thông tin chính thức đã đăng")
def clarification_list(request: HttpRequest) -> list[dict]:
    return [_out(request, item) for item in selectors.published()[:200]]
