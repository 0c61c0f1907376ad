from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlansConfig(AppConfig):
    name = "lantoa.plans"
    label = "plans"
    verbose_name = _("Kế hoạch và báo cáo")
    demo_loader = "lantoa.plans.demo.load"
    office_links = (
        ("plans.view_dashboard", "plans:dashboard", _("Bảng điều khiển chỉ tiêu")),
        ("plans.view_dashboard", "plans:home", _("Kế hoạch, nhiệm vụ, nhắc việc")),
        ("plans.view_dashboard", "plans:report-list", _("Báo cáo định kỳ")),
    )
    job_kinds = ("lantoa.plans.jobs.REPORT_FILE_JOB_KIND", "lantoa.plans.jobs.DASHBOARD_XLSX_JOB_KIND")
