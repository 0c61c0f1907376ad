from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from lantoa.legal import checks


class Command(BaseCommand):
    help = (
        "List content citing provisions not in force today, amendments without new wording and mentions of "
        "bodies that no longer exist; exits non-zero unless each is an accepted exception with its reason."
    )

    def handle(self, **options: object) -> None:
        accepted = checks.accepted_exceptions()
        problems = 0
        notes = 0
        for finding in checks.findings(on=timezone.localdate()):
            if not finding.blocking:
                notes += 1
                self.stdout.write(f"ghi chú        {finding.where}: {finding.message}")
                continue
            if finding.key in accepted:
                self.stdout.write(f"đã chấp nhận  {finding.where}: {finding.message} — {accepted[finding.key]}")
                continue
            problems += 1
            self.stdout.write(f"cần xử lý     {finding.where}: {finding.message}  [{finding.key}]")
        if notes:
            self.stdout.write(f"{notes} ghi chú trên trang điều luật (văn bản luật nhắc cơ quan không còn)")
        if problems:
            raise CommandError(f"{problems} vấn đề cần xử lý")
        self.stdout.write("legal_check: không có vấn đề")
