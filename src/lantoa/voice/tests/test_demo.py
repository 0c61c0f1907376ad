from lantoa.orgs import demo as org_demo
from lantoa.voice import demo
from lantoa.voice.models import Report, Survey


def test_demo_loader_builds_reports_and_a_survey_once(db):
    org_demo.load(logins=[])
    summary = demo.load(logins=[])
    assert "demo data" in summary
    count = Report.objects.filter(is_demo=True).count()
    assert count == 5 and Survey.objects.filter(is_demo=True).count() == 1
    demo.load(logins=[])
    assert Report.objects.filter(is_demo=True).count() == count


def test_demo_loader_skips_itself_without_keys(db, settings):
    settings.VOICE_ENCRYPTION_KEYS = []
    assert demo.load(logins=[]).startswith("skipped")
