"""XLSX export of survey results: only the counts the k ≥ 5 rule lets officials see."""

import io

from django.utils.translation import gettext as _
from openpyxl import Workbook

from lantoa.core.xlsx import row_append
from lantoa.voice.models import Survey
from lantoa.voice.selectors.surveys import K_ANONYMITY, Breakdown, QuestionResult


def survey_workbook(
    *, survey: Survey, sheets: int, results: list[QuestionResult], breakdowns: list[Breakdown]
) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Kết quả")[:31]
    row_append(sheet, [survey.title], bold=True, size=13)
    row_append(sheet, [_("Đơn vị"), survey.unit.name])
    row_append(sheet, [_("Tạo ngày"), survey.created_at])
    row_append(sheet, [_("Số phiếu"), sheets])
    sheet.append([])
    row_append(sheet, [_("Câu hỏi"), _("Phương án"), _("Số trả lời"), _("Tỉ lệ")], bold=True)
    for result in results:
        if result.is_hidden:
            row_append(sheet, [result.question.text, _("Ẩn: dưới %(k)s trả lời") % {"k": K_ANONYMITY}, None, None])
            continue
        for bar in result.bars:
            row_append(sheet, [result.question.text, bar.label, bar.count, round(bar.share, 3)])
        for text in result.texts:
            row_append(sheet, [result.question.text, text, None, None])
    sheet.column_dimensions["A"].width = 60
    sheet.column_dimensions["B"].width = 40
    groups = workbook.create_sheet(_("Theo nhóm")[:31])
    row_append(groups, [_("Cách chia"), _("Nhóm"), _("Số phiếu")], bold=True)
    hidden = _("Ẩn: dưới %(k)s phiếu") % {"k": K_ANONYMITY}
    for breakdown in breakdowns:
        for cell in breakdown.cells:
            row_append(groups, [breakdown.title, cell.label, hidden if cell.count is None else cell.count])
    groups.column_dimensions["A"].width = 24
    groups.column_dimensions["B"].width = 50
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
