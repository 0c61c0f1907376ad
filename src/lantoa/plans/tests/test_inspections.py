import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from lantoa.plans.models import Notice
from lantoa.plans.services import inspections, notices


def test_monitor_records_a_supervision_with_a_finding_and_the_commune_closes_it(
    province_monitor, commune_officer, commune, propaganda_board
):
    binh_hoa = commune("Xã Bình Hòa")
    inspection = inspections.inspection_record(
        unit=binh_hoa,
        by_unit=propaganda_board,
        kind="supervision",
        title="Giám sát quán triệt",
        held_on=dt.date(2026, 3, 20),
        conclusion="",
        by=province_monitor,
    )
    finding = inspections.finding_add(
        inspection=inspection,
        text="Chưa tuyên truyền ở hộ kinh doanh.",
        follow_up="Lập lịch lưu động.",
        due_on=dt.date(2026, 4, 30),
        by=province_monitor,
    )
    assert finding.is_overdue(on=dt.date(2026, 5, 1))
    sent = notices.reminders_send(on=dt.date(2026, 4, 25), days_ahead=7)
    assert [n.unit for n in sent.created if n.kind == Notice.Kind.FINDING_DUE] == [binh_hoa]
    inspections.finding_close(
        finding=finding, closed_on=dt.date(2026, 4, 28), note="Đã tổ chức 2 buổi.", by=commune_officer
    )
    assert not finding.is_overdue(on=dt.date(2026, 5, 1))


def test_a_commune_officer_cannot_inspect(commune_officer, commune, propaganda_board):
    with pytest.raises(ValidationError) as error:
        inspections.inspection_record(
            unit=commune("Xã Bình Hòa"),
            by_unit=propaganda_board,
            kind="inspection",
            title="Tự kiểm tra",
            held_on=dt.date(2026, 3, 20),
            conclusion="",
            by=commune_officer,
        )
    assert error.value.code == "inspect_forbidden"
