"""Demo data for plans (marked as demo): the provincial plan, tasks assigned down, two communes' own plans,
targets and entered figures, the first-quarter reports of 2026 and one inspection. Built by calling services."""

import datetime as dt

from django.db import transaction

from lantoa.orgs import services as org_services
from lantoa.orgs.models import OrgUnit, User
from lantoa.plans.models import Indicator, PlanTask, UnitReport
from lantoa.plans.services import inspections, notices, plans, reports

DEMO_COMMUNES = ("Xã Bình Hòa", "Phường Rạch Giá")
YEAR_END = dt.date(2026, 12, 31)  # the demo communes' own tasks are due within their first year
ROADMAP = """31/03/2026 – Quán triệt Chỉ thị số 58-CT/TW đến cán bộ, đảng viên và công đoàn cơ sở trên địa bàn
30/06/2026 – Mỗi doanh nghiệp có công đoàn cơ sở tổ chức ít nhất 01 buổi tuyên truyền pháp luật lao động
31/12/2026 – 100% doanh nghiệp trên địa bàn tổ chức đối thoại định kỳ; báo cáo năm"""
# indicator code -> (province target, commune target) for each quarter of 2026
TARGETS = {
    "entered.dissemination_sessions": (300, 12),
    "entered.dissemination_attendance": (20000, 900),
    "orgs.union_members": (9000, 4200),
}
ENTERED_Q1 = {
    "Xã Bình Hòa": {
        "entered.traditional_media": 25,
    }
}


@transaction.atomic
def load(*, logins: list[tuple[str, str, str]]) -> str:
    province = org_services.province_get()
    system = User.objects.filter(is_superuser=True).first()
    plan = plans.provincial_plan_seed(province=province, is_demo=True)
    plans.indicators_sync()
    quarters = [plans.period_ensure(code=f"2026-Q{n}") for n in range(1, 5)]
    for code in ("2025-Q3", "2025-Q4", "2026-H1", "2026"):
        plans.period_ensure(code=code)
    plans.review_period_create(
        code="SK-2028",
        kind="interim_review",
        label="Sơ kết giữa nhiệm kỳ (2026 – 2028)",
        starts_on=dt.date(2026, 1, 1),
        ends_on=dt.date(2028, 6, 30),
        due_on=dt.date(2028, 7, 15),
    )
    communes = [OrgUnit.objects.get(name=name) for name in DEMO_COMMUNES]
    cascaded = PlanTask.objects.filter(plan=plan, parent_task=None, section__in=["III.2", "III.4", "IV.1", "IV.3a"])
    for commune in communes:
        plans.unit_plan_save(
            unit=commune,
            parent=plan,
            title=f"Kế hoạch thực hiện Chỉ thị số 58-CT/TW của {commune.name}",
            roadmap=ROADMAP,
            starts_on=dt.date(2026, 1, 1),
            ends_on=dt.date(2030, 12, 31),
            is_demo=True,
        )
        for task in cascaded:
            due = min(task.due_on or YEAR_END, YEAR_END) if task.section != "IV.1" else dt.date(2026, 3, 15)
            plans.task_assign(task=task, assignee=commune, due_on=due, by=system)
    indicators = {i.code: i for i in Indicator.objects.all()}
    for code, (province_target, commune_target) in TARGETS.items():
        for quarter in quarters:
            plans.target_set(
                indicator=indicators[code], unit=province, period=quarter, value=province_target, by=system
            )
            for commune in communes:
                plans.target_set(
                    indicator=indicators[code], unit=commune, period=quarter, value=commune_target, by=system
                )
    for commune in communes:
        for code, value in ENTERED_Q1.get(commune.name, {}).items():
            plans.entered_value_set(
                indicator=indicators[code],
                unit=commune,
                period=quarters[0],
                value=value,
                note="Số liệu minh họa",
                by=system,
            )
    # A report someone has since submitted or approved is theirs now: a second demo run leaves it alone.
    settled = set(
        UnitReport.objects.filter(period=quarters[0])
        .exclude(status__in=[UnitReport.Status.DRAFT, UnitReport.Status.RETURNED])
        .values_list("unit_id", flat=True)
    )
    drafted = [
        reports.report_draft(unit=unit, period=quarters[0], by=system)
        for unit in (province, *communes)
        if unit.pk not in settled
    ]
    inspection = inspections.inspection_record(
        unit=communes[0],
        by_unit=province.children.filter(kind=OrgUnit.Kind.PROPAGANDA_BOARD).first() or province,
        kind="supervision",
        title="Giám sát việc quán triệt Chỉ thị số 58-CT/TW tại doanh nghiệp (minh họa)",
        held_on=dt.date(2026, 3, 20),
        conclusion="Đa số doanh nghiệp trong khu công nghiệp đã tổ chức quán triệt.",
        by=system,
    )
    if not inspection.findings.exists():
        inspections.finding_add(
            inspection=inspection,
            text="Hộ kinh doanh và doanh nghiệp nhỏ chưa được tuyên truyền.",
            follow_up="Xây dựng lịch tuyên truyền lưu động cho doanh nghiệp nhỏ ngoài khu công nghiệp.",
            due_on=dt.date(2026, 6, 30),
            by=system,
        )
    sent = notices.reminders_send(on=dt.date(2026, 4, 5))
    return f"1 provincial plan, {PlanTask.objects.count()} tasks, {len(drafted)} reports drafted, {len(sent.created)} notices"
