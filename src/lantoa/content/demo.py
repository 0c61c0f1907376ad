"""Demo content: the seed lessons under /bai-hoc/, published (marked official only once a reviewer approves)."""

from lantoa.content import editorial, services
from lantoa.content.models import LessonIndexPage
from lantoa.orgs.models import User

# Made-up numbers, shown to workers as "minh họa": an administrator replaces them in /cms/ (Nơi liên hệ giúp đỡ).
DEMO_CONTACTS = [
    (
        "Đường dây nóng Liên đoàn Lao động tỉnh",
        "phone",
        "0296 000 0000",
        "Nợ lương, ép làm thêm, cho nghỉ việc trái luật (giờ hành chính).",
    ),
    ("Zalo tư vấn của Công đoàn tỉnh", "zalo", "0900 000 000", "Nhắn tin, gửi ảnh giấy tờ để được tư vấn."),
    (
        "Trợ giúp pháp lý nhà nước tỉnh An Giang",
        "address",
        "Số 1 đường Minh Họa, phường Rạch Giá, tỉnh An Giang",
        "Trợ giúp pháp lý miễn phí cho người thuộc diện được trợ giúp.",
    ),
]


def load(*, logins: list[tuple[str, str, str]]) -> str:
    result = services.lessons_import()
    if result.problems:
        raise RuntimeError("; ".join(f"{p.file}: {p.message}" for p in result.problems))
    editorial.editorial_setup(index=LessonIndexPage.objects.get())
    for user in User.objects.filter(person__memberships__role__in=editorial.ROLE_GROUPS).distinct():
        editorial.editorial_groups_sync(user=user)
    for order, (title, kind, value, note) in enumerate(DEMO_CONTACTS):
        services.help_contact_save(title=title, kind=kind, value=value, note=note, sort_order=order, is_demo=True)
    return f"review workflow on /bai-hoc/; lessons created={result.created} updated={result.updated} unchanged={result.unchanged}"
