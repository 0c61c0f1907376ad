from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ActivitiesConfig(AppConfig):
    name = "lantoa.activities"
    label = "activities"
    verbose_name = _("Hoạt động cơ sở")
    office_links = (
        ("activities.view_activities", "activities:event-list", _("Hoạt động tuyên truyền")),
        ("activities.view_dialogue", "activities:dialogue-list", _("Đối thoại với người sử dụng lao động")),
        ("activities.manage_dialogue", "activities:dialogue-list", _("Đối thoại tại nơi làm việc, thỏa ước")),
    )
