from argparse import ArgumentParser

from django.core.management.base import BaseCommand, CommandError

from lantoa.core.security import account_lock_lift, address_lock_lift, address_of


class Command(BaseCommand):
    help = (
        "Lift the login locks of a phone number: the per-account one (too many wrong passwords from any address) and,"
        " with --address, the one for that number from that address (too many in a row from one address)."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("phone", help="the phone number the person logs in with, as typed on the login page")
        parser.add_argument("--address", help="the address the person signs in from, as the site reads it")

    def handle(self, *args: object, phone: str, address: str | None, **options: object) -> None:
        phone = phone.strip()
        if address is not None:
            try:
                address = address_of(address)
            except ValueError as error:
                raise CommandError(f"“{address}” không phải là một địa chỉ IP.") from error
        if account_lock_lift(username=phone):
            self.stdout.write("Đã mở khóa: số này lại đăng nhập được bằng mật khẩu, từ mọi địa chỉ.")
        else:
            self.stdout.write("Số này không bị khóa theo tài khoản (đã xóa các lần nhập sai đã đếm).")
        if address is None:
            return
        if address_lock_lift(username=phone, address=address):
            self.stdout.write(f"Đã mở khóa đăng nhập của số này từ địa chỉ {address}.")
        else:
            self.stdout.write(f"Số này không bị khóa từ địa chỉ {address} (đã xóa các lần nhập sai đã đếm).")
