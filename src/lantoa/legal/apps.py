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
        "legal-handbook": "lantoa.legal.sitemaps.HandbookSitemap",
    }
