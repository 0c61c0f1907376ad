import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from lantoa.orgs.models import OrgUnit
from lantoa.plans.models import Notice, PlanTask
from lantoa.plans.services import plans


def test_provincial_plan_seed_creates_the_tasks_of_sections_three_and_four_with_responsible_bodies(
    provincial_plan, propaganda_board, labour_federation
):
    sections = list(provincial_plan.tasks.values_list("section", flat=True))
    assert sections[:5] == ["III.1", "III.2", "III.3", "III.4", "III.5"]
    assert "IV.5" in sections and "IV.3c" in sections
    monitoring = provincial_plan.tasks.get(section="IV.5")
    assert monitoring.assignee == propaganda_board
    assert "Ban Tuyên giáo và Dân vận Tỉnh ủy" in monitoring.lead_text
    assert provincial_plan.tasks.get(section="IV.3c").assignee == labour_federation
    assert len(provincial_plan.roadmap_steps) == 5


def test_provincial_plan_seed_is_idempotent(province, provincial_plan):
    count = PlanTask.objects.count()
    again = plans.provincial_plan_seed(province=province)
    assert again.pk == provincial_plan.pk
    assert PlanTask.objects.count() == count


def test_a_body_missing_from_the_tree_leaves_the_task_with_the_province(province):
    plan = plans.provincial_plan_seed(province=province)
    assert plan.tasks.get(section="IV.2").assignee == province


def test_monitor_assigns_a_task_to_a_commune_with_a_deadline_and_the_commune_is_notified(
    provincial_plan, province_monitor, commune
):
    task = provincial_plan.tasks.get(section="IV.1")
    binh_hoa = commune("Xã Bình Hòa")
    child = plans.task_assign(task=task, assignee=binh_hoa, due_on=dt.date(2026, 3, 15), by=province_monitor)
    assert child.parent_task == task
    assert child.assignee == binh_hoa
    assert child.assigned_by is not None and child.assigned_by.kind == OrgUnit.Kind.PROVINCE
    assert Notice.objects.filter(unit=binh_hoa, kind=Notice.Kind.TASK_ASSIGNED).count() == 1


def test_assigned_deadline_cannot_be_later_than_the_task_deadline(provincial_plan, province_monitor, commune):
    task = provincial_plan.tasks.get(section="IV.1")
    with pytest.raises(ValidationError) as error:
        plans.task_assign(task=task, assignee=commune("Xã Bình Hòa"), due_on=dt.date(2027, 1, 1), by=province_monitor)
    assert error.value.code == "assign_due_after_parent"


def test_a_commune_officer_cannot_assign_a_provincial_task(provincial_plan, commune_officer, commune):
    task = provincial_plan.tasks.get(section="IV.1")
    with pytest.raises(ValidationError) as error:
        plans.task_assign(task=task, assignee=commune("Xã Bình Hòa"), due_on=None, by=commune_officer)
    assert error.value.code == "assign_forbidden"


def test_a_commune_passes_its_task_on_to_an_enterprise_in_it(
    provincial_plan, province_monitor, commune_officer, commune, enterprise_a
):
    task = provincial_plan.tasks.get(section="III.2")
    mine = plans.task_assign(
        task=task, assignee=commune("Xã Bình Hòa"), due_on=dt.date(2026, 12, 31), by=province_monitor
    )
    theirs = plans.task_assign(task=mine, assignee=enterprise_a.unit, due_on=dt.date(2026, 9, 30), by=commune_officer)
    assert theirs.parent_task == mine
    assert theirs.assigned_by == commune("Xã Bình Hòa")


def test_unit_plan_rejects_reversed_dates(provincial_plan, commune):
    with pytest.raises(ValidationError) as error:
        plans.unit_plan_save(
            unit=commune("Xã Bình Hòa"),
            parent=provincial_plan,
            title="Kế hoạch",
            roadmap="",
            starts_on=dt.date(2026, 5, 1),
            ends_on=dt.date(2026, 1, 1),
        )
    assert error.value.code == "plan_dates_reversed"
