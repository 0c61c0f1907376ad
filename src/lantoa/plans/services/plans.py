"""Writes for plans, their tasks, indicators, targets, entered figures and reporting periods."""

import datetime as dt
import tomllib
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from lantoa.core.text import clean_line, nfc
from lantoa.orgs import access
from lantoa.orgs.models import OrgUnit
from lantoa.plans import periods
from lantoa.plans import sources as plan_sources
from lantoa.plans.models import EnteredValue, Indicator, Notice, Plan, PlanTask, ReportingPeriod, Target
from lantoa.plans.selectors.figures import report_scope

DATA = Path(__file__).resolve().parent.parent / "data"
PROVINCIAL_PLAN_FILE = DATA / "provincial_plan.toml"
INDICATORS_FILE = DATA / "indicators.toml"


def _body_of(province: OrgUnit, kind: str) -> OrgUnit:
    """The province's body of this kind (Ban Tuyên giáo và Dân vận, LĐLĐ…), or the province if it has none."""
    return province.children.filter(kind=kind).order_by("code").first() or province


def provincial_plan_file() -> Path:
    """The configured province's plan (setting PROVINCIAL_PLAN_FILE); the An Giang plan of the demo when unset."""
    return Path(settings.PROVINCIAL_PLAN_FILE) if settings.PROVINCIAL_PLAN_FILE else PROVINCIAL_PLAN_FILE


@transaction.atomic
def provincial_plan_seed(*, province: OrgUnit, path: Path | None = None, is_demo: bool = False) -> Plan:
    """Create or refresh the provincial plan and its tasks from the data file (idempotent on section)."""
    with (path or provincial_plan_file()).open("rb") as handle:
        data = tomllib.load(handle)
    head = data["plan"]
    plan, _created = Plan.objects.update_or_create(
        unit=province,
        parent=None,
        defaults={
            "title": nfc(head["title"]),
            "starts_on": head["starts_on"],
            "ends_on": head["ends_on"],
            "purpose": nfc(head["purpose"]),
            "roadmap": nfc(head["roadmap"]),
            "is_demo": is_demo,
        },
    )
    for order, item in enumerate(data["task"]):
        assignee = _body_of(province, item["lead"][0])
        PlanTask.objects.update_or_create(
            plan=plan,
            section=item["section"],
            parent_task=None,
            defaults={
                "title": nfc(item["title"]),
                "description": nfc(item["description"]),
                "lead_text": nfc(item["lead_text"]),
                "assignee": assignee,
                "assigned_by": province,
                "due_on": dt.date.fromisoformat(item["due"]),
                "order": order,
            },
        )
    return plan


def provincial_plan_get() -> Plan | None:
    return Plan.objects.filter(parent__isnull=True, unit__kind=OrgUnit.Kind.PROVINCE).first()


@transaction.atomic
def task_assign(*, task: PlanTask, assignee: OrgUnit, due_on: dt.date | None, note: str = "", by: Any) -> PlanTask:
    """Assign a task down the tree: the assignee gets its own copy, linked to the task it came from.

    The caller's permission is checked here: `plans.assign_task` over the task's holder and over the assignee.
    """
    holder = task.assignee.scope_root
    if not access.can(by, "plans.assign_task", holder) or not access.can(by, "plans.assign_task", assignee):
        raise ValidationError(_("Bạn không có quyền giao nhiệm vụ này cho đơn vị đó."), code="assign_forbidden")
    if not assignee.is_within(task.plan.unit) or assignee.pk == task.assignee_id:
        raise ValidationError(_("Chỉ giao nhiệm vụ cho đơn vị cấp dưới."), code="assign_not_below")
    if due_on and task.due_on and due_on > task.due_on:
        raise ValidationError(
            _("Hạn giao cho cấp dưới không được muộn hơn hạn của nhiệm vụ (%(due)s)."),
            code="assign_due_after_parent",
            params={"due": task.due_on.strftime("%d/%m/%Y")},
        )
    child, _created = PlanTask.objects.update_or_create(
        parent_task=task,
        assignee=assignee,
        defaults={
            "plan": task.plan,
            "section": task.section,
            "title": task.title,
            "description": nfc(note).strip() or task.description,
            "lead_text": task.lead_text,
            "assigned_by": holder if holder.pk != assignee.pk else task.assigned_by,
            "due_on": due_on or task.due_on,
            "order": task.order,
        },
    )
    Notice.objects.get_or_create(
        unit=assignee,
        kind=Notice.Kind.TASK_ASSIGNED,
        subject_key=f"task:{child.pk}",
        sent_on=timezone.localdate(),
        defaults={
            "message": _("Được giao nhiệm vụ: %(title)s") % {"title": task.title[:300]},
            "url": reverse("plans:plan-detail", args=[task.plan_id]) + f"#task-{child.pk}",
        },
    )
    return child


@transaction.atomic
def task_progress(*, task: PlanTask, status: str, note: str, by: Any) -> PlanTask:
    if not access.can(by, "plans.edit_report", task.assignee):
        raise ValidationError(_("Bạn không có quyền cập nhật nhiệm vụ này."), code="task_forbidden")
    if status not in PlanTask.Status.values:
        raise ValidationError(_("Tình trạng nhiệm vụ không hợp lệ."), code="task_status_invalid")
    task.status, task.progress_note = status, nfc(note).strip()
    task.save(update_fields=["status", "progress_note"])
    return task


@transaction.atomic
def unit_plan_save(
    *,
    unit: OrgUnit,
    parent: Plan,
    title: str,
    roadmap: str,
    starts_on: dt.date,
    ends_on: dt.date,
    is_demo: bool = False,
) -> Plan:
    """A unit's own plan carrying out `parent` (one per unit and parent plan)."""
    title = clean_line(title)
    if not title:
        raise ValidationError(_("Kế hoạch phải có tên."), code="plan_title_empty")
    if ends_on < starts_on:
        raise ValidationError(_("Ngày kết thúc phải sau ngày bắt đầu."), code="plan_dates_reversed")
    plan, _created = Plan.objects.update_or_create(
        unit=unit,
        parent=parent,
        defaults={
            "title": title,
            "roadmap": nfc(roadmap).strip(),
            "starts_on": starts_on,
            "ends_on": ends_on,
            "is_demo": is_demo,
        },
    )
    return plan


@transaction.atomic
def indicators_sync(*, path: Path = INDICATORS_FILE) -> int:
    """Indicators from the data file, plus one computed indicator per registered source; returns how many exist."""
    with path.open("rb") as handle:
        rows = tomllib.load(handle)["indicator"]
    known = set()
    for row in rows:
        source = row.get("source", "")
        Indicator.objects.update_or_create(
            code=row["code"],
            defaults={
                "name": nfc(row["name"]),
                "measure": nfc(row["measure"]),
                "kind": Indicator.Kind.COMPUTED if source else Indicator.Kind.ENTERED,
                "source_code": source,
                "group": nfc(row.get("group", "")),
                "order": row.get("order", 100),
            },
        )
        known.update({row["code"], source} - {""})  # a source the file names is not listed a second time
    for order, source in enumerate(plan_sources.sources_all().values(), start=200):
        if source.code in known:
            continue
        Indicator.objects.update_or_create(
            code=source.code,
            defaults={
                "name": str(source.label),
                "measure": str(source.measure),
                "kind": Indicator.Kind.COMPUTED,
                "source_code": source.code,
                "group": _("Từ dữ liệu hoạt động trên nền tảng"),
                "order": order,
            },
        )
    return Indicator.objects.count()


def periods_open_ensure(*, on: dt.date) -> list[ReportingPeriod]:
    """Create the periods units report on at `on` (see periods.open_period_codes); the daily `plans_sync` timer."""
    return [period_ensure(code=code) for code in periods.open_period_codes(on)]


def period_ensure(*, code: str) -> ReportingPeriod:
    """The period with this code, created if missing: only the timer and the actions that record against a period
    (drafting a report, setting a target) call it; pages read with `selectors.figures.period_get`."""
    spec = periods.period_parse(code)
    period, _created = ReportingPeriod.objects.get_or_create(
        code=spec.code,
        defaults={
            "kind": spec.kind,
            "label": spec.label,
            "starts_on": spec.starts_on,
            "ends_on": spec.ends_on,
            "due_on": spec.due_on,
        },
    )
    return period


@transaction.atomic
def review_period_create(
    *, code: str, kind: str, label: str, starts_on: dt.date, ends_on: dt.date, due_on: dt.date
) -> ReportingPeriod:
    """A sơ kết or tổng kết period, with the dates the plan sets for it."""
    if kind not in (ReportingPeriod.Kind.INTERIM_REVIEW, ReportingPeriod.Kind.FINAL_REVIEW):
        raise ValidationError(_("Chỉ tạo riêng kỳ sơ kết hoặc tổng kết."), code="review_kind_invalid")
    if ends_on < starts_on or due_on < ends_on:
        raise ValidationError(_("Ngày của kỳ báo cáo không hợp lệ."), code="period_dates_invalid")
    period, _created = ReportingPeriod.objects.update_or_create(
        code=clean_line(code),
        defaults={
            "kind": kind,
            "label": clean_line(label),
            "starts_on": starts_on,
            "ends_on": ends_on,
            "due_on": due_on,
        },
    )
    return period


@transaction.atomic
def target_set(*, indicator: Indicator, unit: OrgUnit, period: ReportingPeriod, value: int, by: Any) -> Target:
    if not access.can(by, "plans.assign_task", unit):
        raise ValidationError(_("Bạn không có quyền đặt chỉ tiêu cho đơn vị này."), code="target_forbidden")
    if value < 0:
        raise ValidationError(_("Chỉ tiêu không được âm."), code="target_negative")
    target, _created = Target.objects.update_or_create(
        indicator=indicator, unit=report_scope(unit), period=period, defaults={"value": value}
    )
    return target


@transaction.atomic
def entered_value_set(
    *, indicator: Indicator, unit: OrgUnit, period: ReportingPeriod, value: int, note: str = "", by: Any
) -> EnteredValue:
    if indicator.kind != Indicator.Kind.ENTERED:
        raise ValidationError(_("Chỉ tiêu này được tính tự động từ dữ liệu."), code="indicator_computed")
    if not access.can(by, "plans.edit_report", unit):
        raise ValidationError(_("Bạn không có quyền nhập số liệu cho đơn vị này."), code="entered_forbidden")
    if value < 0:
        raise ValidationError(_("Số liệu không được âm."), code="entered_negative")
    entered, _created = EnteredValue.objects.update_or_create(
        indicator=indicator,
        unit=report_scope(unit),
        period=period,
        defaults={"value": value, "note": clean_line(note), "entered_by": by if getattr(by, "pk", None) else None},
    )
    return entered
