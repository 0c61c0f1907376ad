from django.conf import settings
from wagtail.models import Site

from lantoa.content import services


def test_the_site_editors_see_is_named_lan_toa_and_only_vietnamese_is_offered(db):
    Site.objects.filter(is_default_site=True).update(site_name="")
    services.lesson_index_ensure()
    assert Site.objects.get(is_default_site=True).site_name == "Lan Tỏa"
    assert [code for code, _name in settings.LANGUAGES] == ["vi"]
