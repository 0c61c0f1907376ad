from django.urls import path

from lantoa.learning import views

app_name = "learning"
urlpatterns = [
    path("quiz/<int:lesson_id>/", views.quiz, name="quiz"),
]
