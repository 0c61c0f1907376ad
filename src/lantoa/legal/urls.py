from django.urls import path

from lantoa.legal import views, views_office

app_name = "legal"
urlpatterns = [
    path("phap-luat/", views.library, name="library"),
    path("phap-luat/hoi/", views.ask, name="search"),
    path("phap-luat/so-tay/", views.handbook, name="handbook"),
    path("phap-luat/so-tay/du-lieu.json", views.handbook_data, name="handbook-data"),
    path("phap-luat/so-tay/<slug:slug>/", views.handbook_chapter, name="handbook-chapter"),
    path("phap-luat/so-tay/<slug:slug>", views.handbook_entry, name="handbook-entry"),
    path("phap-luat/tu-van/", views.adviser_ask, name="adviser-ask"),
    path("phap-luat/tu-van/xem/", views.adviser_follow, name="adviser-follow"),
    path("phap-luat/<slug:doc>/", views.document, name="document"),
    path("phap-luat/<slug:doc>/<slug:article>", views.article, name="article"),
    path("office/legal/questions/", views_office.question_list, name="office-questions"),
    path("office/legal/questions/<int:pk>/", views_office.question_detail, name="office-question"),
    path("office/legal/entries/<int:pk>/reviewed", views_office.entry_reviewed, name="office-entry-reviewed"),
]
