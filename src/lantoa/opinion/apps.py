from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class OpinionConfig(AppConfig):
    name = "lantoa.opinion"
    label = "opinion"
    verbose_name = _("Dư luận xã hội")
    worker_tile = {
        "title": _("Hỏi thật hay giả"),
        "text": _("Nghe tin đồn về lương, BHXH, việc làm? Gửi hỏi, cơ quan có thẩm quyền trả lời."),
        "url_name": "opinion:claim-new",
        "order": 35,
    }
    worker_home_templates = ("opinion/_home_claims.html",)
    offline_pages = (
        ("opinion:claim-new", _("Hỏi tin thật hay giả: được giữ trên điện thoại và tự gửi khi có mạng")),
        ("opinion:claim-follow", _("Câu hỏi về tin đồn của bạn và trả lời đã xem")),
    )
    offline_static = ("opinion/claims.js",)
    office_links = (
        (
            "opinion.view_claims",
            "opinion:desk",
            _("Kiểm chứng thông tin"),
            "lantoa.opinion.services.claims.answering_unit",
        ),
        ("opinion.answer_recommendation", "opinion:recommendations", _("Kiến nghị và trả lời")),
        ("opinion.record_notes", "opinion:note-new", _("Ghi nhận tình hình tư tưởng")),
        ("opinion.record_notes", "opinion:spread", _("Thông tin cần lan tỏa")),
        ("opinion.view_notes", "opinion:notes-rollup", _("Tổng hợp tình hình tư tưởng")),
    )
    indicator_sources = "lantoa.opinion.indicators.sources"
    job_kinds = ("lantoa.opinion.jobs.MONTHLY_REPORT_JOB_KIND",)
    demo_loader = "lantoa.opinion.demo.load"
    hotspot_signals = {
        "rumour_spreading": "lantoa.opinion.hotspot_signals.rumour_spreading",
        "mood_falling": "lantoa.opinion.hotspot_signals.mood_falling",
    }
    reminders = "lantoa.opinion.reminders.reminders"
    case_follow_notes = "lantoa.opinion.selectors.recommendations.case_follow_notes"
    # Worker pages of the rumour desk keep no address or user agent, like worker voice (see voice.privacy).
    anonymous_paths = ("/hoi-tin-don/", "/api/v1/claims")
    receipt_paths = ("/api/v1/claims/",)  # GET /api/v1/claims/{receipt}
    api_router = ("/", "lantoa.opinion.api.router")

    def ready(self) -> None:
        from lantoa.opinion.services.notes import topics_ensure

        post_migrate.connect(topics_ensure, sender=self, dispatch_uid="opinion_topics_ensure")
