"""XLSX export of survey results: only the counts the k ≥ 5 rule lets officials see."""

import io

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from lantoa.voice.models import Survey
from lantoa.voice.selectors.surveys import K_ANONYMITY, Breakdown, QuestionResult


def survey_workbook(
    *, survey: Survey, sheets: int, results: list[QuestionResult], breakdowns: list[Breakdown]
) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Kết quả")[:31]
    sheet.append([survey.title])
    sheet["A1"].font = Font(bold=True, size=13)
    sheet.append([_("Đơn vị"), survey.unit.name])
    sheet.append([_("Số phiếu"), sheets])
    sheet.append([])
    sheet.append([_("Câu hỏi"), _("Phương án"), _("Số trả lời"), _("Tỉ lệ")])
    for cell in sheet[5]:
        cell.font = Font(bold=True)
    for result in results:
        if result.is_hidden:
            sheet.append([result.question.text, _("Ẩn: dưới %(k)s trả lời") % {"k": K_ANONYMITY}, None, None])
            continue
        for bar in result.bars:
            sheet.append([result.question.text, bar.label, bar.count, round(bar.share, 3)])
        for text in result.texts:
            sheet.append([result.question.text, text, None, None])
    sheet.column_dimensions["A"].width = 60
    sheet.column_dimensions["B"].width = 40
    groups = workbook.create_sheet(_("Theo nhóm")[:31])
    groups.append([_("Cách chia"), _("Nhóm"), _("Số phiếu")])
    for cell in groups[1]:
        cell.font = Font(bold=True)
    hidden = _("Ẩn: dưới %(k)s phiếu") % {"k": K_ANONYMITY}
    for breakdown in breakdowns:
        for cell in breakdown.cells:
            groups.append([breakdown.title, cell.label, hidden if cell.count is None else cell.count])
    groups.column_dimensions["A"].width = 24
    groups.column_dimensions["B"].width = 50
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
