from django.apps import AppConfig


class ReachConfig(AppConfig):
    name = "lantoa.reach"
    label = "reach"
    verbose_name = "Độ bao phủ"
