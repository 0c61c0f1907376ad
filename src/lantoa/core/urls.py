from django.urls import path

from lantoa.core import job_views, views

app_name = "core"
urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("metrics", views.metrics_view, name="metrics"),
    path("csp-report", views.csp_report, name="csp-report"),
    path("office/jobs/<int:pk>/", job_views.job_detail, name="job"),
    path("office/jobs/<int:pk>/restart", job_views.job_restart, name="job-restart"),
    path("office/jobs/<int:pk>/file", job_views.job_file, name="job-file"),
]
