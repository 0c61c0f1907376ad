"""Reports from enterprises without a union go to the province's own Labour Federation, whatever sorts first."""

from lantoa.orgs import services
from lantoa.orgs.models import OrgUnit
from lantoa.orgs.selectors import province_labour_federation
from lantoa.voice.services.reports import responsible_unit


def test_a_federation_created_elsewhere_never_receives_the_provinces_reports(
    labour_federation, make_enterprise, grassroots_union
):
    orphan = make_enterprise(name="Công ty không có công đoàn", tax_code="1600000909")
    # Sorts before "/91/LDLD/" by path and was the routing target when routing took the first by path.
    services.unit_save(
        code="00-LDLD", name="Liên đoàn giả", kind=OrgUnit.Kind.LABOUR_FEDERATION, parent=grassroots_union
    )
    services.unit_save(
        code="0-LDLD", name="Liên đoàn giả trong xã", kind=OrgUnit.Kind.LABOUR_FEDERATION, parent=orphan.commune
    )
    assert province_labour_federation() == labour_federation
    assert responsible_unit(enterprise=orphan) == labour_federation
    assert responsible_unit(enterprise=None) == labour_federation


def test_an_enterprise_with_a_union_keeps_its_union(labour_federation, enterprise_a, grassroots_union):
    assert responsible_unit(enterprise=enterprise_a) == grassroots_union


def test_without_a_provincial_federation_reports_go_to_the_commune(make_enterprise, province, grassroots_union):
    services.unit_save(
        code="0-LDLD", name="Liên đoàn giả", kind=OrgUnit.Kind.LABOUR_FEDERATION, parent=grassroots_union
    )
    orphan = make_enterprise(name="Công ty không có công đoàn", tax_code="1600000909")
    assert province_labour_federation() is None
    assert responsible_unit(enterprise=orphan) == orphan.commune
    assert responsible_unit(enterprise=None) == province
