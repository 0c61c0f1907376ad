from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LearningConfig(AppConfig):
    name = "lantoa.learning"
    label = "learning"
    verbose_name = _("Học tập và cuộc thi")
    demo_loader = "lantoa.learning.demo.load"
