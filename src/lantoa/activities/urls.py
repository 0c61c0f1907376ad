from django.urls import path

from lantoa.activities.views import checkin, dialogues, emulation, events, force, records, welfare

app_name = "activities"
urlpatterns = [
    path("checkin/<int:pk>/<str:code>/", checkin.checkin, name="checkin"),
    path("models/", emulation.showcase, name="showcase"),
    path("models/<slug:slug>/", emulation.showcase_detail, name="showcase-detail"),
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
    path("office/dialogues/<int:pk>/held/", dialogues.dialogue_held, name="dialogue-held"),
    path("office/dialogues/<int:pk>/commitments/", dialogues.commitment_add, name="commitment-add"),
    path("office/commitments/<int:pk>/close/", dialogues.commitment_close, name="commitment-close"),
    path("office/agreements/", dialogues.agreement_list, name="agreement-list"),
    path("office/agreements/new/", dialogues.agreement_new, name="agreement-new"),
    path("office/force/", force.force_list, name="force-list"),
    path("office/force/new/", force.force_add, name="force-add"),
    path("office/force/<int:pk>/", force.force_detail, name="force-detail"),
    path("office/force/<int:pk>/leave/", force.force_leave, name="force-leave"),
    path("office/force/trainings/new/", force.training_new, name="training-new"),
    path("office/force/trainings/<int:pk>/", force.training_detail, name="training-detail"),
    path("office/force/rewards/new/", force.reward_new, name="reward-new"),
    path("office/emulation/", emulation.emulation, name="emulation"),
    path("office/emulation/nominations/new/", emulation.nomination_new, name="nomination-new"),
    path("office/emulation/nominations/<int:pk>/decide/", emulation.nomination_decide, name="nomination-decide"),
    path("office/emulation/initiatives/new/", emulation.initiative_new, name="initiative-new"),
    path("office/emulation/initiatives/<int:pk>/evaluate/", emulation.initiative_evaluate, name="initiative-evaluate"),
    path("office/emulation/models/new/", emulation.good_model_new, name="good-model-new"),
    path("office/emulation/models/<int:pk>/publish/", emulation.good_model_publish, name="good-model-publish"),
    path("office/welfare/", welfare.welfare_list, name="welfare-list"),
    path("office/welfare/new/", welfare.welfare_new, name="welfare-new"),
    *(
        path(f"office/activities/records/{kind}/", records.records, {"kind": kind}, name=f"records-{kind}")
        for kind in (
            "events",
            "dialogues",
            "dialogue-enterprises",
            "agreements",
            "trained",
            "trained-digital",
            "nominations",
            "initiatives",
            "models",
            "welfare",
        )
    ),
]
