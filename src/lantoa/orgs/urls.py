from django.contrib.auth import views as auth_views
from django.urls import path

from lantoa.orgs import views

app_name = "orgs"
urlpatterns = [
    path("e/<str:code>", views.worker_enter, name="worker-enter"),
    path("e/<str:code>/qr.svg", views.enterprise_qr, name="enterprise-qr"),
    path("office/login/", views.LoginView.as_view(), name="login"),
    path("office/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("office/", views.office_home, name="office-home"),
    path("office/units/", views.unit_tree, name="unit-tree"),
    path("office/units/<str:code>/children", views.unit_children, name="unit-children"),
    path("office/enterprises/", views.enterprise_list, name="enterprise-list"),
    path("office/enterprises/<int:pk>/", views.enterprise_detail, name="enterprise-detail"),
    path("office/import/", views.import_upload, name="import-upload"),
    path("office/import/template.xlsx", views.import_template, name="import-template"),
    path("office/jobs/", views.jobs_overview, name="jobs"),
]
