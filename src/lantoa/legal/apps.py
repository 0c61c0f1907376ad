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
        {
            "title": _("Tính quyền lợi"),
            "text": _("Lương tối thiểu, làm thêm giờ, nghỉ phép, trợ cấp thôi việc, bảo hiểm"),
            "url_name": "legal:calculators:index",
            "order": 30,
        },
    )
    office_links = (
        ("legal.view_questions", "legal:office-questions", _("Câu hỏi gửi tư vấn viên")),
        ("legal.view_parameters", "legal:calculators:parameter-list", _("Tham số lao động theo thời gian")),
    )
    # The library's loader also runs the calculators' one (labour parameters): one loader per app.
    demo_loader = "lantoa.legal.demo.load"
    api_router = ("/legal/", "lantoa.legal.api.router")
    sitemaps = {
        "legal-documents": "lantoa.legal.sitemaps.DocumentSitemap",
        "legal-articles": "lantoa.legal.sitemaps.ArticleSitemap",
        "legal-handbook": "lantoa.legal.sitemaps.HandbookSitemap",
    }
