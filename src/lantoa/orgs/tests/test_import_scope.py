"""Who may change what through the Excel import: every row is checked where the object stands and where it goes."""

import io
from collections.abc import Callable, Sequence

import pytest

from lantoa.orgs import imports, services
from lantoa.orgs.models import Enterprise, OrgUnit, Role, User

from .workbooks import enterprise_row, filled_template


def run_import(
    user: User, *, units: Sequence[Sequence[object]] = (), enterprises: Sequence[Sequence[object]] = ()
) -> imports.ImportResult:
    data = filled_template(units=units, enterprises=enterprises)
    return imports.workbook_import(stream=io.BytesIO(data), user=user)


def messages(result: imports.ImportResult) -> list[str]:
    return [str(problem) for problem in result.problems]


@pytest.fixture
def grassroots_union(enterprise_a: Enterprise) -> OrgUnit:
    unit, _created = services.unit_save(
        code="CDCS-A", name="Công đoàn cơ sở Công ty A", kind=OrgUnit.Kind.GRASSROOTS_UNION, parent=enterprise_a.unit
    )
    return unit


@pytest.fixture
def grassroots_officer(grassroots_union, make_official):
    return make_official(unit=grassroots_union, role=Role.UNION_OFFICER, name="Chủ tịch CĐCS A")


@pytest.fixture
def province_admin(province, labour_federation, make_official):
    return make_official(unit=province, role=Role.UNIT_ADMIN, name="Quản trị tỉnh")


def test_grassroots_officer_cannot_move_the_labour_federation_under_their_union(grassroots_officer, labour_federation):
    before = labour_federation.path
    for kind in ("Liên đoàn Lao động", "Công đoàn cơ sở"):
        result = run_import(grassroots_officer, units=[["LDLD", "Liên đoàn của tôi", kind, "CDCS-A", ""]])
        assert any("Đơn vị – dòng 2, cột A (Mã đơn vị)" in m and "không" in m for m in messages(result))
    labour_federation.refresh_from_db()
    assert (labour_federation.path, labour_federation.name) == (before, "Liên đoàn Lao động tỉnh")


def test_grassroots_officer_cannot_create_a_labour_federation_but_can_add_a_party_cell(grassroots_officer):
    refused = run_import(grassroots_officer, units=[["LDLD-2", "Liên đoàn giả", "Liên đoàn Lao động", "CDCS-A", ""]])
    assert any("cột C (Loại đơn vị)" in m and "cấp tỉnh" in m for m in messages(refused))
    assert not OrgUnit.objects.filter(code="LDLD-2").exists()

    allowed = run_import(grassroots_officer, units=[["CB-A", "Chi bộ Công ty A", "Tổ chức đảng", "1600000101", ""]])
    assert allowed.ok, messages(allowed)
    parent = OrgUnit.objects.get(code="CB-A").parent
    assert parent is not None and parent.enterprise.tax_code == "1600000101"


def test_units_sheet_cannot_rewrite_communes_or_enterprises(province_admin, enterprise_a, commune):
    ward = commune("Phường Rạch Giá")
    rows = [
        [ward.code, "Phường Đổi Tên", "Khu công nghiệp", "91", ""],
        [enterprise_a.unit.code, "Công đoàn mới", "Công đoàn cơ sở", "91", ""],
    ]
    result = run_import(province_admin, units=rows)
    assert any("dòng 2, cột A" in m and "không sửa được" in m for m in messages(result))
    assert any("dòng 3, cột A" in m and "không sửa được" in m for m in messages(result))
    ward.refresh_from_db()
    assert ward.name == "Phường Rạch Giá"


def test_commune_officer_cannot_take_another_wards_enterprise_and_nothing_is_written(
    commune_officer, enterprise_a, enterprise_b
):
    rows = [
        enterprise_row(enterprise_a.tax_code, "Công ty A Đổi Tên"),
        enterprise_row(enterprise_b.tax_code, "Công ty B của xã tôi"),
    ]
    result = run_import(commune_officer, enterprises=rows)
    assert any("dòng 3, cột A (Mã số thuế)" in m and "ngoài phạm vi" in m for m in messages(result))
    assert not any("dòng 2," in m for m in messages(result))
    enterprise_a.refresh_from_db()
    enterprise_b.refresh_from_db()
    assert enterprise_a.unit.name == "Công ty A ở Bình Hòa"
    assert (enterprise_b.unit.name, enterprise_b.commune.name) == ("Công ty B ở Rạch Giá", "Phường Rạch Giá")

    allowed = run_import(commune_officer, enterprises=[enterprise_row(enterprise_a.tax_code, "Công ty A Đổi Tên")])
    assert allowed.ok, messages(allowed)
    assert Enterprise.objects.get(pk=enterprise_a.pk).unit.name == "Công ty A Đổi Tên"


def test_province_admin_moves_units_and_their_subtree_follows(province_admin, enterprise_a, grassroots_union):
    units = [
        ["KCN-X", "Khu công nghiệp X", "Khu công nghiệp", "91", "Phường Long Xuyên"],
        ["LDLD-KCN", "Công đoàn các khu công nghiệp", "Liên đoàn Lao động", "91", ""],
        [grassroots_union.code, "Công đoàn cơ sở Công ty A", "Công đoàn cơ sở", "KCN-X", ""],
    ]
    result = run_import(province_admin, units=units)
    assert result.ok, messages(result)
    grassroots_union.refresh_from_db()
    assert grassroots_union.path == "/91/KCN-X/CDCS-A/"

    moved = run_import(province_admin, enterprises=[enterprise_row(enterprise_a.tax_code, commune="Phường Rạch Giá")])
    assert moved.ok, messages(moved)
    enterprise_a.refresh_from_db()
    assert enterprise_a.unit.path.startswith(enterprise_a.commune.path)


def test_enterprise_move_carries_its_union_along(province_admin, enterprise_a, grassroots_union):
    result = run_import(province_admin, enterprises=[enterprise_row(enterprise_a.tax_code, commune="Phường Rạch Giá")])
    assert result.ok, messages(result)
    grassroots_union.refresh_from_db()
    enterprise_a.refresh_from_db()
    assert grassroots_union.path == f"{enterprise_a.unit.path}CDCS-A/"


def test_a_unit_cannot_be_put_under_its_own_subtree(province_admin, labour_federation):
    units = [
        ["CD-CON", "Công đoàn con", "Công đoàn cơ sở", "LDLD", ""],
        ["LDLD", "Liên đoàn Lao động tỉnh", "Liên đoàn Lao động", "CD-CON", ""],
    ]
    result = run_import(province_admin, units=units)
    assert any("dòng 3, cột D (Mã đơn vị cấp trên)" in m and "dưới chính nó" in m for m in messages(result))
    assert not OrgUnit.objects.filter(code="CD-CON").exists()
    labour_federation.refresh_from_db()
    assert labour_federation.path == "/91/LDLD/"


@pytest.fixture
def zones(province: OrgUnit, commune: Callable[[str], OrgUnit]) -> dict[str, OrgUnit]:
    """A park in the commune officer's commune (Xã Bình Hòa) and one in another ward, both under the province."""
    made = {}
    for code, name, place in (
        ("KCN-BH", "Khu công nghiệp Bình Hòa", "Xã Bình Hòa"),
        ("KCN-VC", "Khu công nghiệp Vàm Cống", "Phường Mỹ Thới"),
    ):
        made[code], _created = services.unit_save(
            code=code, name=name, kind=OrgUnit.Kind.INDUSTRIAL_PARK, parent=province, commune=commune(place)
        )
    return made


def test_commune_officer_cannot_place_or_move_an_enterprise_into_another_communes_zone(
    commune_officer, enterprise_a, zones
):
    rows = [
        enterprise_row(enterprise_a.tax_code, "Công ty A ở Bình Hòa", zone="KCN-VC"),
        enterprise_row("1600000501", "Công ty Mới", zone="KCN-VC"),
    ]
    result = run_import(commune_officer, enterprises=rows)
    refused = [m for m in messages(result) if "cột F (Mã khu, cụm công nghiệp)" in m]
    assert [m.split(",", 1)[0] for m in refused] == ["Doanh nghiệp – dòng 2", "Doanh nghiệp – dòng 3"]
    assert all("không có quyền đưa doanh nghiệp vào “Khu công nghiệp Vàm Cống”" in m for m in refused)
    enterprise_a.refresh_from_db()
    assert enterprise_a.zone is None
    assert not Enterprise.objects.filter(tax_code="1600000501").exists()


def test_commune_officer_may_use_their_communes_zone_and_keep_a_zone_already_set(
    commune_officer, enterprise_a, make_enterprise, zones
):
    placed = make_enterprise(name="Công ty C", commune="Xã Bình Hòa", zone=zones["KCN-VC"], tax_code="1600000303")
    rows = [
        enterprise_row(enterprise_a.tax_code, "Công ty A ở Bình Hòa", zone="KCN-BH"),
        enterprise_row(placed.tax_code, "Công ty C Đổi Tên", zone="KCN-VC"),  # already there: not a move
    ]
    result = run_import(commune_officer, enterprises=rows)
    assert result.ok, messages(result)
    enterprise_a.refresh_from_db()
    placed.refresh_from_db()
    assert (enterprise_a.zone, placed.zone, placed.unit.name) == (zones["KCN-BH"], zones["KCN-VC"], "Công ty C Đổi Tên")


def test_province_admin_places_enterprises_in_any_zone(province_admin, enterprise_a, zones):
    result = run_import(province_admin, enterprises=[enterprise_row(enterprise_a.tax_code, zone="KCN-VC")])
    assert result.ok, messages(result)
    enterprise_a.refresh_from_db()
    assert enterprise_a.zone == zones["KCN-VC"]
