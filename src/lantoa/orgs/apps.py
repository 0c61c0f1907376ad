from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrgsConfig(AppConfig):
    name = "lantoa.orgs"
    label = "orgs"
    verbose_name = _("Tổ chức và người dùng")
    demo_loader = "lantoa.orgs.demo.load"
    # Back-office menu entries: (action checked with orgs.access.can, url name, label). Other apps declare theirs.
    office_links = (
        ("orgs.view_unit", "orgs:unit-tree", _("Cây tổ chức")),
        ("orgs.view_enterprise", "orgs:enterprise-list", _("Doanh nghiệp")),
        ("orgs.import", "orgs:import-upload", _("Nhập đơn vị, doanh nghiệp từ Excel")),
        ("orgs.view_jobs", "orgs:jobs", _("Công việc chạy nền"), "lantoa.orgs.selectors.province"),
    )
    job_kinds = ("lantoa.orgs.imports.IMPORT_JOB_KIND",)
    public_files = ("lantoa.orgs.files.IMPORT_TEMPLATE_FILES",)

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        from lantoa.orgs.models import Enterprise, OrgUnit
        from lantoa.orgs.selectors import structure_generation

        for signal in (post_save, post_delete):
            for sender in (OrgUnit, Enterprise):
                signal.connect(
                    structure_generation.bump_on_commit, sender=sender, dispatch_uid=f"structure-{signal!r}-{sender}"
                )
