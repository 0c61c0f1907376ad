import datetime as dt

import time_machine

from lantoa.activities.models import Dialogue
from lantoa.activities.services import dialogues as services
from lantoa.voice.services.hotspots import hotspot_week_compute, week_signals

MONDAY = dt.date(2026, 6, 15)


def test_an_enterprise_without_a_dialogue_in_twelve_months_reaches_the_hotspot_index(
    enterprise_a, enterprise_b, make_enterprise
):
    with time_machine.travel(dt.datetime(2026, 6, 17, 9, tzinfo=dt.UTC), tick=False):
        services.dialogue_record(
            enterprise=enterprise_a, kind=Dialogue.Kind.PERIODIC, held_on=dt.date(2025, 6, 1), agenda="Tiền ăn ca"
        )
        services.dialogue_record(
            enterprise=enterprise_b, kind=Dialogue.Kind.PERIODIC, held_on=dt.date(2026, 3, 2), agenda="Nhà xe"
        )
        empty = make_enterprise(name="Công ty không có lao động", workers=0)
        signals, _reports = week_signals(week_on=MONDAY)
        scores = {score.unit_id: score for score in hotspot_week_compute(week_on=MONDAY)}
    assert signals[enterprise_a.pk]["dialogue_overdue"] == 1
    assert enterprise_b.pk not in signals or signals[enterprise_b.pk]["dialogue_overdue"] == 0
    assert empty.pk not in signals
    # The warning board lists the signals behind each score; the overdue dialogue is one of them.
    assert scores[enterprise_a.unit_id].signals == {"dialogue_overdue": 1}
