from django.core.management.base import BaseCommand
from django.utils.module_loading import import_string

from lantoa.core import registry


class Command(BaseCommand):
    help = "Load the demo province (idempotent): each app that declares `demo_loader` on its AppConfig adds its part."

    def handle(self, **options: object) -> None:
        logins: list[tuple[str, str, str]] = []
        for config, loader_path in registry.declared("demo_loader"):
            summary = import_string(loader_path)(logins=logins)
            self.stdout.write(f"{config.label}: {summary}")
        if logins:
            self.stdout.write("\nTài khoản minh họa (đăng nhập tại /office/login/):")
            for phone, password, description in logins:
                self.stdout.write(f"  {phone:<14} {password:<14} {description}")
