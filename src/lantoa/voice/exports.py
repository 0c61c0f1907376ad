"""XLSX export of survey results: only the counts the k ≥ 5 rule lets officials see."""

import io

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from lantoa.voice.models import Survey
from lantoa.voice.selectors.surveys import K_ANONYMITY, QuestionResult


def survey_workbook(*, survey: Survey, sheets: int, results: list[QuestionResult]) -> bytes:
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
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
