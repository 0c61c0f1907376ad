import datetime as dt

from django.test import Client
from django.urls import reverse
from django.utils import timezone

from lantoa.legal.models import Provision
from lantoa.opinion import demo
from lantoa.opinion.models import ClaimGroup, Clarification, Recommendation, ThoughtNote
from lantoa.opinion.selectors import note_series
from lantoa.opinion.selectors.recommendations import state_of
from lantoa.opinion.services import notes as note_services
from lantoa.orgs import demo as org_demo
from lantoa.orgs.models import User


def test_demo_publishes_clarifications_citing_law_notes_and_recommendations_in_every_state(
    db: None, bhxh_article: Provision, client: Client
) -> None:
    org_demo.load(logins=[])
    summary = demo.load(logins=[])
    assert "kiến nghị" in summary
    published = Clarification.objects.filter(is_demo=True)
    assert all(item.citations.exists() for item in published)
    assert ClaimGroup.objects.filter(clarification__isnull=True).count() == 2
    assert ThoughtNote.objects.filter(is_demo=True).count() >= 4
    # Each note quotes what is said about each of its topics: the monthly report does not print one sentence for every topic.
    assert set(demo.QUOTES_OF) == set(note_services.SEED_TOPICS)
    for note in ThoughtNote.objects.filter(is_demo=True).prefetch_related("topics"):
        assert set(note.quotes.splitlines()) == {demo.QUOTES_OF[topic.name] for topic in note.topics.all()}
    states = {state_of(row) for row in Recommendation.objects.filter(is_demo=True)}
    assert states == {"open", "overdue", "answered", "answered_late"}
    # Notes come from a propagandist at each enterprise over several weeks, so the series shows figures.
    notes = ThoughtNote.objects.filter(is_demo=True)
    assert notes.values("reporter").distinct().count() >= 5 and notes.values("period_start").distinct().count() >= 4
    officer = User.objects.get(username="0900000002")
    today = timezone.localdate()
    weekly = note_series.series(
        user=officer, dimension="topic", grain="week", start=today - dt.timedelta(weeks=6), end=today
    )
    wages = next(row for row in weekly.rows if row.label == "Tiền lương và thưởng Tết")
    assert sum(1 for cell in wages.cells if cell) >= 4 and weekly.held_rows + len(weekly.rows) >= 3
    by_segment = note_series.series(
        user=officer, dimension="segment", grain="month", start=today - dt.timedelta(weeks=6), end=today
    )
    assert any(cell for row in by_segment.rows for cell in row.cells)
    # A worker's case was carried to the commune: its receipt (printed by the demo) shows it and the answer.
    receipt = summary.rsplit(" ", 1)[-1]
    page = client.post(reverse("voice:follow"), {"receipt": receipt}).content.decode()
    recommendation = Recommendation.objects.get(is_demo=True, report__isnull=False)
    assert f"Đã kiến nghị tới {recommendation.addressee} ngày {recommendation.raised_on:%d/%m/%Y}" in page
    assert recommendation.answer in page
    demo.load(logins=[])
    assert ClaimGroup.objects.filter(is_demo=True).count() == ClaimGroup.objects.count()
