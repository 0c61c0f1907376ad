"""JSON API for worker reports under /api/v1/voice/. No account, no network address kept; the receipt is the only key."""

from collections.abc import Sequence

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import File, Form, Router, Schema, Status, UploadedFile

from lantoa.core import ratelimit
from lantoa.core.formats import local_day
from lantoa.orgs.selectors import enterprise_for_worker_context
from lantoa.voice.idempotency import IdempotencyConflict
from lantoa.voice.models import Category, Report
from lantoa.voice.photos import photos_clean
from lantoa.voice.selectors.cases import worker_body, worker_messages, worker_status
from lantoa.voice.services import reports as report_services

router = Router(tags=["voice"])


class CategoryOut(Schema):
    slug: str
    name: str


class ReportIn(Schema):
    category: str
    text: str
    enterprise: str | None = None
    idempotency_key: str | None = None
    contact: str = ""
    is_shareable: bool = False


class ReportReceiptOut(Schema):
    receipt: str
    acknowledgement: str
    status: str


class MessageOut(Schema):
    kind: str
    text: str
    at: str


class ReportOut(Schema):
    status: str
    category: str
    received_on: str
    responsible_body: str
    text: str
    reply_due_on: str
    resolve_due_on: str
    messages: list[MessageOut]


class ReceiptIn(Schema):
    receipt: str


class MessageIn(ReceiptIn):
    text: str


class ErrorOut(Schema):
    detail: str
    code: str = ""


def _not_found() -> Status:
    return Status(404, {"detail": _("Không tìm thấy phản ánh với mã biên nhận này."), "code": "receipt_unknown"})


@router.get("/categories", response=list[CategoryOut], summary="Loại phản ánh")
def categories(request: HttpRequest) -> list[Category]:
    return list(Category.objects.all())


REPORT_RESPONSES = {201: ReportReceiptOut, 200: ReportReceiptOut, 400: ErrorOut, 409: ErrorOut, 429: ErrorOut}


@router.post("/reports", response=REPORT_RESPONSES, summary="Gửi phản ánh")
def report_create(request: HttpRequest, payload: ReportIn) -> Status | HttpResponse:
    return _report_submit(request, payload)


@router.post(
    "/reports/with-photos",
    response=REPORT_RESPONSES,
    summary="Gửi phản ánh kèm ảnh (multipart)",
)
def report_create_with_photos(
    request: HttpRequest,
    payload: Form[ReportIn],
    # ninja's typing spells a file parameter `File[T]` and cannot say "optional but not nullable"; `| None` would
    # publish the field as nullable in the OpenAPI schema, so the None default stays as ninja documents it.
    photos: File[list[UploadedFile]] = None,  # type: ignore[assignment]
) -> Status | HttpResponse:
    """The same report as `/reports`, as form fields plus `photos` files: how a phone's outbox sends a report
    kept offline with its pictures."""
    return _report_submit(request, payload, photos or [])


def _report_submit(
    request: HttpRequest, payload: ReportIn, uploads: Sequence[UploadedFile] = ()
) -> Status | HttpResponse:
    if ratelimit.exceeded(request, "report"):
        return ratelimit.too_many(request, "report")
    enterprise = None
    if payload.enterprise:
        enterprise = enterprise_for_worker_context(code=payload.enterprise)
        if enterprise is None:
            raise ValidationError(_("Không có doanh nghiệp với mã này."), code="enterprise_unknown")
    try:
        submitted = report_services.report_submit(
            category=payload.category,
            text=payload.text,
            enterprise=enterprise,
            contact=payload.contact,
            is_shareable=payload.is_shareable,
            idempotency_key=payload.idempotency_key or "",
            photos=photos_clean(uploads),
        )
    except IdempotencyConflict as conflict:
        return Status(409, {"detail": conflict.messages[0], "code": conflict.code})
    body = {"receipt": submitted.receipt.code, "acknowledgement": submitted.ack, "status": submitted.report.status}
    return Status(200 if submitted.is_repeat else 201, body)


def _report_out(report: Report) -> dict[str, object]:
    return {
        "status": worker_status(report=report),
        "category": report.category.slug,
        "received_on": local_day(report.created_at).isoformat(),
        "responsible_body": report.unit.name,
        # Only the receipt holder reaches this: the receipt is the key to their own words.
        "text": worker_body(report=report),
        "reply_due_on": local_day(report.first_reply_due_at).isoformat(),
        "resolve_due_on": local_day(report.resolve_due_at).isoformat(),
        "messages": [
            {"kind": message.kind, "text": message.text, "at": message.at.isoformat()}
            for message in worker_messages(report=report)
        ],
    }


# The receipt travels in the body, never in the path or query: URLs reach access logs and error reports.
@router.post("/reports/lookup", response={200: ReportOut, 404: ErrorOut, 429: ErrorOut}, summary="Xem phản ánh bằng mã")
def report_read(request: HttpRequest, payload: ReceiptIn) -> Status | HttpResponse:
    if ratelimit.exceeded(request, "follow"):
        return ratelimit.too_many(request, "follow")
    report = report_services.report_get_by_receipt(code=payload.receipt)
    return _not_found() if report is None else Status(200, _report_out(report))


@router.post(
    "/reports/messages",
    response={201: ReportOut, 400: ErrorOut, 404: ErrorOut, 429: ErrorOut},
    summary="Người lao động trả lời",
)
def message_create(request: HttpRequest, payload: MessageIn) -> Status | HttpResponse:
    if ratelimit.exceeded(request, "follow"):
        return ratelimit.too_many(request, "follow")
    report = report_services.report_get_by_receipt(code=payload.receipt)
    if report is None:
        return _not_found()
    report_services.worker_message_add(report=report, text=payload.text)
    return Status(201, _report_out(report))
