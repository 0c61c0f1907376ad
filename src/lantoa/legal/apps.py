from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LegalConfig(AppConfig):
    name = "lantoa.legal"
    label = "legal"
    verbose_name = "Pháp luật"
    worker_tile = (
        {
            "title": _("Tính quyền lợi"),
            "text": _("Lương tối thiểu, làm thêm giờ, nghỉ phép, trợ cấp thôi việc, bảo hiểm"),
            "url_name": "legal:calculators:index",
            "order": 30,
        },
    )
    office_links = (
        ("legal.view_parameters", "legal:calculators:parameter-list", _("Tham số lao động theo thời gian")),
    )
    demo_loader = "lantoa.legal.calculators.demo.load"
