import pytest
from django.core.exceptions import ValidationError

from lantoa.orgs import services
from lantoa.orgs.models import Enterprise, MinimumWageZone, OrgUnit


def test_admin_units_sync_loads_all_102_units_of_the_new_an_giang(province):
    assert province.name == "Tỉnh An Giang"
    units = OrgUnit.objects.filter(parent=province)
    assert units.count() == 102
    assert units.filter(kind=OrgUnit.Kind.COMMUNE).count() == 85
    assert units.filter(kind=OrgUnit.Kind.WARD).count() == 14
    assert set(units.filter(kind=OrgUnit.Kind.SPECIAL_ZONE).values_list("name", flat=True)) == {
        "Đặc khu Phú Quốc",
        "Đặc khu Kiên Hải",
        "Đặc khu Thổ Châu",
    }
    assert all(unit.is_island for unit in units.filter(kind=OrgUnit.Kind.SPECIAL_ZONE))


def test_admin_units_sync_is_idempotent(province):
    result = services.admin_units_sync()
    assert result.created == 0
    assert result.updated == 103
    assert OrgUnit.objects.count() == 103


def test_wage_zones_follow_the_decree_annex(province, commune):
    assert MinimumWageZone.objects.count() == 102
    region = {zone.commune.name: zone.region for zone in MinimumWageZone.objects.select_related("commune")}
    assert region["Phường Long Xuyên"] == 2
    assert region["Đặc khu Phú Quốc"] == 2
    assert region["Xã Bình Hòa"] == 3
    assert region["Đặc khu Kiên Hải"] == 3
    assert region["Xã An Phú"] == 4
    assert sorted(region.values()).count(2) == 13
    assert sorted(region.values()).count(3) == 29


def test_enterprise_outside_a_zone_takes_its_communes_region(make_enterprise):
    assert make_enterprise(commune="Xã An Phú").minimum_wage_region == 4
    assert make_enterprise(commune="Phường Rạch Giá").minimum_wage_region == 2


def test_enterprise_in_a_zone_spanning_regions_takes_the_highest(make_enterprise, province, commune):
    zone, _created = services.unit_save(
        code="KCN-THU", name="KCN Thử", kind=OrgUnit.Kind.INDUSTRIAL_PARK, parent=province, commune=commune("Xã An Phú")
    )
    zone.zone_communes.add(commune("Phường Châu Đốc"))
    enterprise = make_enterprise(commune="Xã An Phú", zone=zone)
    assert enterprise.minimum_wage_region == 2
    assert "kcn_ccn" in enterprise.segments


def test_enterprise_segments_are_derived_from_place_size_and_workforce(make_enterprise, commune):
    OrgUnit.objects.filter(name="Xã Vĩnh Xương").update(is_border=True)
    enterprise = make_enterprise(commune="Xã Vĩnh Xương", workers=40, migrant_worker_count=20, ownership="fdi")
    assert set(enterprise.segments) == {"border", "rural", "sme", "migrant", "fdi"}
    island = make_enterprise(commune="Đặc khu Phú Quốc", workers=900)
    assert set(island.segments) == {"island"}


def test_enterprise_save_updates_by_tax_code_instead_of_duplicating(make_enterprise):
    first = make_enterprise(tax_code="1600000999", name="Tên cũ")
    second = make_enterprise(tax_code="1600000999", name="Tên mới", workers=500)
    assert first.pk == second.pk
    assert Enterprise.objects.filter(tax_code="1600000999").count() == 1
    second.unit.refresh_from_db()
    assert second.unit.name == "Tên mới"


@pytest.mark.parametrize("tax_code", ["160000099", "16000009990", "1600000999-12", "16000O0999", ""])
def test_enterprise_save_rejects_malformed_tax_codes(make_enterprise, tax_code):
    with pytest.raises(ValidationError) as error:
        make_enterprise(tax_code=tax_code)
    assert error.value.code == "tax_code_invalid"


def test_enterprise_save_accepts_branch_tax_codes(make_enterprise):
    assert make_enterprise(tax_code="1600000999-001").tax_code == "1600000999-001"


def test_enterprise_save_rejects_more_women_than_workers(make_enterprise):
    with pytest.raises(ValidationError) as error:
        make_enterprise(workers=10, female_worker_count=11)
    assert "female_worker_count" in error.value.message_dict


def test_enterprise_units_hang_under_their_commune(enterprise_a, commune):
    assert enterprise_a.unit.parent == commune("Xã Bình Hòa")
    assert enterprise_a.unit.is_within(commune("Xã Bình Hòa"))
