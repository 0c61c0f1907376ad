from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CalculatorsConfig(AppConfig):
    name = "lantoa.calculators"
    label = "calculators"
    verbose_name = _("Tính quyền lợi")
    worker_tile = {
        "title": _("Tính quyền lợi"),
        "text": _("Lương tối thiểu, làm thêm giờ, nghỉ phép, trợ cấp thôi việc, bảo hiểm"),
        "url_name": "calculators:index",
        "order": 30,
    }
    office_links = (("legal.view_parameters", "calculators:parameter-list", _("Tham số lao động theo thời gian")),)
    demo_loader = "lantoa.calculators.demo.load"
    api_router = ("/calculators/", "lantoa.calculators.api.router")
    provision_tools = "lantoa.calculators.selectors.calculator_links_for_article"

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        from lantoa.calculators import selectors
        from lantoa.calculators.models import LabourParameter
        from lantoa.legal.models import Document

        for signal in (post_save, post_delete):
            for sender in (LabourParameter, Document):
                signal.connect(
                    selectors.parameters_generation.bump_on_commit,
                    sender=sender,
                    dispatch_uid=f"parameters-{signal!r}-{sender}",
                )
