"""Writes for unit reports: drafted from the data, edited, submitted, returned or approved."""

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from lantoa.core.formats import vn_number
from lantoa.core.text import clean_line, nfc
from lantoa.orgs import access
from lantoa.orgs.models import OrgUnit
from lantoa.plans import periods
from lantoa.plans.models import Indicator, Notice, PlanTask, ReportFigure, ReportingPeriod, UnitReport
from lantoa.plans.selectors.access import tasks_for_unit
from lantoa.plans.selectors.documents import issuer_of
from lantoa.plans.selectors.figures import UnitIndex, figures_for_period, period_get, report_scope, targets_for
from lantoa.plans.services.plans import indicators_sync

EDITABLE_FIELDS = (
    "title",
    "situation",
    "results",
    "shortcomings",
    "next_steps",
    "recipients",
    "signer_title",
    "signer_name",
)


def _default_recipients(unit: OrgUnit) -> str:
    scope = unit.scope_root
    if scope.kind == OrgUnit.Kind.PROVINCE:
        return "\n".join(
            ["- Thường trực Tỉnh ủy (để b/c),", "- Ban Tuyên giáo và Dân vận Trung ương (để b/c),", "- Lưu Văn phòng."]
        )
    return "\n".join(
        ["- Ban Tuyên giáo và Dân vận Tỉnh ủy (để b/c),", "- Liên đoàn Lao động tỉnh,", "- Lưu Văn phòng."]
    )


def _situation(unit: OrgUnit, figures_text: list[str]) -> str:
    lines = [
        _(
            "Thực hiện Kế hoạch của Ban Thường vụ Tỉnh ủy về thực hiện Chỉ thị số 58-CT/TW của Ban Bí thư, %(unit)s báo cáo kết quả như sau:"
        )
        % {"unit": unit.scope_root.name},
    ]
    return "\n".join(lines + figures_text)


@transaction.atomic
def report_draft(*, unit: OrgUnit, period: ReportingPeriod, by: Any, index: UnitIndex | None = None) -> UnitReport:
    """Draft (or re-draft) a unit's report from the data: figures, targets, previous period and tasks.

    Text already written by the unit is kept; only the figures are refreshed. A submitted or approved report
    is not redrafted.
    """
    if not access.can(by, "plans.edit_report", unit) and not access.can(by, "plans.approve_report", unit):
        raise ValidationError(_("Bạn không có quyền lập báo cáo cho đơn vị này."), code="report_forbidden")
    report = UnitReport.objects.filter(unit=unit, period=period).first()
    if report and not report.is_editable:
        raise ValidationError(_("Báo cáo đã gửi, không lập lại được."), code="report_not_editable")
    indicators_sync()
    indicators = list(Indicator.objects.filter(is_active=True))
    index = index or UnitIndex.load()
    current = figures_for_period(period=period, indicators=indicators, index=index, within=unit)
    previous_code = periods.period_previous_code(period.code)
    previous = None
    if previous_code:
        # Read, not created: a past period created here would be "overdue" for every unit at the next reminder.
        previous = figures_for_period(
            period=period_get(code=previous_code), indicators=indicators, index=index, within=unit
        )
    scope = report_scope(unit)
    targets = targets_for(period=period, units=[scope])
    if report is None:
        report = UnitReport(
            unit=unit,
            period=period,
            title=_("Kết quả thực hiện Chỉ thị số 58-CT/TW của Ban Bí thư, %(period)s")
            % {"period": period.label[:1].lower() + period.label[1:]},
            recipients=_default_recipients(unit),
            signer_title=_("PHÓ TRƯỞNG BAN") if scope.kind == OrgUnit.Kind.PROVINCE else _("PHÓ BÍ THƯ"),
        )
    report.drafted_at = timezone.now()
    highlights = []
    figures = []
    for order, indicator in enumerate(indicators):
        value = current.value(indicator, unit)
        figure = ReportFigure(
            report=report,
            indicator=indicator,
            value=value,
            target=targets.get((indicator.pk, scope.pk)),
            previous=previous.value(indicator, unit) if previous else None,
            order=order,
        )
        figures.append(figure)
        if value:
            highlights.append(f"- {indicator.name}: {vn_number(value)} {indicator.measure}.")
    if not report.situation:
        report.situation = _situation(unit, highlights)
    tasks = tasks_for_unit(unit=unit)
    if not report.results:
        done = sum(task.status == PlanTask.Status.DONE for task in tasks)
        report.results = _("Đơn vị được giao %(total)s nhiệm vụ, đã hoàn thành %(done)s nhiệm vụ.") % {
            "total": len(tasks),
            "done": done,
        }
    report.save()
    report.figures.all().delete()
    for figure in figures:
        figure.report = report
    ReportFigure.objects.bulk_create(figures)
    return report


@transaction.atomic
def report_edit(*, report: UnitReport, by: Any, **fields: str) -> UnitReport:
    if not access.can(by, "plans.edit_report", report):
        raise ValidationError(_("Bạn không có quyền sửa báo cáo này."), code="report_forbidden")
    if not report.is_editable:
        raise ValidationError(_("Báo cáo đã gửi, không sửa được nữa."), code="report_not_editable")
    for name in EDITABLE_FIELDS:
        if name in fields:
            value = fields[name]
            setattr(
                report,
                name,
                clean_line(value) if name in ("title", "signer_title", "signer_name") else nfc(value).strip(),
            )
    if not report.title:
        raise ValidationError(_("Báo cáo phải có trích yếu."), code="report_title_empty")
    report.save()
    return report


def _next_number(report: UnitReport) -> str:
    symbol = issuer_of(report.unit).symbol
    year = timezone.localdate().year
    issued = UnitReport.objects.filter(unit=report.unit, submitted_at__year=year).exclude(number="").count()
    return f"{issued + 1}-BC/{symbol}"


@transaction.atomic
def report_submit(*, report: UnitReport, by: Any) -> UnitReport:
    if not access.can(by, "plans.submit_report", report):
        raise ValidationError(_("Bạn không có quyền gửi báo cáo này."), code="report_forbidden")
    if not report.is_editable:
        raise ValidationError(_("Báo cáo đã được gửi."), code="report_not_editable")
    if not report.figures.exists():
        raise ValidationError(_("Báo cáo chưa có số liệu: hãy lập báo cáo từ dữ liệu trước."), code="report_no_figures")
    if not report.number:
        report.number = _next_number(report)
    report.status = UnitReport.Status.SUBMITTED
    report.submitted_at, report.submitted_by = timezone.now(), by
    report.save()
    return report


@transaction.atomic
def report_review(*, report: UnitReport, approve: bool, note: str, by: Any) -> UnitReport:
    """Approve or return a submitted report. A unit never approves its own report."""
    own_unit = access.can(by, "plans.submit_report", report) and not getattr(by, "is_superuser", False)
    if not access.can(by, "plans.approve_report", report) or own_unit:
        raise ValidationError(_("Bạn không có quyền duyệt báo cáo này."), code="review_forbidden")
    if report.status != UnitReport.Status.SUBMITTED:
        raise ValidationError(_("Chỉ duyệt báo cáo đã gửi."), code="review_not_submitted")
    note = nfc(note).strip()
    if not approve and not note:
        raise ValidationError(_("Khi trả lại, hãy ghi rõ nội dung cần bổ sung."), code="return_needs_note")
    report.status = UnitReport.Status.APPROVED if approve else UnitReport.Status.RETURNED
    report.review_note, report.reviewed_at, report.reviewed_by = note, timezone.now(), by
    report.save()
    if not approve:
        Notice.objects.get_or_create(
            unit=report.unit,
            kind=Notice.Kind.REPORT_RETURNED,
            subject_key=f"report:{report.pk}",
            sent_on=timezone.localdate(),
            defaults={
                "url": reverse("plans:report-detail", args=[report.pk]),
                "message": _("Báo cáo %(period)s bị trả lại: %(note)s")
                % {"period": report.period.label, "note": note[:300]},
            },
        )
    return report
