from django.conf import settings
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path, re_path
from django.views.generic import RedirectView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps import Sitemap as WagtailPagesSitemap
from wagtail.documents import urls as wagtaildocs_urls

from lantoa.core import registry
from lantoa.core import views as core_views
from lantoa.core.api import api
from lantoa.core.sitemaps import WorkerPagesSitemap

handler400 = core_views.bad_request
handler403 = core_views.permission_denied
handler404 = core_views.page_not_found
handler500 = core_views.server_error

sitemaps = {"pages": WorkerPagesSitemap, "content": WagtailPagesSitemap, **registry.sitemaps()}

urlpatterns = [
    path("", include("lantoa.core.urls")),
    path("", include("lantoa.orgs.urls")),
    path("", include("lantoa.content.urls")),
    path("", include("lantoa.learning.urls")),
    path("", include("lantoa.legal.urls")),
    path("", include("lantoa.calculators.urls")),
    path("", include("lantoa.voice.urls")),
    path("", include("lantoa.opinion.urls")),
    path("", include("lantoa.activities.urls")),
    path("", include("lantoa.reach.urls")),
    path("", include("lantoa.plans.urls")),
    path("api/v1/", api.urls),
    # Any other /api/ path answers a JSON 404 (also in DEBUG, and instead of APPEND_SLASH's error on a POST).
    re_path(r"^api/", core_views.api_not_found),
    path("sitemap.xml", sitemap, {"sitemaps": sitemaps}, name="sitemap"),
    path("django-admin/", admin.site.urls),
    # One sign-in page for every official and editor (Vietnamese, throttled): Wagtail's own redirects there.
    path("cms/login/", RedirectView.as_view(pattern_name="orgs:login", query_string=True)),
    path("cms/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
]

if settings.DEBUG or settings.MEDIA_SERVED_BY_DJANGO:  # production: nginx serves MEDIA_ROOT
    from django.views.static import serve

    urlpatterns.append(
        re_path(rf"^{settings.MEDIA_URL.strip('/')}/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT})
    )

# Wagtail serves its page tree last, so our own routes always win.
urlpatterns.append(path("", include(wagtail_urls)))
