from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from lantoa.content.models import HelpContact


class HelpContactViewSet(SnippetViewSet):
    model = HelpContact
    icon = "mail"
    menu_label = _("Nơi liên hệ giúp đỡ")
    add_to_admin_menu = True
    list_display = ["title", "kind", "value", "is_demo"]


register_snippet(HelpContactViewSet)
