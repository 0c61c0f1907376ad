import datetime as dt

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from lantoa.plans.services import notices


class Command(BaseCommand):
    help = (
        "Record in-app reminders for reports, tasks, follow-ups and recommendations coming due (once a day per subject) and e-mail "
        "them to the units' officials who have an address, with those whose e-mail failed on an earlier run."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--on", type=dt.date.fromisoformat, default=None, help="date to act as today (YYYY-MM-DD)")
        parser.add_argument("--days", type=int, default=7, help="how many days ahead to remind")
        parser.add_argument("--no-mail", action="store_true", help="in-app notices only")

    def handle(self, *, on: dt.date | None, days: int, **options: object) -> None:
        on = on or timezone.localdate()
        result = notices.reminders_send(on=on, days_ahead=days)
        for notice in result.created:
            self.stdout.write(f"{notice.unit.code}\t{notice.get_kind_display()}\t{notice.message}")
        mail = notices.MailResult(sent=0, failed=0) if options["no_mail"] else notices.notices_mail(on=on)
        self.stdout.write(f"created={len(result.created)} already_sent={result.already_sent} mailed={mail.sent}")
        if mail.failed:
            # The job shows failed; the notices are recorded and their e-mails go at the next run.
            raise CommandError(f"{mail.failed} reminder e-mails not sent; they are sent again at the next run")
