"""The rumour desk: claims workers heard (anonymous, encrypted like worker voice) and the clarifications answering them.

Claims saying the same thing share a `ClaimGroup`; one clarification answers a group, so every worker who asked
reads the same answer with their own receipt. A claim keeps only the keyed lookup and slow hash of its receipt.
"""

import re

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from lantoa.legal.models import Document, Provision
from lantoa.orgs.models import Enterprise, OrgUnit


class ClaimGroup(models.Model):
    """Claims that say the same thing. `text_enc` holds the first claim's words; `word_marks` a keyed hash of each
    of its folded words, which new claims are compared to without decrypting any group (None: not marked yet)."""

    text_enc = models.BinaryField(editable=False)
    word_marks = models.TextField(null=True, editable=False)  # noqa: DJ001 - None: not marked yet; "": no word
    first_claim_at = models.DateTimeField(db_index=True)
    claim_count = models.PositiveIntegerField(default=0)
    is_demo = models.BooleanField(default=False, editable=False)

    class Meta:
        verbose_name = _("Nhóm tin cần kiểm chứng")
        verbose_name_plural = _("Nhóm tin cần kiểm chứng")
        ordering = ["first_claim_at"]

    def __str__(self) -> str:
        return _("Nhóm tin #%(pk)s") % {"pk": self.pk}


class Claim(models.Model):
    class Source(models.TextChoices):
        WORKER = "worker", _("Người lao động")
        PROPAGANDIST = "propagandist", _("Tuyên truyền viên")

    group = models.ForeignKey(ClaimGroup, on_delete=models.CASCADE, related_name="claims")
    source = models.CharField(_("Người gửi"), max_length=16, choices=Source.choices, default=Source.WORKER)
    receipt_lookup = models.CharField(max_length=64, unique=True, editable=False)
    receipt_hash = models.CharField(max_length=100, editable=False)
    # A keyed hash of the phone's idempotency key (voice.idempotency): a claim sent again from the outbox is one claim.
    idempotency_hash = models.CharField(max_length=64, unique=True, null=True, blank=True, editable=False)
    text_enc = models.BinaryField(editable=False)
    link_enc = models.BinaryField(null=True, editable=False)
    photo_enc = models.BinaryField(null=True, editable=False)  # a JPEG re-encoded without EXIF (voice.photos)
    enterprise = models.ForeignKey(Enterprise, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(db_index=True)
    is_demo = models.BooleanField(default=False, editable=False)

    class Meta:
        verbose_name = _("Tin cần kiểm chứng")
        verbose_name_plural = _("Tin cần kiểm chứng")
        ordering = ["created_at"]

    def __str__(self) -> str:
        return _("Tin #%(pk)s") % {"pk": self.pk}


class Topic(models.Model):
    """A subject workers talk about; officials edit the list (the first ones come with the app)."""

    name = models.CharField(_("Chủ đề"), max_length=120, unique=True)
    slug = models.SlugField(max_length=120, unique=True)
    position = models.PositiveSmallIntegerField(default=0)
    is_active = models.BooleanField(_("Đang dùng"), default=True)

    class Meta:
        verbose_name = _("Chủ đề tư tưởng")
        verbose_name_plural = _("Chủ đề tư tưởng")
        ordering = ["position", "name"]

    def __str__(self) -> str:
        return self.name


class Clarification(models.Model):
    class Verdict(models.TextChoices):
        TRUE = "true", _("Đúng")
        FALSE = "false", _("Sai")
        PARTLY = "partly", _("Đúng một phần")
        UNFOUNDED = "unfounded", _("Chưa có căn cứ")

    group = models.OneToOneField(ClaimGroup, on_delete=models.PROTECT, related_name="clarification")
    slug = models.SlugField(max_length=120, unique=True)
    claim = models.CharField(_("Tin được hỏi"), max_length=300)
    verdict = models.CharField(_("Kết luận"), max_length=16, choices=Verdict.choices)
    truth = models.TextField(_("Sự thật, nói ngắn gọn"), max_length=1500)
    unit = models.ForeignKey(OrgUnit, on_delete=models.PROTECT, related_name="+", verbose_name=_("Cơ quan trả lời"))
    published_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    published_at = models.DateTimeField(db_index=True)
    topics = models.ManyToManyField(
        Topic, blank=True, related_name="clarifications", verbose_name=_("Chủ đề liên quan")
    )
    is_demo = models.BooleanField(default=False, editable=False)

    class Meta:
        verbose_name = _("Thông tin chính thức")
        verbose_name_plural = _("Thông tin chính thức")
        ordering = ["-published_at"]

    def __str__(self) -> str:
        return self.claim

    def get_absolute_url(self) -> str:
        return reverse("opinion:clarification", kwargs={"slug": self.slug})

    @property
    def access_unit(self) -> OrgUnit:
        return self.unit


class Citation(models.Model):
    clarification = models.ForeignKey(Clarification, on_delete=models.CASCADE, related_name="citations")
    provision = models.ForeignKey(Provision, on_delete=models.PROTECT, related_name="+")
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("Căn cứ pháp lý")
        verbose_name_plural = _("Căn cứ pháp lý")
        ordering = ["clarification", "position"]
        constraints = [
            models.UniqueConstraint(fields=["clarification", "provision"], name="opinion_citation_unique_provision")
        ]

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        """The provision as people say it: "Điều 42 Bộ luật Lao động 2019", "khoản 2 Điều 70 Luật Bảo hiểm xã hội
        2024", "Điều 3 Nghị định 293/2025/NĐ-CP" (`published()` loads the relations it reads)."""
        provision, parts = self.provision, [self.provision.label]
        if (
            provision.kind == Provision.Kind.POINT
            and provision.parent
            and provision.parent.kind == Provision.Kind.CLAUSE
        ):
            parts.append(provision.parent.label)
        if provision.kind in {Provision.Kind.CLAUSE, Provision.Kind.POINT} and provision.article:
            parts.append(provision.article.label)
        return " ".join([*parts, document_spoken_name(provision.document)])

    @property
    def entry_line(self) -> str:
        """The citation as the publish form reads it back (`45/2019/QH14 Điều 107 khoản 2`), so a correction keeps it."""
        provision = self.provision
        words = [provision.document.number, "Điều", (provision.article or provision).number]
        if provision.kind == Provision.Kind.POINT:
            words += ["khoản", provision.parent.number] if provision.parent else []
            words += ["điểm", provision.number]
        elif provision.kind == Provision.Kind.CLAUSE:
            words += ["khoản", provision.number]
        return " ".join(words)


_YEAR_IN_NUMBER = re.compile(r"/((?:19|20)\d\d)/")


def document_spoken_name(document: Document) -> str:
    """A law by its short title and year, as people name it ("Bộ luật Lao động 2019": the number 45/2019/QH14 says
    nothing to a worker); a decree or circular by its type and number, its title being a long description."""
    if document.doc_type in {"Bộ luật", "Luật"} and document.title.startswith(document.doc_type):
        year = document.issued_on.year if document.issued_on else None
        if year is None and (match := _YEAR_IN_NUMBER.search(document.number)):
            year = int(match.group(1))
        return f"{document.title} {year}" if year else document.title
    return f"{document.doc_type} {document.number}".strip()


class Recommendation(models.Model):
    """A kiến nghị to a named body, followed until that body answers. Workers see it through their case's receipt."""

    class Source(models.TextChoices):
        CASE = "case", _("Phản ánh của người lao động")
        DIALOGUE = "dialogue", _("Đối thoại")
        SURVEY = "survey", _("Khảo sát")
        NOTES = "notes", _("Ghi nhận tình hình tư tưởng")

    source = models.CharField(_("Xuất phát từ"), max_length=16, choices=Source.choices)
    report = models.ForeignKey(
        "voice.Report", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("Phản ánh")
    )
    source_note = models.CharField(_("Ghi chú nguồn"), max_length=200, blank=True)
    text = models.TextField(_("Nội dung kiến nghị"), max_length=3000)
    unit = models.ForeignKey(OrgUnit, on_delete=models.PROTECT, related_name="+", verbose_name=_("Đơn vị kiến nghị"))
    addressee_unit = models.ForeignKey(
        OrgUnit, null=True, blank=True, on_delete=models.PROTECT, related_name="+", verbose_name=_("Cơ quan nhận")
    )
    addressee_name = models.CharField(_("Cơ quan nhận (ngoài hệ thống)"), max_length=200, blank=True)
    addressee_kind = models.CharField(_("Loại cơ quan"), max_length=32, choices=OrgUnit.Kind.choices, blank=True)
    raised_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    raised_on = models.DateField(_("Ngày kiến nghị"))
    due_on = models.DateField(_("Hạn trả lời"))
    answer = models.TextField(_("Trả lời"), blank=True)
    answered_on = models.DateField(_("Ngày trả lời"), null=True, blank=True)
    answered_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    is_demo = models.BooleanField(default=False, editable=False)

    class Meta:
        verbose_name = _("Kiến nghị")
        verbose_name_plural = _("Kiến nghị")
        ordering = ["due_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(addressee_unit__isnull=True, addressee_name=""), name="recommendation_has_addressee"
            )
        ]

    def __str__(self) -> str:
        return _("Kiến nghị tới %(body)s") % {"body": self.addressee}

    @property
    def addressee(self) -> str:
        return self.addressee_unit.name if self.addressee_unit else self.addressee_name

    @property
    def access_units(self) -> list[OrgUnit]:
        return [self.unit, self.addressee_unit] if self.addressee_unit else [self.unit]


class ThoughtNote(models.Model):
    """One reading of the mood at an enterprise for a week or a month, by a propagandist, union or party cell."""

    class Mood(models.IntegerChoices):
        VERY_WORRIED = 1, _("Rất bức xúc")
        WORRIED = 2, _("Lo lắng")
        MIXED = 3, _("Bình thường")
        CALM = 4, _("Yên tâm")
        CONFIDENT = 5, _("Phấn khởi")

    enterprise = models.ForeignKey(
        Enterprise, on_delete=models.CASCADE, related_name="+", verbose_name=_("Doanh nghiệp")
    )
    period_start = models.DateField(_("Từ ngày"))
    period_end = models.DateField(_("Đến ngày"))
    topics = models.ManyToManyField(Topic, related_name="notes", verbose_name=_("Chủ đề công nhân bàn tán"))
    mood = models.PositiveSmallIntegerField(_("Tâm trạng chung"), choices=Mood.choices)
    concerned = models.PositiveIntegerField(_("Khoảng bao nhiêu người quan tâm"))
    quotes = models.TextField(_("Ý kiến tiêu biểu (không ghi tên)"), blank=True)
    reporter = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    is_demo = models.BooleanField(default=False, editable=False)

    class Meta:
        verbose_name = _("Ghi nhận tình hình tư tưởng")
        verbose_name_plural = _("Ghi nhận tình hình tư tưởng")
        ordering = ["-period_start", "pk"]

    def __str__(self) -> str:
        return f"{self.enterprise} {self.period_start:%d/%m/%Y}"

    @property
    def access_unit(self) -> OrgUnit:
        return self.enterprise.unit


class Share(models.Model):
    """A propagandist passed a clarification on to the workers of an enterprise (once per person and enterprise)."""

    clarification = models.ForeignKey(Clarification, on_delete=models.CASCADE, related_name="shares")
    enterprise = models.ForeignKey(Enterprise, on_delete=models.CASCADE, related_name="+")
    shared_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    shared_at = models.DateTimeField(auto_now_add=True)
    is_demo = models.BooleanField(default=False, editable=False)

    class Meta:
        verbose_name = _("Lượt chia sẻ thông tin chính thức")
        verbose_name_plural = _("Lượt chia sẻ thông tin chính thức")
        constraints = [
            models.UniqueConstraint(
                fields=["clarification", "enterprise", "shared_by"], name="opinion_share_once_per_person"
            )
        ]

    def __str__(self) -> str:
        return f"{self.clarification_id} · {self.enterprise_id}"

    @property
    def access_unit(self) -> OrgUnit:
        return self.enterprise.unit
