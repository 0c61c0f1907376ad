from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ActivitiesConfig(AppConfig):
    name = "lantoa.activities"
    label = "activities"
    verbose_name = _("Hoạt động cơ sở")
    office_links = (
        ("activities.view_activities", "activities:event-list", _("Hoạt động tuyên truyền, điểm danh QR")),
        ("activities.view_dialogue", "activities:dialogue-list", _("Đối thoại với người lao động")),
        ("activities.manage_dialogue", "activities:dialogue-list", _("Đối thoại tại nơi làm việc, thỏa ước")),
        ("activities.view_activities", "activities:force-list", _("Lực lượng tuyên truyền")),
        ("activities.view_activities", "activities:emulation", _("Thi đua, sáng kiến, mô hình hay")),
        ("activities.view_activities", "activities:welfare-list", _("Phúc lợi cho người lao động")),
    )
    worker_tile = {
        "title": _("Mô hình hay"),
        "text": _("Cách làm hay của công nhân, công đoàn để làm theo"),
        "url_name": "activities:showcase",
        "order": 70,
    }
    sitemaps = {"activities-showcase": "lantoa.activities.sitemaps.ShowcaseSitemap"}
    indicator_sources = "lantoa.activities.indicators.sources"
    demo_loader = "lantoa.activities.demo.load"
    hotspot_signals = {"dialogue_overdue": "lantoa.activities.hotspot_signals.dialogue_overdue"}
