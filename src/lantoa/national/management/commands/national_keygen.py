from django.core.management.base import BaseCommand

from lantoa.national import signing


class Command(BaseCommand):
    help = "Print a new signing key pair for this province's national returns."

    def handle(self, **options: object) -> None:
        seed, public_key = signing.key_pair_new()
        self.stdout.write(f"NATIONAL_SIGNING_KEY={seed}  (giữ bí mật, đặt trong môi trường của máy chủ)")
        self.stdout.write(f"Khóa công khai gửi cơ quan tổng hợp: {public_key}")
