from django.urls import path

from lantoa.activities.views import checkin, dialogues, events

app_name = "activities"
urlpatterns = [
    path("checkin/<int:pk>/<str:code>/", checkin.checkin, name="checkin"),
    path("office/activities/", events.event_list, name="event-list"),
    path("office/activities/plan/", events.event_new, {"mode": "plan"}, name="event-plan"),
    path("office/activities/log/", events.event_new, {"mode": "log"}, name="event-log"),
    path("office/activities/<int:pk>/", events.event_detail, name="event-detail"),
    path("office/activities/<int:pk>/held/", events.event_held, name="event-held"),
    path("office/activities/<int:pk>/cancel/", events.event_cancel, name="event-cancel"),
    path("office/activities/<int:pk>/photos/", events.event_photo_add, name="event-photo-add"),
    path("office/activities/<int:pk>/qr/", events.event_qr, name="event-qr"),
    path("office/dialogues/", dialogues.dialogue_list, name="dialogue-list"),
    path("office/dialogues/new/", dialogues.dialogue_new, name="dialogue-new"),
    path("office/dialogues/overdue/", dialogues.dialogue_overdue, name="dialogue-overdue"),
    path("office/dialogues/<int:pk>/", dialogues.dialogue_detail, name="dialogue-detail"),
    path("office/dialogues/<int:pk>/commitments/", dialogues.commitment_add, name="commitment-add"),
    path("office/commitments/<int:pk>/close/", dialogues.commitment_close, name="commitment-close"),
    path("office/agreements/", dialogues.agreement_list, name="agreement-list"),
    path("office/agreements/new/", dialogues.agreement_new, name="agreement-new"),
]
