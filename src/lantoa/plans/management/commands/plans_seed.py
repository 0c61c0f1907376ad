from django.core.management.base import BaseCommand, CommandError

from lantoa.orgs import services as org_services
from lantoa.orgs.models import OrgUnit
from lantoa.plans.services import plans


class Command(BaseCommand):
    help = "Create or refresh the provincial plan from PROVINCIAL_PLAN_FILE (after load_admin_units; idempotent)."

    def handle(self, **options: object) -> None:
        try:
            province = org_services.province_get()
        except OrgUnit.DoesNotExist as error:
            raise CommandError("Chưa có tỉnh: chạy manage.py load_admin_units trước.") from error
        plan = plans.provincial_plan_seed(province=province)
        self.stdout.write(f"{plan.title}: {plan.tasks.count()} nhiệm vụ")
