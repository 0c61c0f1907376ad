from django.contrib.sitemaps import Sitemap
from django.urls import reverse


class WorkerPagesSitemap(Sitemap):
    """Public pages served by our own views; Wagtail pages come from wagtail.contrib.sitemaps."""

    changefreq = "weekly"
    url_names = ("core:home",)

    def items(self) -> list[str]:
        return list(self.url_names)

    def location(self, item: str) -> str:
        return reverse(item)
