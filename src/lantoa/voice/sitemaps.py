from django.contrib.sitemaps import Sitemap
from django.urls import reverse


class VoicePagesSitemap(Sitemap):
    """The public worker pages of the voice channel (never a case or a survey)."""

    changefreq = "monthly"
    priority = 0.6

    def items(self) -> list[str]:
        return ["voice:report-new", "voice:follow", "voice:ack-verify"]

    def location(self, item: str) -> str:
        return reverse(item)
