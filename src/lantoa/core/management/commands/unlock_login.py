from argparse import ArgumentParser

from django.core.management.base import BaseCommand

from lantoa.core.security import account_lock_lift


class Command(BaseCommand):
    help = "Lift the per-account login lock of a phone number (too many wrong passwords from any address)."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("phone", help="the phone number the person logs in with, as typed on the login page")

    def handle(self, *args: object, phone: str, **options: object) -> None:
        if account_lock_lift(username=phone.strip()):
            self.stdout.write("Unlocked: password sign-in for this number is open again.")
        else:
            self.stdout.write("This number was not locked (its failure count is cleared).")
