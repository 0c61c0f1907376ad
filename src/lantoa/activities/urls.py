from django.urls import path

from lantoa.activities.views import checkin, events

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
]
