"""Rumour desk pages. Worker pages sit under `anonymous_paths` (no address or user agent reaches them)."""

import datetime as dt
import secrets

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from lantoa.content.signals import page_viewed
from lantoa.core.http import OfficeHttpRequest
from lantoa.core.links import absolute_url
from lantoa.core.ratelimit import rate_limited
from lantoa.opinion import jobs as opinion_jobs
from lantoa.opinion.forms import (
    AnswerForm,
    ClaimForm,
    ClarificationForm,
    MonthlyReportForm,
    NoteForm,
    ReceiptForm,
    RecommendationForm,
    RollupForm,
    ShareForm,
)
from lantoa.opinion.models import Claim, ClaimGroup, Clarification, Recommendation
from lantoa.opinion.selectors import claims as selectors
from lantoa.opinion.selectors import note_series
from lantoa.opinion.selectors import notes as note_selectors
from lantoa.opinion.selectors import recommendations as rec_selectors
from lantoa.opinion.selectors import spread as spread_selectors
from lantoa.opinion.services import claims as services
from lantoa.opinion.services import notes as note_services
from lantoa.opinion.services import recommendations as rec_services
from lantoa.opinion.share_image import share_png
from lantoa.orgs import access
from lantoa.orgs.models import Enterprise, OrgUnit
from lantoa.orgs.selectors import enterprise_for_worker_context
from lantoa.voice import crypto
from lantoa.voice.models import Report
from lantoa.voice.photos import photos_clean


def _claim_error_field(code: str) -> str | None:
    """The form field a refused claim points at; a reused key (idempotency_…) concerns the whole form."""
    for prefix, field in (("link", "link"), ("photo", "photo"), ("too_many", "photo"), ("idempotency", None)):
        if code.startswith(prefix):
            return field
    return "text"


@require_http_methods(["GET", "POST"])
@rate_limited("claim")
def claim_new(request: HttpRequest) -> HttpResponse:
    form = ClaimForm(request.POST or None, request.FILES or None)
    if form.is_valid():
        source = Claim.Source.PROPAGANDIST if access.can(request.user, "opinion.report_claim") else Claim.Source.WORKER
        upload = form.cleaned_data["photo"]
        try:
            submitted = services.claim_submit(
                text=form.cleaned_data["text"],
                link=form.cleaned_data["link"],
                enterprise=enterprise_for_worker_context(code=form.cleaned_data["enterprise"]),
                source=source,
                photo=photos_clean([upload])[0] if upload else None,
                idempotency_key=form.cleaned_data["idempotency_key"],
            )
        except ValidationError as error:
            form.add_error(_claim_error_field(error.code or ""), error)
        else:
            context = {
                "receipt": submitted.receipt.code,
                "claim": submitted.claim,
                "state": selectors.claim_state(claim=submitted.claim),
                "status": selectors.claim_status(claim=submitted.claim),
                "sent_key": form.cleaned_data["idempotency_key"],
            }
            return render(request, "opinion/claim_receipt.html", context, status=200 if submitted.is_repeat else 201)
    if not form.is_bound:
        worker_enterprise = getattr(request, "worker_enterprise", None) or None
        # Drawn here too, so a page sent twice without JavaScript still makes one claim.
        form.initial = {
            "enterprise": worker_enterprise.public_code if worker_enterprise else "",
            "idempotency_key": secrets.token_urlsafe(24),
        }
    return render(request, "opinion/claim_new.html", {"form": form})


@require_http_methods(["GET", "POST"])
@rate_limited("follow")
def claim_follow(request: HttpRequest) -> HttpResponse:
    """The worker reads the answer with their receipt (sent in a POST body, never in a URL)."""
    form = ReceiptForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        receipt = crypto.receipt_parse(form.cleaned_data["receipt"])
        claim = services.claim_get_by_receipt(code=form.cleaned_data["receipt"]) if receipt else None
        if receipt is not None and claim is not None:
            context = {
                "claim": claim,
                "receipt": receipt.code,
                "text": selectors.claim_text(claim=claim),
                "state": selectors.claim_state(claim=claim),
                "status": selectors.claim_status(claim=claim),
                "item": getattr(claim.group, "clarification", None),
            }
            return render(request, "opinion/claim_status.html", context)
        form.add_error("receipt", "Không tìm thấy câu hỏi với mã này. Hãy kiểm tra lại từng ký tự.")
    return render(request, "opinion/claim_follow.html", {"form": form})


@require_GET
def clarification_list(request: HttpRequest) -> HttpResponse:
    return render(request, "opinion/clarification_list.html", {"items": selectors.published()[:100]})


@require_GET
def clarification_detail(request: HttpRequest, slug: str) -> HttpResponse:
    item = get_object_or_404(selectors.published(), slug=slug)
    # Counted like a lesson view by reach: one anonymous event in the reader's enterprise context, never who.
    page_viewed.send(
        sender=Clarification,
        page_id=item.pk,
        topic=spread_selectors.REACH_TOPIC,
        request=request,
        what="clarification",
    )
    url = absolute_url(item.get_absolute_url(), request)
    context = {
        "item": item,
        "url": url,
        "image_url": absolute_url(f"{item.get_absolute_url()}anh.png", request),
        "forward": selectors.forward_text(clarification=item, url=url),
    }
    return render(request, "opinion/clarification_detail.html", context)


@require_GET
def clarification_image(request: HttpRequest, slug: str) -> HttpResponse:
    item = get_object_or_404(Clarification, slug=slug)
    response = HttpResponse(share_png(item), content_type="image/png")
    response["Cache-Control"] = "public, max-age=86400"
    return response


@login_required
@require_GET
def desk(request: OfficeHttpRequest) -> HttpResponse:
    if not access.can(request.user, "opinion.view_claims", services.answering_unit()):
        raise PermissionDenied
    items = list(selectors.published().select_related("group")[:30])
    reach = spread_selectors.reach_totals(ids=[item.pk for item in items])
    context = {
        "waiting": selectors.waiting_groups(),
        "median_hours": selectors.median_hours_to_clarification(),
        "items": [(item, selectors.hours_to_clarification(item), *reach[item.pk]) for item in items],
    }
    return render(request, "opinion/desk.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def group_publish(request: OfficeHttpRequest, pk: int) -> HttpResponse:
    if not access.can(request.user, "opinion.publish_clarification", services.answering_unit()):
        raise PermissionDenied
    group = get_object_or_404(ClaimGroup, pk=pk)
    existing = getattr(group, "clarification", None)
    initial = {}
    if existing is not None:
        initial = {
            "claim": existing.claim,
            "verdict": existing.verdict,
            "truth": existing.truth,
            "citations": "\n".join(citation.entry_line for citation in existing.citations.all()),
            "topics": list(existing.topics.all()),
        }
    form = ClarificationForm(request.POST or None, initial=initial)
    if form.is_valid():
        try:
            item = services.clarification_publish(
                user=request.user,
                group=group,
                claim=form.cleaned_data["claim"],
                verdict=form.cleaned_data["verdict"],
                truth=form.cleaned_data["truth"],
                provisions=services.provisions_from_lines(form.cleaned_data["citations"]),
                topics=form.cleaned_data["topics"],
            )
        except ValidationError as error:
            form.add_error("citations" if error.code and error.code.startswith("citation") else None, error)
        else:
            return redirect(item)
    context = {"group": group, "claims": selectors.group_claims(group=group), "form": form}
    return render(request, "opinion/group_publish.html", context)


@login_required
@require_GET
def claim_photo(request: OfficeHttpRequest, pk: int) -> HttpResponse:
    """A claim's picture, decrypted for the desk only; never cached on the way."""
    if not access.can(request.user, "opinion.view_claims", services.answering_unit()):
        raise PermissionDenied
    claim = get_object_or_404(Claim, pk=pk)
    if claim.photo_enc is None:
        raise Http404
    response = HttpResponse(crypto.decrypt(claim.photo_enc), content_type="image/jpeg")
    response["Cache-Control"] = "private, no-store"
    return response


def _raising_unit(user: object) -> OrgUnit:
    roots = access.scope_roots(user, "opinion.raise_recommendation")
    if not roots:
        raise PermissionDenied
    return roots[0]


@login_required
@require_GET
def recommendation_list(request: OfficeHttpRequest) -> HttpResponse:
    if not access.can(request.user, "opinion.answer_recommendation"):
        raise PermissionDenied
    overdue_only = request.GET.get("overdue") == "1"
    context = {
        "bodies": rec_selectors.open_by_body(user=request.user, overdue_only=overdue_only),
        "overdue_only": overdue_only,
        "answered": rec_selectors.visible(user=request.user)
        .filter(answered_on__isnull=False)
        .order_by("-answered_on")[:30],
        "answer_form": AnswerForm(),
        "today": timezone.localdate(),
    }
    return render(request, "opinion/recommendation_list.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def recommendation_new(request: OfficeHttpRequest) -> HttpResponse:
    unit = _raising_unit(request.user)
    report = None
    if report_pk := request.GET.get("report", ""):
        report = get_object_or_404(Report, pk=int(report_pk) if report_pk.isdigit() else 0)
    form = RecommendationForm(request.POST or None, initial={"source": Recommendation.Source.CASE} if report else {})
    if form.is_valid():
        data = form.cleaned_data
        try:
            rec_services.recommendation_raise(
                user=request.user,
                unit=unit,
                text=data["text"],
                due_on=data["due_on"],
                source=data["source"],
                addressee_unit=data["addressee_unit"],
                addressee_name=data["addressee_name"],
                addressee_kind=data["addressee_kind"],
                report=report,
                source_note=data["source_note"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return redirect("opinion:recommendations")
    return render(request, "opinion/recommendation_new.html", {"form": form, "report": report, "unit": unit})


@login_required
@require_POST
def recommendation_answer(request: OfficeHttpRequest, pk: int) -> HttpResponse:
    recommendation = get_object_or_404(Recommendation, pk=pk)
    if not access.can(request.user, "opinion.answer_recommendation", recommendation):
        raise Http404  # an empty form must not tell an outsider that the recommendation exists
    form = AnswerForm(request.POST)
    if form.is_valid():
        try:
            rec_services.recommendation_answer(
                user=request.user, recommendation=recommendation, answer=form.cleaned_data["answer"]
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
    else:
        messages.error(request, _("Hãy ghi nội dung trả lời."))
    return redirect("opinion:recommendations")


@login_required
@require_http_methods(["GET", "POST"])
def note_new(request: OfficeHttpRequest) -> HttpResponse:
    if not access.can(request.user, "opinion.record_notes"):
        raise PermissionDenied
    enterprises = Enterprise.objects.filter(
        access.scope_q(request.user, "opinion.record_notes", path_fields=("unit__path",))
    ).order_by("unit__name")
    form = NoteForm(request.POST or None, enterprises=enterprises)
    if form.is_valid():
        try:
            note_services.note_record(user=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Đã lưu ghi nhận."))
            return redirect("opinion:note-new")
    return render(request, "opinion/note_new.html", {"form": form})


@login_required
@require_GET
def notes_rollup(request: OfficeHttpRequest) -> HttpResponse:
    if not access.can(request.user, "opinion.view_notes"):
        raise PermissionDenied
    today = timezone.localdate()
    default = {"dimension": "topic", "grain": "week", "measure": "notes", "start": today - dt.timedelta(weeks=7)}
    form = RollupForm(request.GET or {**default, "end": today})
    series, totals = None, None
    rows: list[note_series.TableRow] = []
    if form.is_valid():
        data = form.cleaned_data
        series = note_series.series(
            user=request.user, dimension=data["dimension"], grain=data["grain"], start=data["start"], end=data["end"]
        )
        rows, totals = note_series.table_of(series, measure=data["measure"])
    context = {
        "form": form,
        "series": series,
        "rows": rows,
        "totals": totals,
        "min_sources": note_selectors.MIN_SOURCES,
        "can_report": bool(note_selectors.report_units_for_user(user=request.user)),
    }
    return render(request, "opinion/notes_rollup.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def monthly_report(request: OfficeHttpRequest) -> HttpResponse:
    """The form; its POST queues the DOCX, which the worker drafts and the job page hands out."""
    units = note_selectors.report_units_for_user(user=request.user)
    if not units:
        raise PermissionDenied
    last_month = timezone.localdate().replace(day=1) - dt.timedelta(days=1)
    form = MonthlyReportForm(request.POST or None, units=units, initial={"unit": units[0], "month": last_month})
    if form.is_valid():
        job = opinion_jobs.monthly_report_start(
            unit=form.cleaned_data["unit"], month=form.cleaned_data["month"], user=request.user
        )
        return redirect("core:job", pk=job.pk)
    context = {"form": form, "k": note_selectors.MIN_SOURCES}
    return render(request, "opinion/monthly_report.html", context)


def _spread_enterprises(user: object) -> QuerySet[Enterprise]:
    return Enterprise.objects.filter(
        access.scope_q(user, "opinion.record_notes", path_fields=("unit__path",))
    ).order_by("unit__name")


@login_required
@require_GET
def spread_list(request: OfficeHttpRequest) -> HttpResponse:
    """Cần lan tỏa: for one enterprise, the clarifications its workers need, ready to forward."""
    if not access.can(request.user, "opinion.record_notes"):
        raise PermissionDenied
    enterprises = _spread_enterprises(request.user).select_related("unit")
    chosen = request.GET.get("dn", "")
    enterprise = (enterprises.filter(pk=int(chosen)).first() if chosen.isdigit() else None) or enterprises.first()
    rows = []
    if enterprise is not None:
        for row in spread_selectors.to_spread(enterprise=enterprise, user=request.user, today=timezone.localdate()):
            url = absolute_url(row.item.get_absolute_url(), request)
            rows.append((row, url, selectors.forward_text(clarification=row.item, url=url)))
    context = {"enterprises": enterprises, "enterprise": enterprise, "rows": rows}
    return render(request, "opinion/spread_list.html", context)


@login_required
@require_POST
def spread_mark(request: OfficeHttpRequest, pk: int) -> HttpResponse:
    item = get_object_or_404(Clarification, pk=pk)
    form = ShareForm(request.POST, enterprises=_spread_enterprises(request.user))
    if not form.is_valid():
        raise PermissionDenied
    enterprise = form.cleaned_data["enterprise"]
    if services.share_record(user=request.user, clarification=item, enterprise=enterprise):
        messages.success(request, _("Đã ghi nhận bạn chia sẻ thông tin này."))
    return redirect(f"{reverse('opinion:spread')}?dn={enterprise.pk}")
