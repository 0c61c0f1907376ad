import time

from django.core.management.base import BaseCommand, CommandParser

from lantoa.core import scheduler


class Command(BaseCommand):
    help = "Enqueue the timers at their times (Asia/Ho_Chi_Minh) and mark failed the jobs of dead workers."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--interval", type=float, default=30.0, help="seconds between checks")
        parser.add_argument("--once", action="store_true", help="check once, then exit")

    def handle(self, *args: object, interval: float, once: bool, **options: object) -> None:
        while True:
            reaped = scheduler.reap_stale()
            enqueued = scheduler.enqueue_due()
            if reaped or enqueued:
                self.stdout.write(f"enqueued: {', '.join(enqueued) or '-'}; stale jobs failed: {reaped}")
            if once:
                return
            time.sleep(interval)
