from django.conf import settings
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps import Sitemap as WagtailPagesSitemap
from wagtail.documents import urls as wagtaildocs_urls

from lantoa.core import registry
from lantoa.core.api import api
from lantoa.core.sitemaps import WorkerPagesSitemap

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
    path("sitemap.xml", sitemap, {"sitemaps": sitemaps}, name="sitemap"),
    path("django-admin/", admin.site.urls),
    path("cms/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Wagtail serves its page tree last, so our own routes always win.
urlpatterns.append(path("", include(wagtail_urls)))
