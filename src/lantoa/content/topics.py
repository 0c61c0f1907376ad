"""The topics and audience segments lessons are filed under (slugs are the seed files' keys)."""

from typing import TYPE_CHECKING

from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

TOPICS: dict[str, "StrOrPromise"] = {
    "hop-dong-lao-dong": _("Hợp đồng lao động"),
    "tien-luong": _("Tiền lương, giờ làm, nghỉ ngơi"),
    "bhxh": _("Bảo hiểm xã hội"),
    "bhyt": _("Bảo hiểm y tế"),
    "an-toan-ve-sinh-lao-dong": _("An toàn, vệ sinh lao động"),
    "cong-doan": _("Công đoàn và quyền gia nhập"),
    "doi-thoai-thuong-luong": _("Đối thoại và thương lượng tập thể"),
    "ky-nang-tu-bao-ve": _("Kỹ năng tự bảo vệ"),
    "phong-chong-tin-gia": _("Phòng chống tin giả"),
    "van-hoa-the-thao": _("Văn hóa – thể thao"),
    "lao-dong-gioi-sang-tao": _("Lao động giỏi, lao động sáng tạo"),
    "chi-thi-58": _("Chỉ thị 58 và vai trò giai cấp công nhân"),
}

SEGMENTS: dict[str, "StrOrPromise"] = {
    "kcn": _("Công nhân khu công nghiệp"),
    "ccn": _("Công nhân cụm công nghiệp"),
    "migrant": _("Lao động di cư, ngoại tỉnh"),
    "fdi": _("Doanh nghiệp có vốn nước ngoài"),
    "sme": _("Doanh nghiệp nhỏ và vừa"),
    "border": _("Vùng biên giới"),
    "island": _("Hải đảo, đặc khu"),
    "rural": _("Nông thôn"),
}
