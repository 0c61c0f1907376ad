from django.urls import path

from lantoa.voice.views import hotspots, office, surveys, worker

app_name = "voice"
urlpatterns = [
    path("voice/", worker.report_new, name="report-new"),
    path("voice/follow/", worker.follow, name="follow"),
    path("voice/follow/reply/", worker.follow_reply, name="follow-reply"),
    path("voice/ack/", worker.ack_verify, name="ack-verify"),
    path("voice/s/<str:code>/", surveys.survey_answer, name="survey-answer"),
    path("voice/office/cases/", office.case_list, name="case-list"),
    path("voice/office/cases/<int:pk>/", office.case_detail, name="case-detail"),
    path("voice/office/cases/<int:pk>/<str:action>/", office.case_act, name="case-act"),
    path("voice/office/cases/<int:pk>/photos/<int:photo_pk>.jpg", office.case_photo, name="case-photo"),
    path("voice/office/aggregates/", office.aggregates, name="aggregates"),
    path("voice/office/surveys/", surveys.survey_list, name="survey-list"),
    path("voice/office/surveys/new/", surveys.survey_new, name="survey-new"),
    path("voice/office/surveys/<int:pk>/", surveys.survey_detail, name="survey-detail"),
    path("voice/office/surveys/<int:pk>/results.xlsx", surveys.survey_export, name="survey-export"),
    path("voice/office/surveys/<int:pk>/qr.svg", surveys.survey_qr, name="survey-qr"),
    path("voice/office/hotspots/", hotspots.hotspot_board, name="hotspots"),
    path("voice/office/hotspots/events/", hotspots.hotspot_event_new, name="hotspot-event-new"),
    path("voice/office/hotspots/weights/", hotspots.hotspot_weights, name="hotspot-weights"),
]
