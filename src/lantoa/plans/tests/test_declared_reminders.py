"""Reminders other apps declare (`core.registry.reminders`) become plans' notices, once per unit, subject and day."""

import datetime as dt

import pytest

from lantoa.core import registry
from lantoa.orgs.models import OrgUnit
from lantoa.plans.models import Notice
from lantoa.plans.services import notices

ON = dt.date(2026, 4, 5)


def test_a_declared_reminder_is_recorded_once_a_day(monkeypatch: pytest.MonkeyPatch, province: OrgUnit) -> None:
    asked: list[dt.date] = []

    def declared(*, on: dt.date) -> list[registry.Reminder]:
        asked.append(on)
        return [registry.Reminder(province.pk, Notice.Kind.RECOMMENDATION_DUE, "thing:1", "Việc cần trả lời.", "/x/")]

    monkeypatch.setattr(registry, "reminders", declared)
    first = notices.reminders_send(on=ON)
    again = notices.reminders_send(on=ON)
    assert [(n.unit_id, n.kind, n.message, n.url) for n in first.created] == [
        (province.pk, Notice.Kind.RECOMMENDATION_DUE, "Việc cần trả lời.", "/x/")
    ]
    assert again.created == [] and again.already_sent == 1 and asked == [ON, ON]
    assert [n.kind for n in notices.notices_unmailed(on=ON)] == [Notice.Kind.RECOMMENDATION_DUE]


def test_a_declared_reminder_of_an_unknown_kind_is_refused(monkeypatch: pytest.MonkeyPatch, province: OrgUnit) -> None:
    monkeypatch.setattr(
        registry, "reminders", lambda *, on: [registry.Reminder(province.pk, "no_such_kind", "thing:1", "…")]
    )
    with pytest.raises(ValueError, match="no_such_kind"):
        notices.reminders_send(on=ON)
    assert not Notice.objects.exists()
