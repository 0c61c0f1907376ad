from django.urls import path

from lantoa.reach import views

app_name = "reach"
urlpatterns = [
    path("office/reach/", views.coverage, name="coverage"),
]
