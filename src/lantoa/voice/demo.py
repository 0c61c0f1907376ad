"""Demo data for the voice channel (marked as demo): reports in several states, a survey, a few hotspot signals."""

from django.conf import settings
from django.db import transaction

from lantoa.orgs.models import Enterprise, User
from lantoa.voice.models import Report, Survey
from lantoa.voice.services import cases as case_services
from lantoa.voice.services import hotspots as hotspot_services
from lantoa.voice.services import reports as report_services
from lantoa.voice.services import surveys as survey_services

DEMO_REPORTS = (
    ("1601000101", "luong-cham-thieu", "Lương tháng này trả chậm 10 ngày, tổ em chưa ai nhận đủ.", True),
    ("1601000101", "lam-them-qua-muc", "Tuần nào cũng tăng ca đến 21 giờ, cả chủ nhật.", False),
    ("1601000101", "bua-an-ca", "Bữa ăn ca ít thịt, cơm nguội.", True),
    ("1601000102", "an-toan-lao-dong", "Máy dập ở xưởng 2 không có che chắn.", False),
    ("1601000103", "de-xuat-nguyen-vong", "Mong công ty có chỗ gửi con cho công nhân ca đêm.", True),
)


@transaction.atomic
def load(*, logins: list[tuple[str, str, str]]) -> str:
    if not settings.VOICE_ENCRYPTION_KEYS or not settings.VOICE_RECEIPT_SALT:
        return "skipped: set VOICE_ENCRYPTION_KEYS and VOICE_RECEIPT_SALT to add demo reports"
    if Report.objects.filter(is_demo=True).exists():
        return f"{Report.objects.filter(is_demo=True).count()} demo reports (already loaded)"
    enterprises = {e.tax_code: e for e in Enterprise.objects.select_related("unit", "commune", "zone")}
    officer = User.objects.filter(username="0900000005").first()
    made = []
    for index, (tax_code, category, text, shareable) in enumerate(DEMO_REPORTS):
        enterprise = enterprises.get(tax_code)
        if enterprise is None:
            continue
        submitted = report_services.report_submit(
            category=category,
            text=text,
            enterprise=enterprise,
            is_shareable=shareable,
            idempotency_key=f"demo-report-key-{index:04d}",
            is_demo=True,
        )
        made.append(submitted.report)
    if officer and made:
        case_services.case_reply(
            report=made[0], user=officer, text="Công đoàn đã làm việc với phòng nhân sự, lương sẽ trả trước ngày 15."
        )
    monitor = User.objects.filter(username="0900000002").first()
    if monitor and not Survey.objects.filter(is_demo=True).exists():
        union = enterprises.get("1601000101")
        if union is not None:
            survey = survey_services.survey_create(
                user=monitor, title="Tâm tư công nhân quý này (minh họa)", unit=union.unit, is_demo=True
            )
            survey_services.survey_question_add(
                user=monitor, survey=survey, text="Bạn hài lòng với tiền lương hiện nay?", kind="scale"
            )
            survey_services.survey_question_add(
                user=monitor,
                survey=survey,
                text="Điều bạn mong muốn nhất?",
                kind="choice",
                choices=["Tăng lương", "Giảm tăng ca", "Nhà trọ tốt hơn", "Nhà trẻ"],
            )
    if made:
        hotspot_services.hotspot_week_compute(week_on=made[0].created_at.date())
    return f"{len(made)} demo reports, 1 demo survey (demo data)"
