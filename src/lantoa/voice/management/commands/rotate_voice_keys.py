from django.core.management.base import BaseCommand

from lantoa.voice.services.cases import voice_keys_rotate


class Command(BaseCommand):
    help = "Re-encrypt every voice text and photo with the newest key of VOICE_ENCRYPTION_KEYS (add the key first)."

    def handle(self, **options: object) -> None:
        counts = voice_keys_rotate()
        self.stdout.write(" ".join(f"{name}={count}" for name, count in counts.items()))
