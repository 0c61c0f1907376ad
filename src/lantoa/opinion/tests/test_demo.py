from lantoa.legal.models import Provision
from lantoa.opinion import demo
from lantoa.opinion.models import ClaimGroup, Clarification, Recommendation, ThoughtNote
from lantoa.opinion.selectors.recommendations import state_of
from lantoa.orgs import demo as org_demo


def test_demo_publishes_clarifications_citing_law_notes_and_recommendations_in_every_state(
    db: None, bhxh_article: Provision
) -> None:
    org_demo.load(logins=[])
    summary = demo.load(logins=[])
    assert "kiến nghị" in summary
    published = Clarification.objects.filter(is_demo=True)
    assert all(item.citations.exists() for item in published)
    assert ClaimGroup.objects.filter(clarification__isnull=True).count() == 2
    assert ThoughtNote.objects.filter(is_demo=True).count() >= 4
    states = {state_of(row) for row in Recommendation.objects.filter(is_demo=True)}
    assert states == {"open", "overdue", "answered", "answered_late"}
    demo.load(logins=[])
    assert ClaimGroup.objects.filter(is_demo=True).count() == ClaimGroup.objects.count()
