from typing import Any, NamedTuple

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """An official or a registered worker; `username` holds the phone number used to log in."""

    class Meta:
        verbose_name = _("Tài khoản")
        verbose_name_plural = _("Tài khoản")


class OrgUnit(models.Model):
    """One node of the organisation tree: territory (province, commune) or a body acting in it."""

    class Kind(models.TextChoices):
        PROVINCE = "province", _("Tỉnh")
        WARD = "ward", _("Phường")
        COMMUNE = "commune", _("Xã")
        SPECIAL_ZONE = "special_zone", _("Đặc khu")
        PARTY_COMMITTEE = "party_committee", _("Cấp ủy đảng")
        PROPAGANDA_BOARD = "propaganda_board", _("Ban Tuyên giáo và Dân vận")
        PEOPLES_COMMITTEE = "peoples_committee", _("Ủy ban nhân dân")
        FATHERLAND_FRONT = "fatherland_front", _("Mặt trận Tổ quốc")
        LABOUR_FEDERATION = "labour_federation", _("Liên đoàn Lao động")
        GRASSROOTS_UNION = "grassroots_union", _("Công đoàn cơ sở")
        INDUSTRIAL_PARK = "industrial_park", _("Khu công nghiệp")
        INDUSTRIAL_CLUSTER = "industrial_cluster", _("Cụm công nghiệp")
        ENTERPRISE = "enterprise", _("Doanh nghiệp")
        PARTY_CELL = "party_cell", _("Tổ chức đảng trong doanh nghiệp")

    COMMUNE_KINDS = (Kind.WARD, Kind.COMMUNE, Kind.SPECIAL_ZONE)
    ZONE_KINDS = (Kind.INDUSTRIAL_PARK, Kind.INDUSTRIAL_CLUSTER)
    # A body acts over the unit it is attached to: the LĐLĐ over the province, a grassroots union over its enterprise.
    BODY_KINDS = (
        Kind.PARTY_COMMITTEE,
        Kind.PROPAGANDA_BOARD,
        Kind.PEOPLES_COMMITTEE,
        Kind.FATHERLAND_FRONT,
        Kind.LABOUR_FEDERATION,
        Kind.GRASSROOTS_UNION,
        Kind.PARTY_CELL,
    )

    code = models.CharField(_("Mã"), max_length=40, unique=True)
    name = models.CharField(_("Tên"), max_length=255)
    kind = models.CharField(_("Loại"), max_length=32, choices=Kind.choices, db_index=True)
    parent = models.ForeignKey(
        "self", verbose_name=_("Trực thuộc"), null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    # Materialised path of codes ("/91/30307/"): descendants are a prefix match on SQLite and PostgreSQL alike.
    path = models.CharField(max_length=255, unique=True, editable=False)
    commune = models.ForeignKey(
        "self",
        verbose_name=_("Xã, phường, đặc khu"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="located_units",
        limit_choices_to={"kind__in": COMMUNE_KINDS},
    )
    zone_communes = models.ManyToManyField(
        "self",
        verbose_name=_("Địa bàn khu, cụm công nghiệp"),
        symmetrical=False,
        blank=True,
        related_name="zones_located",
        help_text=_("Các xã, phường mà khu hoặc cụm công nghiệp trải qua."),
    )
    is_border = models.BooleanField(_("Xã biên giới"), default=False)
    is_island = models.BooleanField(_("Xã đảo, đặc khu"), default=False)
    is_demo = models.BooleanField(_("Dữ liệu minh họa"), default=False)

    class Meta:
        verbose_name = _("Đơn vị")
        verbose_name_plural = _("Đơn vị")
        ordering = ["path"]

    def __str__(self) -> str:
        return self.name

    @property
    def depth(self) -> int:
        return self.path.count("/") - 1

    @property
    def is_commune_level(self) -> bool:
        return self.kind in self.COMMUNE_KINDS

    @property
    def scope_root(self) -> "OrgUnit":
        if self.kind in self.BODY_KINDS and self.parent is not None:
            return self.parent
        return self

    def is_within(self, other: "OrgUnit") -> bool:
        return self.path.startswith(other.path)


class Enterprise(models.Model):
    class Ownership(models.TextChoices):
        FDI = "fdi", _("Có vốn đầu tư nước ngoài (FDI)")
        STATE = "state", _("Nhà nước")
        PRIVATE = "private", _("Tư nhân, ngoài nhà nước")
        HOUSEHOLD = "household", _("Hộ kinh doanh")

    unit = models.OneToOneField(OrgUnit, on_delete=models.CASCADE, related_name="enterprise")
    tax_code = models.CharField(_("Mã số thuế"), max_length=14, unique=True)
    public_code = models.CharField(_("Mã QR công khai"), max_length=8, unique=True)
    ownership = models.CharField(_("Loại hình sở hữu"), max_length=16, choices=Ownership.choices)
    sector = models.CharField(_("Ngành nghề"), max_length=120, blank=True)
    commune = models.ForeignKey(
        OrgUnit, verbose_name=_("Xã, phường, đặc khu"), on_delete=models.PROTECT, related_name="enterprises_here"
    )
    zone = models.ForeignKey(
        OrgUnit,
        verbose_name=_("Khu, cụm công nghiệp"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="zone_enterprises",
    )
    worker_count = models.PositiveIntegerField(_("Số lao động"), default=0)
    female_worker_count = models.PositiveIntegerField(_("Lao động nữ"), default=0)
    migrant_worker_count = models.PositiveIntegerField(_("Lao động ngoại tỉnh"), default=0)
    union_member_count = models.PositiveIntegerField(_("Đoàn viên công đoàn"), default=0)
    minimum_wage_region = models.PositiveSmallIntegerField(_("Vùng lương tối thiểu"), null=True, blank=True)
    in_zone = models.BooleanField(_("Trong khu, cụm công nghiệp"), default=False)
    is_migrant_heavy = models.BooleanField(_("Đông lao động di cư"), default=False)
    is_border = models.BooleanField(_("Biên giới"), default=False)
    is_island = models.BooleanField(_("Hải đảo"), default=False)
    is_rural = models.BooleanField(_("Nông thôn"), default=False)
    is_sme = models.BooleanField(_("Doanh nghiệp nhỏ và vừa"), default=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("Doanh nghiệp")
        verbose_name_plural = _("Doanh nghiệp")
        ordering = ["unit__name"]

    def __str__(self) -> str:
        return self.unit.name

    @property
    def name(self) -> str:
        return self.unit.name

    @property
    def access_units(self) -> list[OrgUnit]:
        return [self.unit, self.zone] if self.zone is not None else [self.unit]

    @property
    def segments(self) -> list[str]:
        return [segment.code for segment in SEGMENTS if getattr(self, segment.field) == segment.value]


class Segment(NamedTuple):
    """A group of enterprises plans, surveys and lessons target: its members have ``field`` equal to ``value``."""

    code: str
    label: Promise
    field: str
    value: Any


SEGMENTS: tuple[Segment, ...] = (
    Segment("kcn_ccn", _("Khu, cụm công nghiệp"), "in_zone", True),
    Segment("migrant", _("Đông lao động di cư"), "is_migrant_heavy", True),
    Segment("border", _("Biên giới"), "is_border", True),
    Segment("island", _("Hải đảo"), "is_island", True),
    Segment("rural", _("Nông thôn"), "is_rural", True),
    Segment("sme", _("Doanh nghiệp nhỏ và vừa"), "is_sme", True),
    Segment("fdi", _("Doanh nghiệp FDI"), "ownership", Enterprise.Ownership.FDI),
)
SEGMENT_LABELS = {segment.code: segment.label for segment in SEGMENTS}


class MinimumWageZone(models.Model):
    """The minimum-wage region of a commune-level unit over a period, as a decree's annex assigns it."""

    commune = models.ForeignKey(OrgUnit, on_delete=models.CASCADE, related_name="wage_zones")
    region = models.PositiveSmallIntegerField(_("Vùng"))
    valid_from = models.DateField(_("Áp dụng từ"))
    valid_to = models.DateField(_("Áp dụng đến"), null=True, blank=True)
    source = models.CharField(_("Căn cứ"), max_length=255)

    class Meta:
        verbose_name = _("Địa bàn vùng lương tối thiểu")
        verbose_name_plural = _("Địa bàn vùng lương tối thiểu")
        constraints = [
            models.UniqueConstraint(fields=["commune", "valid_from"], name="wage_zone_unique_start"),
            models.CheckConstraint(condition=models.Q(region__gte=1, region__lte=4), name="wage_zone_region_1_4"),
        ]

    def __str__(self) -> str:
        return f"{self.commune} · vùng {self.region}"


class Person(models.Model):
    full_name = models.CharField(_("Họ và tên"), max_length=120)
    phone = models.CharField(_("Số điện thoại"), max_length=15, blank=True)
    user = models.OneToOneField(User, null=True, blank=True, on_delete=models.SET_NULL, related_name="person")
    is_demo = models.BooleanField(_("Dữ liệu minh họa"), default=False)

    class Meta:
        verbose_name = _("Cá nhân")
        verbose_name_plural = _("Danh sách cá nhân")
        ordering = ["full_name"]

    def __str__(self) -> str:
        return self.full_name


class Role(models.TextChoices):
    WORKER = "worker", _("Công nhân, người lao động")
    PROPAGANDIST = "propagandist", _("Tuyên truyền viên, báo cáo viên")
    UNION_OFFICER = "union_officer", _("Cán bộ công đoàn")
    EMPLOYER = "employer", _("Đại diện người sử dụng lao động")
    LEGAL_ADVISER = "legal_adviser", _("Tư vấn viên pháp luật")
    UNIT_ADMIN = "unit_admin", _("Quản trị đơn vị")
    MONITOR = "monitor", _("Cán bộ theo dõi cấp tỉnh")
    EDITOR = "editor", _("Biên tập viên")
    REVIEWER = "reviewer", _("Người duyệt nội dung")


class Membership(models.Model):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="memberships")
    unit = models.ForeignKey(OrgUnit, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("Vai trò"), max_length=32, choices=Role.choices)
    title = models.CharField(_("Chức danh"), max_length=120, blank=True)
    started_on = models.DateField(_("Từ ngày"), null=True, blank=True)
    ended_on = models.DateField(_("Đến ngày"), null=True, blank=True)

    class Meta:
        verbose_name = _("Vai trò tại đơn vị")
        verbose_name_plural = _("Vai trò tại đơn vị")
        constraints = [models.UniqueConstraint(fields=["person", "unit", "role"], name="membership_unique_role")]

    def __str__(self) -> str:
        return f"{self.person} · {self.get_role_display()} · {self.unit}"
