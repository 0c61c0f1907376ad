from django.urls import path

from lantoa.content import views

app_name = "content"
urlpatterns = [
    path("bai-hoc/", views.lesson_index, name="lesson-index"),
    path("qr/trang/<int:page_id>.svg", views.page_qr, name="page-qr"),
    path("in/bai-hoc/<int:lesson_id>/ap-phich.pdf", views.lesson_poster, name="lesson-poster"),
    path("in/bai-hoc/<int:lesson_id>/de-cuong.docx", views.lesson_talk_outline, name="lesson-talk-outline"),
    path("lien-he/", views.help_contacts, name="help-contacts"),
    path("sw.js", views.service_worker, name="service-worker"),
    path("offline/", views.offline, name="offline"),
    path("offline/chu-de/<int:topic_id>.json", views.topic_pack, name="topic-pack"),
]
