"""A survey for the FDI enterprises of a commune: a worker who arrived from such an enterprise's QR answers; a worker
of a private enterprise in the same commune is told the survey is for another group; the office sees the answer
counted by enterprise, hidden while under five."""

from playwright.sync_api import expect

from lantoa.orgs.models import Enterprise
from lantoa.voice.models import SurveyResponse
from lantoa.voice.services import surveys as survey_services

from .pages.office import OfficePages
from .pages.voice import WorkerSurveyPages


def test_only_workers_of_the_surveys_group_answer_and_the_office_sees_a_hidden_small_cell(
    page, union_officer, commune, enterprise_a, make_enterprise
):
    survey = survey_services.survey_create(
        user=union_officer, title="Tâm tư lao động FDI", unit=commune("Xã Bình Hòa"), segment="fdi"
    )
    survey_services.survey_question_add(user=union_officer, survey=survey, text="Hài lòng với ca làm?", kind="scale")
    fdi = make_enterprise(name="Công ty FDI Bình Hòa", ownership=Enterprise.Ownership.FDI, commune="Xã Bình Hòa")

    worker = WorkerSurveyPages(page)
    page.goto(f"{page.base_url}/e/{enterprise_a.public_code}")
    worker.open(survey.public_code)
    worker.expect_other_group()

    page.goto(f"{page.base_url}/e/{fdi.public_code}")
    worker.open(survey.public_code)
    expect(page.get_by_text("Bạn trả lời với tư cách người lao động của")).to_contain_text("Công ty FDI Bình Hòa")
    worker.answer_scale(4)
    worker.expect_thanks()
    assert SurveyResponse.objects.get().enterprise == fdi

    page.context.clear_cookies()
    OfficePages(page).login(union_officer.username, "mat-khau-thu")
    page.goto(f"{page.base_url}/voice/office/surveys/{survey.pk}/")
    breakdown = page.locator(".breakdown", has_text="Theo doanh nghiệp")
    expect(breakdown).to_contain_text("Công ty FDI Bình Hòa")
    expect(breakdown).to_contain_text("ẩn (dưới 5)")
