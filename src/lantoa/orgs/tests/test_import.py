import io

from lantoa.orgs import imports
from lantoa.orgs.models import Enterprise, OrgUnit, User

from .workbooks import enterprise_row, filled_template


def run_import(data: bytes, user: User) -> imports.ImportResult:
    return imports.workbook_import(stream=io.BytesIO(data), user=user)


def test_import_creates_enterprises_under_their_commune(union_officer):
    result = run_import(
        filled_template(enterprises=[enterprise_row(), enterprise_row("1600000502", "Công ty Nhập Hai")]), union_officer
    )
    assert result.ok, [str(p) for p in result.problems]
    assert (result.created, result.updated) == (2, 0)
    enterprise = Enterprise.objects.get(tax_code="1600000501")
    assert enterprise.commune.name == "Xã Bình Hòa"
    assert enterprise.unit.parent == enterprise.commune
    assert enterprise.minimum_wage_region == 3
    assert enterprise.worker_count == 120


def test_reimport_updates_by_tax_code_instead_of_duplicating(union_officer):
    run_import(filled_template(enterprises=[enterprise_row()]), union_officer)
    result = run_import(
        filled_template(enterprises=[enterprise_row(name="Công ty Đổi Tên", worker_count=150)]), union_officer
    )
    assert (result.created, result.updated, result.unchanged) == (0, 1, 0)
    enterprise = Enterprise.objects.get(tax_code="1600000501")
    assert enterprise.unit.name == "Công ty Đổi Tên"
    assert enterprise.worker_count == 150


def test_one_bad_row_reports_each_cell_and_saves_nothing(union_officer):
    rows = [
        enterprise_row(),
        enterprise_row("12345", "Công ty Sai", ownership="Liên doanh", commune="Xã Không Có", worker_count="nhiều"),
    ]
    result = run_import(filled_template(enterprises=rows), union_officer)
    messages = [str(problem) for problem in result.problems]
    assert not result.ok
    assert Enterprise.objects.count() == 0
    assert any("dòng 3, cột A (Mã số thuế)" in m and "không hợp lệ" in m for m in messages)
    assert any("dòng 3, cột C (Loại hình sở hữu)" in m and "Liên doanh" in m for m in messages)
    assert any("dòng 3, cột E (Xã, phường, đặc khu)" in m and "Xã Không Có" in m for m in messages)
    assert any("dòng 3, cột G (Số lao động)" in m and "nhiều" in m for m in messages)
    assert not any("dòng 2," in m for m in messages)


def test_missing_required_cells_are_named(union_officer):
    result = run_import(filled_template(enterprises=[enterprise_row(name="", commune="")]), union_officer)
    messages = [str(problem) for problem in result.problems]
    assert any("dòng 2, cột B (Tên doanh nghiệp): bắt buộc" in m for m in messages)
    assert any("dòng 2, cột E (Xã, phường, đặc khu): bắt buộc" in m for m in messages)


def test_duplicate_tax_codes_in_one_file_are_rejected(union_officer):
    result = run_import(filled_template(enterprises=[enterprise_row(), enterprise_row()]), union_officer)
    assert any("dòng 3, cột A" in str(p) and "trùng với dòng 2" in str(p) for p in result.problems)


def test_counts_above_the_workforce_are_rejected(union_officer):
    result = run_import(
        filled_template(enterprises=[enterprise_row(worker_count=10, union_member_count=11)]), union_officer
    )
    assert any("cột J (Đoàn viên công đoàn)" in str(p) for p in result.problems)


def test_tax_code_typed_as_a_number_keeps_its_leading_zero(union_officer):
    result = run_import(filled_template(enterprises=[enterprise_row(tax_code=100109106)]), union_officer)
    assert result.ok, [str(p) for p in result.problems]
    assert Enterprise.objects.filter(tax_code="0100109106").exists()


def test_commune_officer_cannot_import_into_another_commune(commune_officer):
    result = run_import(filled_template(enterprises=[enterprise_row(commune="Phường Rạch Giá")]), commune_officer)
    assert any("không có quyền" in str(p) for p in result.problems)
    assert Enterprise.objects.count() == 0


def test_units_sheet_creates_zones_that_enterprises_of_the_same_file_use(union_officer):
    units = [["KCN-MOI", "Khu công nghiệp Mới", "Khu công nghiệp", "91", "Phường Long Xuyên"]]
    enterprises = [enterprise_row(zone="KCN-MOI")]
    result = run_import(filled_template(units=units, enterprises=enterprises), union_officer)
    assert result.ok, [str(p) for p in result.problems]
    zone = OrgUnit.objects.get(code="KCN-MOI")
    enterprise = Enterprise.objects.get(tax_code="1600000501")
    assert enterprise.zone == zone
    assert enterprise.minimum_wage_region == 2  # the park's commune is region II, the enterprise's region III


def test_unknown_zone_code_is_reported(union_officer):
    result = run_import(filled_template(enterprises=[enterprise_row(zone="KCN-KHONG-CO")]), union_officer)
    assert any("cột F" in str(p) and "KCN-KHONG-CO" in str(p) for p in result.problems)


def test_a_file_that_is_not_a_workbook_gets_a_clear_message(union_officer):
    result = run_import(b"day khong phai excel", union_officer)
    assert result.problems[0].code == "not_xlsx"
    assert "không phải tệp Excel .xlsx" in str(result.problems[0])


def test_wrong_headers_are_reported_before_any_row(union_officer):
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Doanh nghiệp"
    sheet.append(["Tên", "MST"])
    sheet.append(["Công ty", "1600000501"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    result = run_import(buffer.getvalue(), union_officer)
    assert "Tiêu đề cột không khớp mẫu" in str(result.problems[0])


def test_an_empty_template_is_reported_as_empty(union_officer):
    result = run_import(filled_template(), union_officer)
    assert "không có dòng dữ liệu" in str(result.problems[0])


def test_reimport_of_the_same_file_changes_nothing(union_officer):
    data = filled_template(enterprises=[enterprise_row(), enterprise_row("1600000502", "Công ty Nhập Hai")])
    run_import(data, union_officer)
    before = list(Enterprise.objects.values_list("updated_at", flat=True))
    result = run_import(data, union_officer)
    assert (result.created, result.updated, result.unchanged) == (0, 0, 2)
    assert list(Enterprise.objects.values_list("updated_at", flat=True)) == before


def test_reimport_moving_an_enterprise_moves_it_in_the_tree(union_officer):
    run_import(filled_template(enterprises=[enterprise_row()]), union_officer)
    run_import(filled_template(enterprises=[enterprise_row(commune="Phường Rạch Giá")]), union_officer)
    enterprise = Enterprise.objects.select_related("unit__parent").get(tax_code="1600000501")
    parent = enterprise.unit.parent
    assert parent is not None and parent.name == "Phường Rạch Giá"
    assert enterprise.unit.path == f"{parent.path}{enterprise.unit.code}/"
    assert enterprise.minimum_wage_region == 2


def test_a_reimport_moves_the_structure_generation(union_officer, django_capture_on_commit_callbacks):
    from lantoa.orgs.selectors import structure_generation

    run_import(filled_template(enterprises=[enterprise_row()]), union_officer)
    before = structure_generation.current()
    with django_capture_on_commit_callbacks(execute=True):  # rows updated in bulk send no signal
        run_import(filled_template(enterprises=[enterprise_row(worker_count=150)]), union_officer)
    assert structure_generation.current() != before
