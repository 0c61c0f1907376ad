from django.apps import AppConfig


class LegalConfig(AppConfig):
    name = "lantoa.legal"
    label = "legal"
    verbose_name = "Pháp luật"
