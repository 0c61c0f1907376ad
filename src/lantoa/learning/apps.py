from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LearningConfig(AppConfig):
    name = "lantoa.learning"
    label = "learning"
    verbose_name = _("Học tập và cuộc thi")
    demo_loader = "lantoa.learning.demo.load"
    public_files = ("lantoa.learning.files.CERTIFICATE_FILES",)
    worker_tile = {
        "title": _("Cuộc thi pháp luật"),
        "text": _("Thi tìm hiểu pháp luật lao động, nhận giấy chứng nhận."),
        "url_name": "learning:contest-list",
        "order": 30,
    }

    def ready(self) -> None:
        from django.db.models.signals import post_save

        from lantoa.learning import handlers
        from lantoa.orgs.models import Person, User

        for model in (Person, User):
            post_save.connect(
                handlers.certificates_refresh, sender=model, dispatch_uid=f"learning-certificates-{model}"
            )
