"""Worker pages: no account, no cookie of their own, nothing about the device kept (see voice.privacy)."""

import datetime as dt
import secrets
from urllib.parse import urlencode

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from lantoa.core.formats import vn_date
from lantoa.core.links import absolute_url
from lantoa.core.qr import qr_svg_inline
from lantoa.core.ratelimit import rate_limited
from lantoa.core.registry import declared
from lantoa.orgs.middleware import WorkerHttpRequest
from lantoa.orgs.selectors import enterprise_for_worker_context
from lantoa.voice import crypto
from lantoa.voice.forms import AckVerifyForm, ReceiptForm, ReportForm, WorkerReplyForm
from lantoa.voice.models import Report, ReportMessage
from lantoa.voice.photos import CleanPhoto, photos_clean
from lantoa.voice.selectors.cases import worker_body, worker_messages, worker_status
from lantoa.voice.services import reports as report_services


def _photos(form: ReportForm) -> list[CleanPhoto]:
    return photos_clean(form.cleaned_data["photos"])


@require_http_methods(["GET", "POST"])
@rate_limited("report")
def report_new(request: WorkerHttpRequest) -> HttpResponse:
    context_enterprise = request.worker_enterprise or None
    form = ReportForm(request.POST or None, request.FILES or None, worker_enterprise=context_enterprise)
    if form.is_valid():
        try:
            submitted = report_services.report_submit(
                category=form.cleaned_data["category"],
                text=form.cleaned_data["text"],
                enterprise=enterprise_for_worker_context(code=form.cleaned_data["enterprise"]),
                contact=form.cleaned_data["contact"],
                is_shareable=form.cleaned_data["is_shareable"],
                photos=_photos(form),
                idempotency_key=form.cleaned_data["idempotency_key"],
            )
        except ValidationError as error:
            form.add_error("photos" if error.code and error.code.startswith(("photo", "too_many")) else None, error)
        else:
            return _receipt_page(request, submitted, sent_key=form.cleaned_data["idempotency_key"])
    if not form.is_bound:
        form.initial["idempotency_key"] = secrets.token_urlsafe(24)
    return render(request, "voice/report_new.html", {"form": form})


def _ack_context(request: HttpRequest, ack: str) -> dict[str, str]:
    """The signed acknowledgement, and a QR of the page where anyone the worker shows it to can check it."""
    verify_url = absolute_url(reverse("voice:ack-verify"), request) + "?" + urlencode({"t": ack})
    return {"ack": ack, "ack_qr": qr_svg_inline(verify_url, scale=4, title=_("Giấy xác nhận đã phản ánh"))}


def _receipt_page(request: HttpRequest, submitted: report_services.Submitted, *, sent_key: str) -> HttpResponse:
    follow_url = absolute_url(reverse("voice:follow"), request) + "#" + submitted.receipt.code
    context = {
        "receipt": submitted.receipt.code,
        "report": submitted.report,
        "qr": qr_svg_inline(follow_url, scale=4, title=_("Mã biên nhận")),
        "sent_key": sent_key,
        **_ack_context(request, submitted.ack),
    }
    return render(request, "voice/receipt.html", context, status=201 if not submitted.is_repeat else 200)


def _follow_page(
    request: HttpRequest, report: Report, code: str, reply_form: WorkerReplyForm | None = None
) -> HttpResponse:
    messages = worker_messages(report=report)
    context = {
        "report": report,
        "body": worker_body(report=report),
        "status": worker_status(report=report),
        "messages_": messages,
        "officer_replies": sum(message.kind == ReportMessage.Kind.OFFICER for message in messages),
        "reply_form": reply_form or WorkerReplyForm(initial={"receipt": code}),
        **_ack_context(request, report_services.ack_for(report)),
        "notes": [
            line for _config, path in declared("case_follow_notes") for line in import_string(path)(report=report)
        ],
    }
    return render(request, "voice/follow_case.html", context)


@require_http_methods(["GET", "POST"])
@rate_limited("follow")
def follow(request: HttpRequest) -> HttpResponse:
    """The worker opens their case with the receipt (sent in a POST body, never in a URL)."""
    form = ReceiptForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        receipt = crypto.receipt_parse(form.cleaned_data["receipt"])
        report = report_services.report_get_by_receipt(code=receipt.code) if receipt else None
        if receipt is not None and report is not None:
            return _follow_page(request, report, receipt.code)
        form.add_error("receipt", _("Không tìm thấy phản ánh với mã này. Hãy kiểm tra lại từng ký tự."))
    return render(request, "voice/follow.html", {"form": form})


@require_http_methods(["POST"])
@rate_limited("follow")
def follow_reply(request: HttpRequest) -> HttpResponse:
    receipt = crypto.receipt_parse(request.POST.get("receipt", ""))
    report = report_services.report_get_by_receipt(code=receipt.code) if receipt else None
    if receipt is None or report is None:
        return render(request, "voice/follow.html", {"form": ReceiptForm()}, status=404)
    form = WorkerReplyForm(request.POST)
    if form.is_valid():
        try:
            report_services.worker_message_add(report=report, text=form.cleaned_data["text"])
        except ValidationError as error:
            form.add_error("text", error)
        else:
            return _follow_page(request, report, receipt.code)
    return _follow_page(request, report, receipt.code, reply_form=form)


@require_http_methods(["GET", "POST"])
def ack_verify(request: HttpRequest) -> HttpResponse:
    token = request.POST.get("token") or request.GET.get("t", "")
    form = AckVerifyForm({"token": token} if token else None)
    payload = crypto.ack_verify(form.cleaned_data["token"]) if form.is_valid() else None
    if payload:
        payload = {**payload, "day": vn_date(dt.date.fromisoformat(payload["d"]))}
    return render(request, "voice/ack_verify.html", {"form": form, "payload": payload, "checked": bool(token)})
