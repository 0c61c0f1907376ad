from django.urls import path

from lantoa.core import views

app_name = "core"
urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("metrics", views.metrics_view, name="metrics"),
    path("csp-report", views.csp_report, name="csp-report"),
]
