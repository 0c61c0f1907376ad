from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LegalConfig(AppConfig):
    name = "lantoa.legal"
    label = "legal"
    verbose_name = _("Pháp luật")
    worker_tile = (
        {
            "title": _("Hỏi luật lao động"),
            "text": _("Gõ câu hỏi như khi nói chuyện, xem điều luật và sổ tay."),
            "url_name": "legal:search",
            "order": 10,
        },
        {
            "title": _("Sổ tay pháp luật"),
            "text": _("Giải thích ngắn từng quyền lợi, tra theo chủ đề."),
            "url_name": "legal:handbook",
            "order": 20,
        },
    )
    offline_pages = (
        ("legal:handbook", _("Sổ tay pháp luật: đọc và tìm được cả khi không có mạng")),
        ("legal:handbook-data", None),
    )
    offline_static = ("legal/legal.css", "legal/handbook.js")
    office_links = (("legal.view_questions", "legal:office-questions", _("Câu hỏi gửi tư vấn viên")),)
    # Asking an adviser needs no account: like worker voice, no address or user agent reaches these pages.
    anonymous_paths = ("/phap-luat/tu-van/",)
    demo_loader = "lantoa.legal.demo.load"
    health_reports = {"search_index": "lantoa.legal.selectors.search_index_health"}
    api_router = ("/legal/", "lantoa.legal.api.router")
    sitemaps = {
        "legal-documents": "lantoa.legal.sitemaps.DocumentSitemap",
        "legal-articles": "lantoa.legal.sitemaps.ArticleSitemap",
        "legal-handbook-chapters": "lantoa.legal.sitemaps.HandbookChapterSitemap",
        "legal-handbook": "lantoa.legal.sitemaps.HandbookSitemap",
    }

    def ready(self) -> None:
        from django.db.models.signals import m2m_changed, post_delete, post_save

        from lantoa.legal import library_cache
        from lantoa.legal.models import (
            Amendment,
            Citation,
            Document,
            HandbookChapter,
            HandbookEntry,
            Provision,
            Relation,
        )

        # Every model of the law library the pages read (adviser questions are not: asking one changes no answer).
        # Writes that send no signal (`update`, `bulk_create`) call library_cache.library_changed themselves.
        for sender in (Document, Provision, Relation, Amendment, HandbookChapter, HandbookEntry, Citation):
            for signal in (post_save, post_delete):
                signal.connect(
                    library_cache.library_changed, sender=sender, dispatch_uid=f"library-{signal!r}-{sender}"
                )
        m2m_changed.connect(
            library_cache.library_changed, sender=HandbookEntry.provisions.through, dispatch_uid="library-m2m-citations"
        )
