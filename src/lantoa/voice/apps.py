from django.apps import AppConfig


class VoiceConfig(AppConfig):
    name = "lantoa.voice"
    label = "voice"
    verbose_name = "Tiếng nói người lao động"
