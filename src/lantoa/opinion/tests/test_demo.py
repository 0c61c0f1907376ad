from lantoa.legal.models import Provision
from lantoa.opinion import demo
from lantoa.opinion.models import ClaimGroup, Clarification, Recommendation, ThoughtNote
from lantoa.opinion.selectors.recommendations import state_of
from lantoa.opinion.services import notes as note_services
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
    # Each note quotes what is said about each of its topics: the monthly report does not print one sentence for every topic.
    assert set(demo.QUOTES_OF) == set(note_services.SEED_TOPICS)
    for note in ThoughtNote.objects.filter(is_demo=True).prefetch_related("topics"):
        assert set(note.quotes.splitlines()) == {demo.QUOTES_OF[topic.name] for topic in note.topics.all()}
    states = {state_of(row) for row in Recommendation.objects.filter(is_demo=True)}
    assert states == {"open", "overdue", "answered", "answered_late"}
    demo.load(logins=[])
    assert ClaimGroup.objects.filter(is_demo=True).count() == ClaimGroup.objects.count()
