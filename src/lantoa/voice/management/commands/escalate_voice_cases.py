from django.core.management.base import BaseCommand

from lantoa.voice.services.cases import cases_escalate_overdue


class Command(BaseCommand):
    help = "Escalate overdue voice cases (no first reply, or not resolved in time). Run hourly."

    def handle(self, **options: object) -> None:
        self.stdout.write(f"escalated={cases_escalate_overdue()}")
