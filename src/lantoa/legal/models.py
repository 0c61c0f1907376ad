"""Law documents, their provisions as a tree, relations between documents, handbook and adviser questions."""

import datetime as dt
import re

from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lantoa.orgs.models import OrgUnit


class Document(models.Model):
    """A legal document (Bộ luật, Luật, Nghị định…); `slug` is `slugify_vi(number)`."""

    class Status(models.TextChoices):
        CURRENT = "current", _("Còn hiệu lực")
        SUPERSEDED = "superseded", _("Hết hiệu lực")

    doc_type = models.CharField(_("Loại văn bản"), max_length=40)
    number = models.CharField(_("Số hiệu"), max_length=40, unique=True)
    slug = models.SlugField(max_length=60, unique=True)
    title = models.CharField(_("Tên văn bản"), max_length=400)
    issuer = models.CharField(_("Cơ quan ban hành"), max_length=120, blank=True)
    issued_on = models.DateField(_("Ngày ban hành"), null=True, blank=True)
    effective_on = models.DateField(_("Ngày có hiệu lực"), null=True, blank=True)
    expiry_on = models.DateField(_("Ngày hết hiệu lực"), null=True, blank=True)
    status = models.CharField(_("Tình trạng"), max_length=16, choices=Status.choices, default=Status.CURRENT)
    source = models.CharField(_("Nguồn"), max_length=255, blank=True)
    # An unchecked copy (an OCR text not compared with the official one): shown "cần đối chiếu" wherever it is cited.
    needs_checking = models.BooleanField(_("Cần đối chiếu bản gốc"), default=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("Văn bản pháp luật")
        verbose_name_plural = _("Văn bản pháp luật")
        ordering = ["-effective_on", "number"]

    def __str__(self) -> str:
        return f"{self.title} {self.number}"

    def get_absolute_url(self) -> str:
        return reverse("legal:document", kwargs={"doc": self.slug})

    def is_in_force_on(self, day: dt.date) -> bool:
        if self.effective_on and day < self.effective_on:
            return False
        return not (self.expiry_on and day >= self.expiry_on)


class Provision(models.Model):
    """One node of a document: Phần, Chương, Mục, Điều, khoản or điểm.

    `slug` is unique within the document and makes the permalink (`dieu-113`, `dieu-113-khoan-2-diem-a`,
    `chuong-vii`); `article` points from a khoản or điểm to its Điều so an article page loads in one query.
    """

    class Kind(models.TextChoices):
        PART = "part", _("Phần")
        CHAPTER = "chapter", _("Chương")
        SECTION = "section", _("Mục")
        ARTICLE = "article", _("Điều")
        CLAUSE = "clause", _("Khoản")
        POINT = "point", _("Điểm")

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="provisions")
    kind = models.CharField(_("Cấp"), max_length=10, choices=Kind.choices)
    number = models.CharField(_("Số"), max_length=20)
    slug = models.CharField(max_length=80)
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.CASCADE, related_name="children")
    article = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="descendants", editable=False
    )
    title = models.CharField(_("Tiêu đề"), max_length=500, blank=True)
    text = models.TextField(_("Nội dung"), blank=True)
    position = models.PositiveIntegerField(default=0)
    # Set when this provision alone stops applying (repealed or replaced by another act); else the document's dates.
    expiry_on = models.DateField(_("Hết hiệu lực từ"), null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("Điều khoản")
        verbose_name_plural = _("Điều khoản")
        ordering = ["document", "position"]
        constraints = [models.UniqueConstraint(fields=["document", "slug"], name="provision_unique_slug")]
        indexes = [models.Index(fields=["document", "kind", "number"])]

    def __str__(self) -> str:
        return f"{self.label} {self.document.number}"

    def get_absolute_url(self) -> str:
        if self.kind in {"part", "chapter", "section"}:
            return f"{self.document.get_absolute_url()}#{self.slug}"
        url = reverse("legal:article", kwargs={"doc": self.document.slug, "article": self.article_slug})
        return url if self.kind == "article" else f"{url}#{self.slug}"

    @property
    def label(self) -> str:
        names = {"part": "Phần", "chapter": "Chương", "section": "Mục", "article": "Điều", "clause": "khoản"}
        return f"{names.get(self.kind, 'điểm')} {self.number}"

    @property
    def article_slug(self) -> str:
        return re.split(r"-(?:khoan|diem)-", self.slug)[0]

    def expiry_for(self, document: Document) -> dt.date | None:
        dates = [day for day in (self.expiry_on, document.expiry_on) if day]
        return min(dates) if dates else None


class Relation(models.Model):
    """ "`source` replaces / amends / partly repeals `target` from `from_on`", as the source's own text says.

    `target_number` is kept even when the target is not imported, and linked when it is.
    """

    class Kind(models.TextChoices):
        REPLACES = "replaces", _("Thay thế")
        AMENDS = "amends", _("Sửa đổi, bổ sung hoặc bãi bỏ một phần")

    source = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="relations_out")
    target_number = models.CharField(max_length=40)
    target = models.ForeignKey(Document, null=True, blank=True, on_delete=models.SET_NULL, related_name="relations_in")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    from_on = models.DateField(_("Từ ngày"), null=True, blank=True)
    # Articles of the target named by the source ("các điều 104, 105 …"), comma-separated slugs.
    target_articles = models.TextField(blank=True)
    note = models.TextField(blank=True)

    class Meta:
        verbose_name = _("Quan hệ giữa văn bản")
        verbose_name_plural = _("Quan hệ giữa văn bản")
        constraints = [models.UniqueConstraint(fields=["source", "target_number", "kind"], name="relation_unique_pair")]

    def __str__(self) -> str:
        return f"{self.source.number} {self.kind} {self.target_number}"


class Amendment(models.Model):
    """One provision of an amending act changing one provision of another from `effective_on`.

    Read from the amending act's text ("Sửa đổi, bổ sung khoản 1 Điều 43 như sau: …", "Bãi bỏ Mục 3 Chương III",
    "Thay cụm từ … bằng cụm từ …") or entered by an editor; `target_slug` is kept even when the target act (or,
    for an added khoản, the provision) is not imported, and linked when it is. The wording on a date is computed
    from the original text and these rows (selectors.provision_wording_on), never written over the original.
    """

    class Kind(models.TextChoices):
        AMEND = "amend", _("Sửa đổi, bổ sung")
        REPLACE = "replace", _("Thay thế")
        ADD = "add", _("Bổ sung mới")
        REPEAL = "repeal", _("Bãi bỏ")
        REPLACE_PHRASE = "replace_phrase", _("Thay cụm từ")

    class Origin(models.TextChoices):
        PARSED = "parsed", _("Đọc từ văn bản sửa đổi")
        EDITOR = "editor", _("Biên tập viên nhập")
        VBHN = "vbhn", _("Văn bản hợp nhất (không phải luật)")

    source = models.ForeignKey(
        Provision,
        null=True,  # only a consolidated text's wording (origin vbhn) has no amending provision
        on_delete=models.CASCADE,
        related_name="amendments_made",
        verbose_name=_("Điều khoản sửa đổi (văn bản nguồn)"),
    )
    target_number = models.CharField(_("Số hiệu văn bản bị sửa đổi"), max_length=40)
    target_slug = models.CharField(
        _("Điều khoản bị sửa đổi"), max_length=80, help_text=_("Ví dụ: dieu-43-khoan-1, chuong-3-muc-3")
    )
    target = models.ForeignKey(
        Provision,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="amendments",
        verbose_name=_("Điều khoản bị sửa đổi (đã liên kết)"),
    )
    kind = models.CharField(_("Loại"), max_length=16, choices=Kind.choices)
    effective_on = models.DateField(_("Có hiệu lực từ"), null=True, blank=True)
    text = models.TextField(_("Nội dung mới"), blank=True)
    old_phrase = models.CharField(_("Cụm từ cũ"), max_length=300, blank=True)
    new_phrase = models.CharField(_("Cụm từ mới"), max_length=300, blank=True)
    origin = models.CharField(_("Nguồn nhập"), max_length=8, choices=Origin.choices, default=Origin.EDITOR)
    note = models.TextField(_("Ghi chú"), blank=True)

    class Meta:
        verbose_name = _("Sửa đổi, bãi bỏ điều khoản")
        verbose_name_plural = _("Sửa đổi, bãi bỏ điều khoản")
        ordering = ["effective_on", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["source", "target_number", "target_slug", "kind", "old_phrase"], name="amendment_unique"
            )
        ]
        indexes = [models.Index(fields=["target_number", "target_slug"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.target_slug} {self.target_number}"

    def is_in_force_on(self, day: dt.date) -> bool:
        return self.effective_on is not None and self.effective_on <= day


class HandbookChapter(models.Model):
    slug = models.SlugField(max_length=120, unique=True)
    title = models.CharField(_("Chương"), max_length=200)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("Chương sổ tay")
        verbose_name_plural = _("Chương sổ tay")
        ordering = ["position"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("legal:handbook-chapter", kwargs={"slug": self.slug})


class HandbookEntry(models.Model):
    """A question and its answer in plain words, each citing provisions: the handbook and published FAQ."""

    class Origin(models.TextChoices):
        HANDBOOK = "handbook", _("Sổ tay pháp luật")
        ADVISER = "adviser", _("Tư vấn viên trả lời")

    chapter = models.ForeignKey(HandbookChapter, on_delete=models.CASCADE, related_name="entries")
    slug = models.SlugField(max_length=120, unique=True)
    question = models.TextField(_("Câu hỏi"))
    answer = models.TextField(_("Trả lời"))
    keywords = models.TextField(_("Từ khóa"), blank=True)
    position = models.PositiveIntegerField(default=0)
    origin = models.CharField(max_length=10, choices=Origin.choices, default=Origin.HANDBOOK)
    provisions = models.ManyToManyField(Provision, through="Citation", related_name="handbook_entries")
    needs_review = models.BooleanField(_("Cần rà soát"), default=False)
    review_note = models.TextField(_("Lý do rà soát"), blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("Hỏi đáp sổ tay")
        verbose_name_plural = _("Hỏi đáp sổ tay")
        ordering = ["chapter__position", "position"]

    def __str__(self) -> str:
        return self.question

    def get_absolute_url(self) -> str:
        return reverse("legal:handbook-entry", kwargs={"slug": self.slug})


class Citation(models.Model):
    entry = models.ForeignKey(HandbookEntry, on_delete=models.CASCADE, related_name="citations")
    provision = models.ForeignKey(Provision, on_delete=models.PROTECT, related_name="citations")
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position"]
        constraints = [models.UniqueConstraint(fields=["entry", "provision"], name="citation_unique")]

    def __str__(self) -> str:
        return f"{self.entry_id} → {self.provision_id}"


class AdviserQuestion(models.Model):
    """A worker's question that search could not answer with confidence; read back with its follow-up code."""

    class Status(models.TextChoices):
        OPEN = "open", _("Đang chờ trả lời")
        ANSWERED = "answered", _("Đã trả lời")
        PUBLISHED = "published", _("Đã đăng thành hỏi đáp")

    unit = models.ForeignKey(OrgUnit, on_delete=models.PROTECT, related_name="legal_questions")
    question = models.TextField(_("Câu hỏi"))
    code_hash = models.CharField(max_length=80, unique=True)  # services.questions.code_digest: keyed, never the code
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    asked_at = models.DateTimeField(auto_now_add=True)
    due_at = models.DateTimeField(_("Hạn trả lời"))
    answer = models.TextField(_("Trả lời"), blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)
    answered_by = models.ForeignKey(
        "orgs.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="legal_answers"
    )
    cited = models.ManyToManyField(Provision, blank=True, related_name="adviser_questions")
    entry = models.OneToOneField(
        HandbookEntry, null=True, blank=True, on_delete=models.SET_NULL, related_name="adviser_question"
    )

    class Meta:
        verbose_name = _("Câu hỏi gửi tư vấn viên")
        verbose_name_plural = _("Câu hỏi gửi tư vấn viên")
        ordering = ["due_at"]

    def __str__(self) -> str:
        return self.question[:60]

    @property
    def access_unit(self) -> OrgUnit:
        return self.unit

    @property
    def is_overdue(self) -> bool:
        return self.status == self.Status.OPEN and self.due_at < timezone.now()
