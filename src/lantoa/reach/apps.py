from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReachConfig(AppConfig):
    name = "lantoa.reach"
    label = "reach"
    verbose_name = _("Độ bao phủ")
    office_links = (("reach.view_coverage", "reach:coverage", _("Độ bao phủ tuyên truyền")),)
    indicator_sources = "lantoa.reach.indicators.indicator_sources"

    def ready(self) -> None:
        from lantoa.content.signals import page_viewed
        from lantoa.learning.signals import quiz_counted
        from lantoa.reach import handlers

        page_viewed.connect(handlers.page_viewed, dispatch_uid="reach-page-viewed")
        quiz_counted.connect(handlers.quiz_counted, dispatch_uid="reach-quiz-counted")
