from django.contrib.sitemaps import Sitemap
from django.db.models import QuerySet

from lantoa.legal.models import Document, HandbookChapter, HandbookEntry, Provision


class DocumentSitemap(Sitemap):
    changefreq = "monthly"

    def items(self) -> QuerySet[Document]:
        return Document.objects.order_by("number")


class ArticleSitemap(Sitemap):
    changefreq = "monthly"
    limit = 2000

    def items(self) -> QuerySet[Provision]:
        return Provision.objects.filter(kind="article").select_related("document").order_by("document", "position")


class HandbookSitemap(Sitemap):
    changefreq = "weekly"

    def items(self) -> QuerySet[HandbookEntry]:
        return HandbookEntry.objects.order_by("pk")


class HandbookChapterSitemap(Sitemap):
    changefreq = "weekly"

    def items(self) -> QuerySet[HandbookChapter]:
        return HandbookChapter.objects.order_by("position")
