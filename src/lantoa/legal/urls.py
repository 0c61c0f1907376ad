from django.urls import include, path

app_name = "legal"
urlpatterns: list = [
    path("", include("lantoa.legal.calculators.urls")),
]
