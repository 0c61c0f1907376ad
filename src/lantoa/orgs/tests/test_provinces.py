"""Any province: the province is configuration (code, units, wage regions, plan, the federation receiving reports)."""

import pytest
from django.test import override_settings
from vietnam_provinces import Province, ProvinceCode, Ward

from lantoa.core.tests.support import SHARED_DIR, require
from lantoa.orgs import services, wage_regions
from lantoa.orgs.models import MinimumWageZone, OrgUnit
from lantoa.plans.services import plans
from lantoa.voice.services import reports

DECREE_293 = SHARED_DIR / "legal" / "source" / "kkhome_Nghi-dinh-293-2025-ND-CP-luong-toi-thieu-vung.txt"
CAN_THO = 92


def test_the_shipped_wage_regions_are_what_the_builder_reads_from_the_decree():
    require(DECREE_293.exists(), "Nghị định 293/2025 text")
    parsed = wage_regions.annex_parse(DECREE_293.read_text(encoding="utf-8"))
    assert len(parsed) == 34
    assert wage_regions.regions_toml(parsed) == wage_regions.REGIONS_FILE.read_text(encoding="utf-8")


def test_every_listed_name_is_an_official_unit_of_its_province():
    shipped = wage_regions.regions_file_read()
    assert {entry.code for entry in shipped.provinces.values()} == {p.code.value for p in Province.iter_all()}
    for entry in shipped.provinces.values():
        official = {" ".join(ward.name.split()) for ward in Ward.iter_by_province(ProvinceCode(entry.code))}
        assert set(entry.region_of()) <= official, entry.name
        assert len(entry.unmatched) <= 1, entry.name  # a misprint in the annex at most, kept for a person to check


def test_the_annex_parser_reads_kinds_lists_and_a_lost_comma():
    text = (
        "DANH MỤC ĐỊA BÀN\n33. Thành phố Cần Thơ\n"
        "- Vùng II, gồm các phường Ninh Kiều, Cái Khế và xã Phong ĐiềnNhơn Ái.\n"
        "- Vùng III, gồm các xã Nhơn Ái Thới Lai.\n"
        "- Vùng IV, gồm các xã, phường còn lại.\n"
    )
    (entry,) = wage_regions.annex_parse(text)
    assert entry.code == CAN_THO and entry.default_region == 4
    assert entry.regions[2] == ["Phường Ninh Kiều", "Phường Cái Khế"]
    assert entry.unmatched == ["Xã Phong ĐiềnNhơn Ái"]
    assert entry.regions[3] == ["Xã Nhơn Ái", "Xã Thới Lai"]  # the comma the text lost between two units


def test_name_key_ignores_tone_placement_dashes_and_spaces():
    assert wage_regions.name_key("Phường  Hoà Bình") == wage_regions.name_key("Phường Hòa Bình")
    assert wage_regions.name_key("Xã Chân Mây - Lăng Cô") == wage_regions.name_key("Xã Chân Mây – Lăng Cô")
    assert wage_regions.name_key("Phường B' Lao") == wage_regions.name_key("Phường B'Lao")


@pytest.mark.django_db
@override_settings(PROVINCE_CODE=CAN_THO)
def test_a_second_province_loads_end_to_end():
    services.admin_units_sync()
    assert services.minimum_wage_zones_load() == OrgUnit.objects.filter(kind__in=OrgUnit.COMMUNE_KINDS).count()
    province = services.province_get()
    assert province.name == "Thành phố Cần Thơ"
    assert not OrgUnit.objects.filter(name="Phường Long Xuyên").exists()
    region = {zone.commune.name: zone.region for zone in MinimumWageZone.objects.select_related("commune")}
    assert region["Phường Ninh Kiều"] == 2
    assert region["Xã Phong Điền"] == 3
    assert min(region.values()) == 2 and max(region.values()) == 4

    plan = plans.provincial_plan_seed(province=province)
    assert plan.unit == province and plan.tasks.exists()

    # its own Labour Federation receives the reports of enterprises without a union; one elsewhere does not
    other, _created = services.unit_save(
        code="LDLD-KHAC", name="Liên đoàn Lao động khác", kind=OrgUnit.Kind.LABOUR_FEDERATION, parent=None
    )
    federation, _created = services.unit_save(
        code="LDLD-CT",
        name="Liên đoàn Lao động thành phố Cần Thơ",
        kind=OrgUnit.Kind.LABOUR_FEDERATION,
        parent=province,
    )
    assert other.pk < federation.pk
    enterprise, _created = services.enterprise_save(
        tax_code="1800000001",
        name="Công ty Thủy sản Thử nghiệm",
        ownership="private",
        commune=OrgUnit.objects.get(name="Phường Ninh Kiều"),
        zone=None,
        worker_count=80,
    )
    submitted = reports.report_submit(
        category="luong-cham-thieu", text="Lương tháng này trả chậm.", enterprise=enterprise
    )
    assert submitted.report.unit == federation
    assert services.WageRegions(on=wage_regions.ANNEX_VALID_FROM).region(commune=enterprise.commune, zone=None) == 2
