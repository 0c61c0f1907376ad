from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class VoiceConfig(AppConfig):
    name = "lantoa.voice"
    label = "voice"
    verbose_name = _("Tiếng nói người lao động")
    worker_tile = {
        "title": _("Phản ánh ẩn danh"),
        "text": _("Nói điều bạn gặp ở nơi làm việc, không ai biết bạn là ai."),
        "url_name": "voice:report-new",
        "order": 30,
    }
    worker_home_items = "lantoa.voice.selectors.surveys.worker_home_items"
    worker_home_templates = ("voice/_home_receipts.html",)
    offline_pages = (
        ("voice:report-new", _("Gửi phản ánh: được giữ trên điện thoại và tự gửi khi có mạng")),
        ("voice:follow", _("Phản ánh của bạn và trả lời đã xem")),
    )
    offline_static = ("voice/voice.css", "voice/outbox.js", "voice/receipts.js")
    worker_page_scripts = (("voice/outbox.js", "lantoa.voice.outbox"),)
    office_links = (
        ("voice.view_case", "voice:case-list", _("Phản ánh của người lao động")),
        ("voice.view_aggregates", "voice:aggregates", _("Tổng hợp phản ánh (ẩn danh)")),
        ("voice.manage_survey", "voice:survey-list", _("Khảo sát tâm tư, nguyện vọng")),
        ("voice.view_warnings", "voice:hotspots", _("Cảnh báo sớm điểm nóng")),
    )
    job_kinds = ("lantoa.voice.jobs.SURVEY_EXPORT_JOB_KIND",)
    demo_loader = "lantoa.voice.demo.load"
    api_router = ("/voice/", "lantoa.voice.api.router")
    sitemaps = {"voice": "lantoa.voice.sitemaps.VoicePagesSitemap"}
    indicator_sources = "lantoa.voice.indicators.sources"
    metric_counts = (("lantoa_voice_reports", "Anonymous reports by status.", "voice.Report", "status"),)

    def ready(self) -> None:
        from lantoa.voice.catalogue import catalogue_ensure

        # Categories and weights are data officials edit; this only adds the missing ones after migrate/flush.
        post_migrate.connect(catalogue_ensure, sender=self, dispatch_uid="voice_catalogue_ensure")
