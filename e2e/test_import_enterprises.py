"""An LĐLĐ officer imports enterprises from the Excel template; a commune officer sees only their commune."""

from openpyxl import load_workbook
from playwright.sync_api import expect

from lantoa.core import public_files
from lantoa.orgs import files
from lantoa.orgs.models import Enterprise, Role

from .pages.office import OfficePages

GOOD = ["1600000701", "Công ty TNHH May Bình Hòa", "Tư nhân", "May mặc", "Xã Bình Hòa", "", 300, 200, 30, 250]
OTHER_COMMUNE = [
    "1700000702",
    "Công ty TNHH Cơ khí Rạch Giá",
    "Tư nhân",
    "Cơ khí",
    "Phường Rạch Giá",
    "",
    80,
    5,
    10,
    40,
]
BAD = ["17000007", "Công ty Sai Mã", "Liên doanh", "", "Phường Rạch Giá", "", 50, 0, 0, 0]


def fill(path, rows):
    workbook = load_workbook(path)
    for row in rows:
        workbook["Doanh nghiệp"].append(row)
    workbook.save(path)
    return path


def test_officer_imports_enterprises_and_a_commune_officer_sees_only_theirs(
    page, labour_federation, commune, make_official, tmp_path
):
    officer = make_official(unit=labour_federation, role=Role.UNION_OFFICER, name="Cán bộ LĐLĐ")
    commune_officer = make_official(unit=commune("Xã Bình Hòa"), role=Role.UNIT_ADMIN, name="Cán bộ xã")
    office = OfficePages(page)
    office.login(officer.username, "mat-khau-thu")

    # what the worker does once the communes are loaded (`load_admin_units` queues it): the GET only streams the file
    public_files.files_build(source=files.SOURCE, pk=files.TEMPLATE_PK)
    template = office.download_import_template(tmp_path)
    office.upload_import(fill(template.rename(tmp_path / "co-loi.xlsx"), [GOOD, OTHER_COMMUNE, BAD]))
    expect(page.get_by_role("alert")).to_contain_text("Chưa nhập dòng nào")
    expect(page.locator(".problems")).to_contain_text("dòng 4, cột A (Mã số thuế)")
    expect(page.locator(".problems")).to_contain_text("dòng 4, cột C (Loại hình sở hữu)")
    assert Enterprise.objects.count() == 0

    fixed = office.download_import_template(tmp_path)
    office.upload_import(fill(fixed, [GOOD, OTHER_COMMUNE]))
    expect(page.get_by_role("status")).to_contain_text("Đã nhập xong")
    expect(page.get_by_role("status")).to_contain_text("2 mới")
    listing = office.enterprises()
    assert "Công ty TNHH May Bình Hòa" in listing
    assert "Công ty TNHH Cơ khí Rạch Giá" in listing

    page.goto(f"{page.base_url}/office/units/")
    page.locator("summary", has_text="Xã Bình Hòa").click()
    expect(page.get_by_role("link", name="Công ty TNHH May Bình Hòa")).to_be_visible()
    office.logout()

    office.login(commune_officer.username, "mat-khau-thu")
    listing = office.enterprises()
    assert "Công ty TNHH May Bình Hòa" in listing
    assert "Công ty TNHH Cơ khí Rạch Giá" not in listing
    other = Enterprise.objects.get(tax_code="1700000702")
    response = page.goto(f"{page.base_url}/office/enterprises/{other.pk}/")
    assert response.status == 404
