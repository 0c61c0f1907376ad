from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "lantoa.plans"
    label = "plans"
    verbose_name = "Kế hoạch và báo cáo"
