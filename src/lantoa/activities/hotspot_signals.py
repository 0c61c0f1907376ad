"""The signal activities gives the hotspot index (voice.services.hotspots): `(start, end) -> {enterprise_id: count}`."""

import datetime as dt

from lantoa.activities.selectors.dialogues import dialogue_overdue_enterprises


def dialogue_overdue(*, start: dt.date, end: dt.date) -> dict[int, int]:
    """1 for each enterprise with workers and no periodic dialogue held in the 12 months up to the week's end
    (Bộ luật Lao động 2019 Điều 63 khoản 2 điểm a: at least once a year)."""
    overdue = dialogue_overdue_enterprises(today=end).filter(worker_count__gt=0)
    return dict.fromkeys(overdue.values_list("pk", flat=True), 1)
