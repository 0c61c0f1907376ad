"""The propagandist force: roster, trainings with certificates, rewards."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from lantoa.orgs.models import OrgUnit, Person


class Propagandist(models.Model):
    class Kind(models.TextChoices):
        CADRE = "cadre", _("Cán bộ làm công tác tuyên truyền")
        REPORTER = "reporter", _("Báo cáo viên")
        PROPAGANDIST = "propagandist", _("Tuyên truyền viên")
        COLLABORATOR = "collaborator", _("Cộng tác viên")
        CORE_WORKER = "core_worker", _("Công nhân nòng cốt")

    person = models.ForeignKey(Person, verbose_name=_("Cá nhân"), on_delete=models.PROTECT, related_name="+")
    unit = models.ForeignKey(OrgUnit, verbose_name=_("Đơn vị"), on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(_("Lực lượng"), max_length=16, choices=Kind.choices)
    joined_on = models.DateField(_("Tham gia từ"))
    left_on = models.DateField(_("Thôi tham gia"), null=True, blank=True)
    is_demo = models.BooleanField(_("Dữ liệu minh họa"), default=False)

    class Meta:
        verbose_name = _("Thành viên lực lượng tuyên truyền")
        verbose_name_plural = _("Lực lượng tuyên truyền")
        ordering = ["person__full_name"]
        constraints = [models.UniqueConstraint(fields=["person", "unit", "kind"], name="propagandist_unique_role")]

    def __str__(self) -> str:
        return f"{self.person} · {self.get_kind_display()}"

    @property
    def access_unit(self) -> OrgUnit:
        return self.unit


class Training(models.Model):
    unit = models.ForeignKey(OrgUnit, verbose_name=_("Đơn vị tổ chức"), on_delete=models.PROTECT, related_name="+")
    title = models.CharField(_("Tên lớp bồi dưỡng"), max_length=200)
    held_on = models.DateField(_("Ngày học"), db_index=True)
    hours = models.PositiveSmallIntegerField(_("Số giờ"), default=4)
    is_digital_skills = models.BooleanField(
        _("Kỹ năng số, mạng xã hội"), default=False, help_text=_("Lớp có nội dung sử dụng công nghệ số, mạng xã hội.")
    )
    is_demo = models.BooleanField(_("Dữ liệu minh họa"), default=False)

    class Meta:
        verbose_name = _("Lớp bồi dưỡng")
        verbose_name_plural = _("Lớp bồi dưỡng")
        ordering = ["-held_on"]

    def __str__(self) -> str:
        return self.title

    @property
    def access_unit(self) -> OrgUnit:
        return self.unit


class TrainingResult(models.Model):
    training = models.ForeignKey(Training, on_delete=models.CASCADE, related_name="results")
    propagandist = models.ForeignKey(Propagandist, on_delete=models.CASCADE, related_name="training_results")
    passed = models.BooleanField(_("Đạt"), default=True)
    certificate_number = models.CharField(_("Số chứng nhận"), max_length=40, blank=True)

    class Meta:
        verbose_name = _("Kết quả bồi dưỡng")
        verbose_name_plural = _("Kết quả bồi dưỡng")
        constraints = [models.UniqueConstraint(fields=["training", "propagandist"], name="training_result_unique")]

    def __str__(self) -> str:
        return f"{self.propagandist} · {self.training}"


class Reward(models.Model):
    """A commendation (khen thưởng) for a propagandist, a worker, an initiative or a good model."""

    unit = models.ForeignKey(OrgUnit, verbose_name=_("Đơn vị"), on_delete=models.PROTECT, related_name="+")
    recipient_name = models.CharField(_("Người, tập thể được khen"), max_length=200)
    propagandist = models.ForeignKey(
        Propagandist, null=True, blank=True, on_delete=models.SET_NULL, related_name="rewards"
    )
    title = models.CharField(_("Hình thức khen thưởng"), max_length=200)
    decision_number = models.CharField(_("Số quyết định"), max_length=60, blank=True)
    awarded_on = models.DateField(_("Ngày khen thưởng"), db_index=True)
    amount_vnd = models.PositiveBigIntegerField(_("Tiền thưởng (đồng)"), default=0)
    points = models.PositiveIntegerField(_("Điểm cộng"), default=0)
    is_demo = models.BooleanField(_("Dữ liệu minh họa"), default=False)

    class Meta:
        verbose_name = _("Khen thưởng")
        verbose_name_plural = _("Khen thưởng")
        ordering = ["-awarded_on"]

    def __str__(self) -> str:
        return f"{self.recipient_name} · {self.title}"

    @property
    def access_unit(self) -> OrgUnit:
        return self.unit
