from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContentConfig(AppConfig):
    name = "lantoa.content"
    label = "content"
    verbose_name = _("Nội dung tuyên truyền")
    demo_loader = "lantoa.content.demo.load"
    public_files = ("lantoa.content.files.LESSON_FILES",)
    provision_explainers = "lantoa.content.selectors.lessons_explaining"
    worker_home_items = "lantoa.content.selectors.worker_home_items"
    offline_pages = (
        ("content:lesson-index", _("Bài học và bài kiểm tra của chủ đề bạn đã lưu")),
        ("content:offline", None),
    )
    offline_static = ("core/worker.css", "core/behaviours.js", "content/offline.js")
    worker_tile = {
        "title": _("Bài học 2 phút"),
        "text": _("Hợp đồng, tiền lương, bảo hiểm, an toàn lao động…"),
        "url_name": "content:lesson-index",
        "order": 10,
    }

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in
        from django.db.models.signals import post_delete
        from wagtail.models import Page
        from wagtail.signals import page_published, page_unpublished, post_page_move, workflow_approved

        from lantoa.content import caching, handlers

        workflow_approved.connect(handlers.record_official_approval, dispatch_uid="content-official-approval")
        user_logged_in.connect(handlers.sync_editorial_groups, dispatch_uid="content-editorial-groups")
        for signal in (page_published, page_unpublished):
            signal.connect(handlers.lesson_files_refresh, dispatch_uid=f"content-lesson-files-{signal!r}")
        for signal, sender in (
            (page_published, None),
            (page_unpublished, None),
            (post_page_move, None),
            (post_delete, Page),
        ):
            signal.connect(
                caching.content_generation.bump_on_commit, sender=sender, dispatch_uid=f"content-cache-{signal!r}"
            )
