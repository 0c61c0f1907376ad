from django.urls import path

from lantoa.learning import contest_views, views

app_name = "learning"
urlpatterns = [
    path("quiz/<int:lesson_id>/", views.quiz, name="quiz"),
    path("cuoc-thi/", contest_views.contest_list, name="contest-list"),
    path("cuoc-thi/chung-nhan/<str:code>.pdf", contest_views.certificate_pdf, name="certificate-pdf"),
    path("cuoc-thi/xac-minh/<str:code>", contest_views.certificate_verify, name="certificate-verify"),
    path("cuoc-thi/<slug:slug>/", contest_views.contest_detail, name="contest-detail"),
    path("cuoc-thi/<slug:slug>/bat-dau", contest_views.contest_start, name="contest-start"),
    path("cuoc-thi/<slug:slug>/lam-bai", contest_views.contest_take, name="contest-take"),
    path("cuoc-thi/<slug:slug>/xep-hang", contest_views.contest_leaderboard, name="contest-leaderboard"),
]
