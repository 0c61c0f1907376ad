"""Wagtail pages for workers: lessons, infographics, video, audio, posters, filed by topic.

Tree: LessonIndexPage (/bai-hoc/) → TopicPage (/bai-hoc/<topic>/) → LessonPage and media pages.
"""

import re
from typing import Any

from django.conf import settings
from django.db import models
from django.http import HttpRequest
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable, Page, Revision
from wagtail.search import index

from lantoa.content.forms import PageSlugForm
from lantoa.core.text import slugify_vi

ARTICLE_NUMBER = re.compile(r"^Điều\s+(\d+[a-z]?)$")
LEGAL_PROVISION_URL = "/phap-luat/{document}/dieu-{number}"


def provision_url(*, doc_number: str, article: str) -> str:
    """The provision's page in the legal library, or "" when the document has no articles (a directive, a plan)."""
    match = ARTICLE_NUMBER.match(article.strip())
    if not match or not doc_number:
        return ""
    return LEGAL_PROVISION_URL.format(document=slugify_vi(doc_number), number=match.group(1))


class AudienceSegment(models.Model):
    """A group of workers a piece of content is written for (KCN, migrant, FDI, border…)."""

    slug = models.SlugField(_("Mã"), max_length=32, unique=True)
    name = models.CharField(_("Tên"), max_length=120)

    class Meta:
        verbose_name = _("Nhóm đối tượng")
        verbose_name_plural = _("Nhóm đối tượng")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class LessonIndexPage(Page):
    """All lessons, by topic: /bai-hoc/."""

    intro = models.TextField(_("Giới thiệu"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    base_form_class = PageSlugForm
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["content.TopicPage"]
    max_count = 1

    class Meta:
        verbose_name = _("Trang mục lục bài học")

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        from lantoa.content import selectors

        context = super().get_context(request, *args, **kwargs)
        context["topics"] = selectors.topic_list_with_counts(index=self)
        return context


class TopicPage(Page):
    """One topic (hợp đồng lao động, BHXH…): /bai-hoc/<topic>/."""

    intro = models.TextField(_("Giới thiệu"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    base_form_class = PageSlugForm
    parent_page_types = ["content.LessonIndexPage"]
    subpage_types = [
        "content.LessonPage",
        "content.InfographicPage",
        "content.VideoPage",
        "content.AudioPage",
        "content.PosterPage",
    ]

    class Meta:
        verbose_name = _("Chủ đề")

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        from lantoa.content import selectors

        context = super().get_context(request, *args, **kwargs)
        context["items"] = selectors.topic_children(topic=self)
        return context


class WorkerPage(Page):
    """What every page a worker reads shares: a summary, audiences, the "official information" mark."""

    summary = models.CharField(_("Tóm tắt"), max_length=300, help_text=_("Một hai câu, đọc trong 10 giây."))
    segments = ParentalManyToManyField(AudienceSegment, verbose_name=_("Dành cho"), blank=True)

    search_fields = [*Page.search_fields, index.SearchField("summary")]
    base_form_class = PageSlugForm
    parent_page_types = ["content.TopicPage"]
    subpage_types: list[str] = []

    class Meta:
        abstract = True

    @property
    def topic_slug(self) -> str:
        parent = self.get_parent()
        return parent.slug if parent else ""

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context(request, *args, **kwargs)
        context["shared_copy"] = True  # one cached copy serves every reader: nothing about the reader goes in it
        return context

    def serve(self, request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
        from lantoa.content import caching

        return caching.serve_cached(self, request, super().serve, *args, **kwargs)

    @cached_property
    def official_approval(self) -> "OfficialApproval | None":
        """The reviewer's approval of the revision now live, if there is one."""
        if not self.live_revision_id:
            return None
        return (
            OfficialApproval.objects.filter(page_id=self.pk, revision_id=self.live_revision_id)
            .select_related("approved_by")
            .first()
        )


class LessonPage(WorkerPage):
    """A 1–3 minute lesson: the situation, the rule, what to do, where to get help, and its citations."""

    minutes = models.PositiveSmallIntegerField(_("Số phút đọc"), default=2)
    situation = models.TextField(_("Tình huống"))
    rule = models.TextField(_("Luật nói gì"), help_text=_('Mỗi ý một dòng, bắt đầu bằng "- ".'))
    what_to_do = models.TextField(_("Bạn nên làm gì"), help_text=_('Mỗi ý một dòng, bắt đầu bằng "- ".'))
    where_to_get_help = models.TextField(_("Hỏi ai, ở đâu"), help_text=_('Mỗi ý một dòng, bắt đầu bằng "- ".'))

    search_fields = [*WorkerPage.search_fields, index.SearchField("situation"), index.SearchField("rule")]
    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        MultiFieldPanel([FieldPanel("minutes"), FieldPanel("segments")], heading=_("Người đọc")),
        FieldPanel("situation"),
        FieldPanel("rule"),
        FieldPanel("what_to_do"),
        FieldPanel("where_to_get_help"),
        InlinePanel("citations", label=_("Căn cứ pháp lý"), min_num=1),
    ]

    class Meta:
        verbose_name = _("Bài học")
        verbose_name_plural = _("Bài học")


class LessonCitation(Orderable):
    """A structured reference to the legal provision a lesson explains (document number + article + clause)."""

    page = ParentalKey(LessonPage, on_delete=models.CASCADE, related_name="citations")
    doc_number = models.CharField(_("Số hiệu văn bản"), max_length=40, help_text=_("Ví dụ: 45/2019/QH14"))
    article = models.CharField(_("Điều"), max_length=20, blank=True, help_text=_("Ví dụ: Điều 14"))
    clause = models.CharField(_("Khoản, điểm"), max_length=60, blank=True)
    note = models.CharField(_("Ghi chú"), max_length=255, blank=True)

    panels = [FieldPanel("doc_number"), FieldPanel("article"), FieldPanel("clause"), FieldPanel("note")]

    class Meta(Orderable.Meta):
        verbose_name = _("Căn cứ pháp lý")

    def __str__(self) -> str:
        return " ".join(part for part in (self.article, self.clause, self.doc_number) if part)

    @property
    def provision_url(self) -> str:
        return provision_url(doc_number=self.doc_number, article=self.article)


class InfographicPage(WorkerPage):
    image = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("Ảnh"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    transcript = models.TextField(_("Nội dung chữ của ảnh"), help_text=_("Cho người đọc bằng trình đọc màn hình."))

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("segments"),
        FieldPanel("image"),
        FieldPanel("transcript"),
    ]

    class Meta:
        verbose_name = _("Đồ họa thông tin")


class VideoPage(WorkerPage):
    video_url = models.URLField(_("Địa chỉ video"), blank=True)
    video_file = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("Tệp video"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    duration_seconds = models.PositiveIntegerField(_("Thời lượng (giây)"), default=0)
    transcript = models.TextField(_("Lời thoại"))

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("segments"),
        FieldPanel("video_url"),
        FieldPanel("video_file"),
        FieldPanel("duration_seconds"),
        FieldPanel("transcript"),
    ]

    class Meta:
        verbose_name = _("Video")


class AudioPage(WorkerPage):
    audio_file = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("Tệp âm thanh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    duration_seconds = models.PositiveIntegerField(_("Thời lượng (giây)"), default=0)
    transcript = models.TextField(_("Lời đọc"))

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("segments"),
        FieldPanel("audio_file"),
        FieldPanel("duration_seconds"),
        FieldPanel("transcript"),
    ]

    class Meta:
        verbose_name = _("Bài nghe (phát thanh)")


class PosterPage(WorkerPage):
    """A printable poster or leaflet drawn from a lesson, with a QR code back to it."""

    class Kind(models.TextChoices):
        POSTER = "poster", _("Áp phích")
        LEAFLET = "leaflet", _("Tờ rơi")

    kind = models.CharField(_("Loại"), max_length=16, choices=Kind.choices, default=Kind.POSTER)
    lesson = models.ForeignKey(
        LessonPage, verbose_name=_("Bài học"), null=True, blank=True, on_delete=models.SET_NULL, related_name="posters"
    )
    headline = models.CharField(_("Dòng chữ lớn"), max_length=120)
    body = models.TextField(_("Nội dung"), help_text=_('Mỗi ý một dòng, bắt đầu bằng "- ".'))

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("segments"),
        FieldPanel("kind"),
        FieldPanel("lesson"),
        FieldPanel("headline"),
        FieldPanel("body"),
    ]

    class Meta:
        verbose_name = _("Áp phích, tờ rơi")


class OfficialApproval(models.Model):
    """A reviewer approved this revision in the review workflow: the page shows "Thông tin chính thức"."""

    page = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="official_approvals")
    revision = models.ForeignKey(Revision, on_delete=models.CASCADE, related_name="+")
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="content_approvals"
    )
    approved_at = models.DateTimeField()

    class Meta:
        verbose_name = _("Xác nhận thông tin chính thức")
        constraints = [models.UniqueConstraint(fields=["page", "revision"], name="official_approval_once_per_revision")]

    def __str__(self) -> str:
        return f"{self.page_id}@{self.revision_id}"


class HelpContact(models.Model):
    """Where a worker can call or go for help (the Labour Federation's hotline, its Zalo, legal aid), edited in /cms/."""

    class Kind(models.TextChoices):
        PHONE = "phone", _("Điện thoại")
        ZALO = "zalo", _("Zalo")
        ADDRESS = "address", _("Địa chỉ")
        EMAIL = "email", _("Thư điện tử")

    title = models.CharField(_("Nơi liên hệ"), max_length=160)
    kind = models.CharField(_("Cách liên hệ"), max_length=12, choices=Kind.choices)
    value = models.CharField(_("Số, đường dẫn hoặc địa chỉ"), max_length=300)
    note = models.CharField(_("Ghi chú (giờ làm việc, việc gì thì liên hệ)"), max_length=300, blank=True)
    sort_order = models.PositiveSmallIntegerField(_("Thứ tự"), default=0)
    is_demo = models.BooleanField(
        _("Số liệu minh họa"), default=False, help_text=_("Hiện nhãn “minh họa” cho người xem: chưa phải số thật.")
    )

    panels = [
        FieldPanel("title"),
        FieldPanel("kind"),
        FieldPanel("value"),
        FieldPanel("note"),
        FieldPanel("sort_order"),
        FieldPanel("is_demo"),
    ]

    class Meta:
        verbose_name = _("Nơi liên hệ giúp đỡ")
        verbose_name_plural = _("Nơi liên hệ giúp đỡ")
        ordering = ["sort_order", "pk"]

    def __str__(self) -> str:
        return self.title

    @property
    def href(self) -> str:
        """A link a phone can open: dial, Zalo or mail; an address has none."""
        if self.kind == self.Kind.PHONE:
            return "tel:" + re.sub(r"[^\d+]", "", self.value)
        if self.kind == self.Kind.EMAIL:
            return "mailto:" + self.value
        if self.kind == self.Kind.ZALO:
            return (
                self.value if self.value.startswith("https://") else "https://zalo.me/" + re.sub(r"\D", "", self.value)
            )
        return ""
