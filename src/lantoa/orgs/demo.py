"""The demo province: real An Giang units, fictional enterprises (marked as demo data) and one login per role."""

from django.db import transaction

from lantoa.orgs import files, services
from lantoa.orgs.models import Enterprise, OrgUnit, Role

DEMO_PASSWORD = "lantoa-demo"  # noqa: S105 - printed for the demo; real accounts set their own
BORDER_COMMUNES = ("Xã Vĩnh Xương", "Xã Khánh Bình", "Phường Tịnh Biên", "Phường Vĩnh Tế", "Xã Giang Thành")

PROVINCE_BODIES = (
    ("TU-BTV", "Ban Thường vụ Tỉnh ủy An Giang", OrgUnit.Kind.PARTY_COMMITTEE),
    ("TU-BTGDV", "Ban Tuyên giáo và Dân vận Tỉnh ủy", OrgUnit.Kind.PROPAGANDA_BOARD),
    ("UBND-TINH", "Ủy ban nhân dân tỉnh An Giang", OrgUnit.Kind.PEOPLES_COMMITTEE),
    ("MTTQ-TINH", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh An Giang", OrgUnit.Kind.FATHERLAND_FRONT),
    ("LDLD", "Liên đoàn Lao động tỉnh An Giang", OrgUnit.Kind.LABOUR_FEDERATION),
)
# Real industrial parks of the province; the commune given is the new commune-level unit they lie in.
ZONES = (
    ("KCN-BINH-HOA", "Khu công nghiệp Bình Hòa", OrgUnit.Kind.INDUSTRIAL_PARK, "Xã Bình Hòa"),
    ("KCN-VAM-CONG", "Khu công nghiệp Vàm Cống", OrgUnit.Kind.INDUSTRIAL_PARK, "Phường Mỹ Thới"),
    ("KCN-BINH-LONG", "Khu công nghiệp Bình Long", OrgUnit.Kind.INDUSTRIAL_PARK, "Xã Châu Phú"),
    ("KCN-THANH-LOC", "Khu công nghiệp Thạnh Lộc", OrgUnit.Kind.INDUSTRIAL_PARK, "Xã Thạnh Lộc"),
    ("KCN-XUAN-TO", "Khu công nghiệp Xuân Tô", OrgUnit.Kind.INDUSTRIAL_PARK, "Phường Tịnh Biên"),
    ("CCN-HOA-DIEN", "Cụm công nghiệp Hòa Điền (minh họa)", OrgUnit.Kind.INDUSTRIAL_CLUSTER, "Xã Hòa Điền"),
)
# tax code, name, ownership, sector, commune, zone, workers, female, migrant, union members
ENTERPRISES = (
    (
        "1601000101",
        "Công ty TNHH Chế biến Thủy sản Sông Hậu Xanh",
        "private",
        "Chế biến thủy sản",
        "Xã Bình Hòa",
        "KCN-BINH-HOA",
        1200,
        820,
        310,
        1080,
    ),
    (
        "1601000102",
        "Công ty TNHH Giày da Phước An Việt Nam",
        "fdi",
        "Sản xuất giày da",
        "Xã Bình Hòa",
        "KCN-BINH-HOA",
        3200,
        2500,
        1400,
        2900,
    ),
    (
        "1601000103",
        "Công ty Cổ phần May mặc Mỹ Thới",
        "private",
        "May mặc",
        "Phường Mỹ Thới",
        "KCN-VAM-CONG",
        850,
        690,
        120,
        760,
    ),
    (
        "1601000104",
        "Công ty TNHH MTV Lương thực Thạnh Phú",
        "state",
        "Xay xát, chế biến gạo",
        "Xã Châu Phú",
        "KCN-BINH-LONG",
        420,
        150,
        30,
        400,
    ),
    (
        "1701000105",
        "Công ty TNHH Thức ăn Chăn nuôi Kiên Tâm",
        "fdi",
        "Thức ăn chăn nuôi",
        "Xã Thạnh Lộc",
        "KCN-THANH-LOC",
        600,
        210,
        190,
        520,
    ),
    (
        "1601000106",
        "Công ty TNHH Gạch men Núi Cấm",
        "private",
        "Vật liệu xây dựng",
        "Phường Tịnh Biên",
        "KCN-XUAN-TO",
        380,
        90,
        60,
        300,
    ),
    ("1601000107", "Hộ kinh doanh Cơ khí Ba Hưng", "household", "Cơ khí sửa chữa", "Xã Vĩnh Xương", "", 12, 1, 0, 0),
    (
        "1701000108",
        "Công ty TNHH Nước mắm Đảo Ngọc",
        "private",
        "Chế biến nước mắm",
        "Đặc khu Phú Quốc",
        "",
        95,
        40,
        35,
        60,
    ),
    (
        "1701000109",
        "Công ty Cổ phần Du lịch Biển Kiên Hải",
        "private",
        "Du lịch, lưu trú",
        "Đặc khu Kiên Hải",
        "",
        60,
        28,
        25,
        0,
    ),
    ("1701000110", "Công ty TNHH Xây dựng Rạch Giá", "private", "Xây dựng", "Phường Rạch Giá", "", 150, 12, 70, 90),
    (
        "1701000111",
        "Công ty TNHH Dệt may Hòa Điền Việt Nam",
        "fdi",
        "Dệt may",
        "Xã Hòa Điền",
        "CCN-HOA-DIEN",
        1500,
        1180,
        640,
        1300,
    ),
    (
        "1601000112",
        "Công ty TNHH Chế biến Nông sản Tri Tôn",
        "private",
        "Chế biến nông sản",
        "Xã Tri Tôn",
        "",
        230,
        120,
        15,
        180,
    ),
)
# phone, name, unit code (or tax code for an enterprise), role, title, what the login is for
PEOPLE = (
    (
        "0900000001",
        "Trần Thị Thu Hà",
        "TU-BTGDV",
        Role.MONITOR,
        "Chuyên viên",
        "Ban Tuyên giáo và Dân vận – theo dõi cấp tỉnh",
    ),
    (
        "0900000002",
        "Nguyễn Văn Phúc",
        "LDLD",
        Role.UNION_OFFICER,
        "Trưởng Ban Tuyên giáo",
        "Liên đoàn Lao động tỉnh – cán bộ công đoàn",
    ),
    ("0900000003", "Lê Minh Tâm", "xa-binh-hoa", Role.UNIT_ADMIN, "Phó Chủ tịch UBND xã", "Xã Bình Hòa – cán bộ xã"),
    (
        "0900000004",
        "Phạm Thị Kim Ngân",
        "phuong-rach-gia",
        Role.UNIT_ADMIN,
        "Chuyên viên",
        "Phường Rạch Giá – cán bộ phường",
    ),
    (
        "0900000005",
        "Võ Thị Mỹ Linh",
        "CDCS-1601000101",
        Role.UNION_OFFICER,
        "Chủ tịch công đoàn cơ sở",
        "Công đoàn cơ sở Thủy sản Sông Hậu Xanh",
    ),
    (
        "0900000006",
        "Huỳnh Quốc Bảo",
        "1601000101",
        Role.EMPLOYER,
        "Giám đốc nhân sự",
        "Đại diện người sử dụng lao động",
    ),
    ("0900000007", "Đặng Văn Lực", "LDLD", Role.LEGAL_ADVISER, "Luật sư cộng tác", "Tư vấn viên pháp luật"),
    ("0900000008", "Ngô Thanh Thảo", "TU-BTGDV", Role.EDITOR, "Biên tập viên", "Biên tập nội dung"),
    ("0900000009", "Bùi Văn Hòa", "LDLD", Role.REVIEWER, "Phó Chủ tịch", "Duyệt nội dung"),
    ("0900000010", "Châu Thị Diễm", "LDLD", Role.PROPAGANDIST, "Báo cáo viên", "Tuyên truyền viên"),
    ("0900000011", "Thạch Văn Sơn", "1601000101", Role.WORKER, "Công nhân", "Công nhân có tài khoản"),
)


@transaction.atomic
def load(*, logins: list[tuple[str, str, str]]) -> str:
    services.admin_units_sync()
    services.minimum_wage_zones_load()
    files.template_build_later()
    OrgUnit.objects.filter(name__in=BORDER_COMMUNES).update(is_border=True)
    province = services.province_get()
    communes = {unit.name: unit for unit in OrgUnit.objects.filter(kind__in=OrgUnit.COMMUNE_KINDS)}
    for code, name, kind in PROVINCE_BODIES:
        services.unit_save(code=code, name=name, kind=kind, parent=province, is_demo=True)
    zones = {}
    for code, name, kind, commune in ZONES:
        zones[code], _created = services.unit_save(
            code=code, name=name, kind=kind, parent=province, commune=communes[commune], is_demo=True
        )
    units_by_key = {unit.code: unit for unit in OrgUnit.objects.filter(code__in=[c for c, *_ in PROVINCE_BODIES])}
    units_by_key["xa-binh-hoa"] = communes["Xã Bình Hòa"]
    units_by_key["phuong-rach-gia"] = communes["Phường Rạch Giá"]
    for tax_code, name, ownership, sector, commune, zone, *counts in ENTERPRISES:
        enterprise, _created = services.enterprise_save(
            tax_code=tax_code,
            name=name,
            ownership=ownership,
            sector=sector,
            commune=communes[commune],
            zone=zones.get(zone),
            worker_count=counts[0],
            female_worker_count=counts[1],
            migrant_worker_count=counts[2],
            union_member_count=counts[3],
            is_demo=True,
        )
        units_by_key[tax_code] = enterprise.unit
        if counts[3]:
            union, _created = services.unit_save(
                code=f"CDCS-{tax_code}",
                name=f"Công đoàn cơ sở {name}",
                kind=OrgUnit.Kind.GRASSROOTS_UNION,
                parent=enterprise.unit,
                commune=enterprise.commune,
                is_demo=True,
            )
            units_by_key[union.code] = union
    for phone, full_name, unit_key, role, title, description in PEOPLE:
        services.person_with_login_create(
            full_name=full_name,
            phone=phone,
            password=DEMO_PASSWORD,
            unit=units_by_key[unit_key],
            role=role,
            title=title,
            is_demo=True,
        )
        logins.append((phone, DEMO_PASSWORD, description))
    services.superuser_ensure(username="admin", password=DEMO_PASSWORD)
    logins.append(("admin", DEMO_PASSWORD, "Quản trị hệ thống (Wagtail /cms/, /django-admin/)"))
    return f"{OrgUnit.objects.count()} units, {Enterprise.objects.count()} enterprises, {len(PEOPLE)} demo logins"
