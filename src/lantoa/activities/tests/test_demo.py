from lantoa.activities import demo
from lantoa.activities.models import Dialogue, Event, GoodModel
from lantoa.activities.selectors.dialogues import enterprises_without_dialogue
from lantoa.orgs import demo as orgs_demo
from lantoa.orgs.models import User


def test_demo_loader_builds_labelled_activities_once(db: None) -> None:
    logins: list[tuple[str, str, str]] = []
    orgs_demo.load(logins=logins)
    summary = demo.load(logins=logins)
    assert "demo data" in summary
    assert Event.objects.count() == Event.objects.filter(is_demo=True).count() > 0
    assert Dialogue.objects.filter(is_demo=True, commitments__isnull=False).exists()
    assert GoodModel.objects.filter(is_published=True, is_demo=True).count() == 2
    assert demo.load(logins=logins) == "demo activities already loaded"
    assert Event.objects.count() == len(demo.HELD_EVENTS) + len(demo.PLANNED_EVENTS) + 1
    officer = User.objects.get(username="0900000002")
    first = Event.objects.first()
    assert first is not None
    overdue = {e.tax_code for e in enterprises_without_dialogue(user=officer, today=first.created_at.date())}
    assert demo.KIEN_TAM in overdue  # last dialogue 420 days ago
    assert demo.SONG_HAU not in overdue
