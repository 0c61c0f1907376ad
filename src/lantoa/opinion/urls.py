from django.urls import path

from lantoa.opinion import views

app_name = "opinion"
urlpatterns = [
    path("hoi-tin-don/", views.claim_new, name="claim-new"),
    path("hoi-tin-don/xem/", views.claim_follow, name="claim-follow"),
    path("thong-tin-chinh-thuc/", views.clarification_list, name="clarifications"),
    path("thong-tin-chinh-thuc/<slug:slug>/", views.clarification_detail, name="clarification"),
    path("thong-tin-chinh-thuc/<slug:slug>/anh.png", views.clarification_image, name="clarification-image"),
    path("office/kiem-chung/", views.desk, name="desk"),
    path("office/kiem-chung/<int:pk>/", views.group_publish, name="group-publish"),
    path("office/kiem-chung/tin/<int:pk>/anh.jpg", views.claim_photo, name="claim-photo"),
    path("office/can-lan-toa/", views.spread_list, name="spread"),
    path("office/can-lan-toa/<int:pk>/da-chia-se/", views.spread_mark, name="spread-mark"),
    path("office/kien-nghi/", views.recommendation_list, name="recommendations"),
    path("office/kien-nghi/moi/", views.recommendation_new, name="recommendation-new"),
    path("office/kien-nghi/<int:pk>/tra-loi/", views.recommendation_answer, name="recommendation-answer"),
    path("office/tu-tuong/ghi-nhan/", views.note_new, name="note-new"),
    path("office/tu-tuong/tong-hop/", views.notes_rollup, name="notes-rollup"),
    path("office/tu-tuong/bao-cao/", views.monthly_report, name="monthly-report"),
]
