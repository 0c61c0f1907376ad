"""The employer's view: k-anonymous counts over fixed calendar months that no moving of the date range can beat."""

import datetime as dt

from django.urls import reverse
from time_machine import TimeMachineFixture

from lantoa.voice.selectors import aggregates

ZONE = dt.timezone(dt.timedelta(hours=7))


def at(time_machine: TimeMachineFixture, day: dt.date, hour: int = 9) -> None:
    time_machine.move_to(dt.datetime.combine(day, dt.time(hour, 17, 3), tzinfo=ZONE))


def test_employer_sees_only_cells_of_at_least_five_and_shared_texts(
    client, employer, enterprise_a, grassroots_union, submit, time_machine
):
    at(time_machine, dt.date(2026, 9, 8))
    for index in range(5):
        submit(enterprise=enterprise_a, category="luong-cham-thieu", text=f"Chậm lương lần {index}.")
    submit(enterprise=enterprise_a, category="quay-roi", text="Tổ trưởng quấy rối chị em.")
    submit(enterprise=enterprise_a, category="bua-an-ca", text="Cơm ca nguội lắm.", is_shareable=True)
    running = client.get(reverse("voice:aggregates"))  # the running month is never shown
    at(time_machine, dt.date(2026, 10, 20))
    client.force_login(employer)
    assert "Chậm lương" not in running.content.decode()
    page = client.get(reverse("voice:aggregates")).content.decode()
    assert "Tháng 09/2026" in page and "Lương chậm, thiếu" in page and ">5<" in page
    assert "Tổ trưởng quấy rối" not in page and "Chậm lương lần" not in page
    assert "Cơm ca nguội lắm." in page
    table = aggregates.aggregate_for_enterprise(
        enterprise=enterprise_a, start=dt.date(2000, 1, 1), end=dt.date(2100, 1, 1)
    )
    september = next(month for month in table.months if month.month == dt.date(2026, 9, 1))
    counts = {cell.label: cell.count for cell in september.cells if cell.count is not None}
    assert counts == {"Lương chậm, thiếu": 5}  # harassment and meals read "dưới 5", like every empty category
    assert len(september.cells) == 10
    assert september.total is None  # 2 hidden reports could be worked out from a total of 7
    assert table.months[-1].month == dt.date(2026, 9, 1)  # October is still running


def test_below_five_reports_nothing_is_shown_even_if_shareable(employer, enterprise_a, labour_federation, submit):
    submit(enterprise=enterprise_a, text="Chia sẻ được.", is_shareable=True)
    table = aggregates.aggregate_for_enterprise(
        enterprise=enterprise_a, start=dt.date(2000, 1, 1), end=dt.date(2100, 1, 1)
    )
    assert all(not month.shared_texts and month.total is None for month in table.months)


def test_shifting_the_range_by_a_day_around_a_single_report_reveals_nothing(
    client, employer, enterprise_a, grassroots_union, submit, time_machine
):
    """The attack that beat the old view: one harassment report on 15/09, windows moved a day at a time around it."""
    for day in (2, 9, 16, 23, 29):
        at(time_machine, dt.date(2026, 9, day))
        submit(enterprise=enterprise_a, category="luong-cham-thieu", text=f"Lương chậm, ghi ngày {day}.")
    for day in (3, 10, 17, 24, 28):
        at(time_machine, dt.date(2026, 10, day))
        submit(enterprise=enterprise_a, category="lam-them-qua-muc", text=f"Tăng ca, ghi ngày {day}.")
    lone = "Tổ trưởng ca B quấy rối tôi ở kho."
    at(time_machine, dt.date(2026, 9, 15), hour=22)
    submit(enterprise=enterprise_a, category="quay-roi", text=lone, is_shareable=True)
    at(time_machine, dt.date(2026, 11, 20))

    seen: dict[dt.date, tuple] = {}
    target = dt.date(2026, 9, 15)
    for shift_start in range(-20, 21):
        for shift_end in (-1, 0, 1):
            start = target + dt.timedelta(days=shift_start)
            end = max(start, target + dt.timedelta(days=shift_start + 30 + shift_end))
            table = aggregates.aggregate_for_enterprise(enterprise=enterprise_a, start=start, end=end)
            for month in table.months:
                figures = (
                    tuple((cell.label, cell.count) for cell in month.cells),
                    month.total,
                    tuple(month.shared_texts),
                )
                # Every month reads the same in every window that shows it: nothing to subtract.
                assert seen.setdefault(month.month, figures) == figures
                assert ("Quấy rối", 1) not in figures[0]
    assert set(seen) == {dt.date(2026, 8, 1), dt.date(2026, 9, 1), dt.date(2026, 10, 1)}
    # The shared text shows in its month, among six reports, without its day, hour or category.
    assert seen[dt.date(2026, 9, 1)][2] == (lone,) or lone in seen[dt.date(2026, 9, 1)][2]
    client.force_login(employer)
    pages = set()
    for typed_start, typed_end in (
        ("2026-09-14", "2026-10-14"),
        ("2026-09-15", "2026-10-15"),
        ("2026-09-16", "2026-10-16"),
    ):
        page = client.get(reverse("voice:aggregates"), {"start": typed_start, "end": typed_end}).content.decode()
        shown = page[page.index("<h1>") : page.index("</main>")]
        shown = shown[shown.index("</form>") :]  # all but the echo of the typed dates
        assert "15/09" not in shown and "22:" not in shown and "Tháng 09/2026" in shown
        pages.add(shown)
    assert len(pages) == 1  # the three windows show byte for byte the same figures


def test_a_range_longer_than_24_months_is_refused_in_vietnamese(client, employer, enterprise_a, time_machine):
    at(time_machine, dt.date(2026, 11, 20))
    client.force_login(employer)
    response = client.get(reverse("voice:aggregates"), {"start": "01/01/2020", "end": "31/10/2026"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "Chỉ xem được tối đa 24 tháng một lần." in page
    assert response.context["months"] == [dt.date(2026, 8, 1), dt.date(2026, 9, 1), dt.date(2026, 10, 1)]  # 90 days
    no_end = client.get(reverse("voice:aggregates"), {"start": "01/10/2024"})  # to today: 26 months
    assert "Chỉ xem được tối đa 24 tháng một lần." in no_end.content.decode()


def test_exactly_24_months_are_shown_and_the_selector_never_reads_more(client, employer, enterprise_a, time_machine):
    at(time_machine, dt.date(2026, 11, 20))
    client.force_login(employer)
    response = client.get(reverse("voice:aggregates"), {"start": "01/11/2024", "end": "31/10/2026"})
    assert "Chỉ xem được tối đa" not in response.content.decode()
    assert len(response.context["months"]) == 24
    table = aggregates.aggregate_for_enterprise(
        enterprise=enterprise_a, start=dt.date(2000, 1, 1), end=dt.date(2100, 1, 1)
    )
    assert [month.month for month in table.months][::23] == [dt.date(2024, 11, 1), dt.date(2026, 10, 1)]
