import datetime as dt

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from lantoa.activities.models import GoodModel
from lantoa.activities.selectors.emulation import showcase_list


class ShowcaseSitemap(Sitemap):
    """The public showcase of good models and each published model."""

    changefreq = "weekly"

    def items(self) -> list[str | GoodModel]:
        return ["index", *showcase_list()]

    def location(self, item: str | GoodModel) -> str:
        if isinstance(item, GoodModel):
            return reverse("activities:showcase-detail", args=[item.slug])
        return reverse("activities:showcase")

    def lastmod(self, item: str | GoodModel) -> dt.datetime | None:
        return item.updated_at if isinstance(item, GoodModel) else None
