import io

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from openpyxl import load_workbook

from lantoa.core import jobs
from lantoa.core.models import Job
from lantoa.orgs.middleware import WORKER_CONTEXT_COOKIE
from lantoa.orgs.models import Enterprise
from lantoa.voice.models import SurveyResponse
from lantoa.voice.selectors.surveys import suppress_against_known_total, survey_breakdowns
from lantoa.voice.services import surveys as survey_services


@pytest.fixture
def fdi_survey(union_officer, commune):
    """A survey for FDI enterprises of Xã Bình Hòa."""
    survey = survey_services.survey_create(
        user=union_officer, title="Tâm tư lao động FDI", unit=commune("Xã Bình Hòa"), segment="fdi"
    )
    survey_services.survey_question_add(user=union_officer, survey=survey, text="Hài lòng với ca làm?", kind="scale")
    return survey


@pytest.fixture
def fdi_enterprise(make_enterprise):
    return make_enterprise(name="Công ty FDI Bình Hòa", ownership=Enterprise.Ownership.FDI, commune="Xã Bình Hòa")


def post_answer(client, survey, *, value="3", **extra):
    client.cookies.pop("lt_sv", None)
    question = survey.questions.first()
    return client.post(reverse("voice:survey-answer", args=[survey.public_code]), {f"q{question.pk}": value, **extra})


def answer_as(survey, enterprise, count, *, start=0):
    question = survey.questions.first()
    for index in range(start, start + count):
        survey_services.survey_answer_submit(
            survey=survey, device_token=f"token-{index:016d}", answers={question.pk: "4"}, enterprise=enterprise
        )


def test_a_worker_of_an_enterprise_outside_the_unit_is_refused_with_an_explanation(client, fdi_survey, make_enterprise):
    elsewhere = make_enterprise(
        name="Công ty FDI Rạch Giá", ownership=Enterprise.Ownership.FDI, commune="Phường Rạch Giá"
    )
    client.cookies[WORKER_CONTEXT_COOKIE] = elsewhere.public_code
    page = client.get(reverse("voice:survey-answer", args=[fdi_survey.public_code]))
    assert page.status_code == 403
    assert "dành cho người lao động của một nhóm khác" in page.content.decode()
    assert post_answer(client, fdi_survey).status_code == 403
    assert not SurveyResponse.objects.exists()


def test_a_worker_of_an_enterprise_of_another_segment_is_refused(client, fdi_survey, enterprise_a, fdi_enterprise):
    client.cookies[WORKER_CONTEXT_COOKIE] = enterprise_a.public_code  # private, same commune
    assert post_answer(client, fdi_survey).status_code == 403
    with pytest.raises(ValidationError) as error:
        answer_as(fdi_survey, enterprise_a, 1)
    assert error.value.code == "survey_other_group"
    assert not SurveyResponse.objects.exists()


def test_a_worker_from_the_qr_context_of_a_matching_enterprise_is_counted(client, fdi_survey, fdi_enterprise):
    client.cookies[WORKER_CONTEXT_COOKIE] = fdi_enterprise.public_code
    response = post_answer(client, fdi_survey)
    assert "Cảm ơn bạn đã trả lời" in response.content.decode()
    assert SurveyResponse.objects.get().enterprise == fdi_enterprise


def test_a_worker_without_context_picks_an_enterprise_of_the_group_on_the_page(
    client, fdi_survey, fdi_enterprise, enterprise_a, make_enterprise, django_assert_max_num_queries
):
    other_fdi = make_enterprise(name="Công ty FDI thứ hai", ownership=Enterprise.Ownership.FDI, commune="Xã Bình Hòa")
    with django_assert_max_num_queries(4):
        page = client.get(reverse("voice:survey-answer", args=[fdi_survey.public_code])).content.decode()
    assert fdi_enterprise.public_code in page and other_fdi.public_code in page
    assert enterprise_a.public_code not in page  # not FDI: not offered
    assert "Hãy chọn doanh nghiệp" in post_answer(client, fdi_survey).content.decode()
    assert post_answer(client, fdi_survey, enterprise=enterprise_a.public_code).status_code == 403
    post_answer(client, fdi_survey, enterprise=other_fdi.public_code)
    assert SurveyResponse.objects.get().enterprise == other_fdi


def test_complementary_suppression_hides_the_next_smallest_cell():
    cells = suppress_against_known_total({"A": 6, "B": 5, "C": 3, "D": 0})
    assert {cell.label: cell.count for cell in cells} == {"A": 6, "B": None, "C": None}
    assert [cell.count for cell in suppress_against_known_total({"A": 9, "B": 8})] == [9, 8]


def test_breakdown_cells_under_five_are_hidden_on_the_page_and_in_the_xlsx(
    client, union_officer, commune, make_enterprise, django_assert_max_num_queries
):
    survey = survey_services.survey_create(user=union_officer, title="Nhà trọ", unit=commune("Xã Bình Hòa"))
    survey_services.survey_question_add(user=union_officer, survey=survey, text="Hài lòng nhà trọ?", kind="scale")
    big = make_enterprise(name="Công ty Lớn", ownership=Enterprise.Ownership.FDI, commune="Xã Bình Hòa", workers=1000)
    middle = make_enterprise(name="Công ty Vừa", commune="Xã Bình Hòa", workers=50)
    small = make_enterprise(name="Công ty Nhỏ", commune="Xã Bình Hòa", workers=20)
    answer_as(survey, big, 6)
    answer_as(survey, middle, 5, start=100)
    answer_as(survey, small, 3, start=200)
    by_enterprise = {cell.label: cell.count for cell in survey_breakdowns(survey=survey)[2].cells}
    assert by_enterprise == {"Công ty Lớn": 6, "Công ty Vừa": None, "Công ty Nhỏ": None}
    by_segment = {cell.label: cell.count for cell in survey_breakdowns(survey=survey)[0].cells}
    assert by_segment == {"Nông thôn": 14, "Doanh nghiệp nhỏ và vừa": 8, "Doanh nghiệp FDI": 6}

    client.force_login(union_officer)
    with django_assert_max_num_queries(11):
        page = client.get(reverse("voice:survey-detail", args=[survey.pk])).content.decode()
    assert "Công ty Nhỏ" in page and "ẩn (dưới 5)" in page
    client.post(reverse("voice:survey-export", args=[survey.pk]))
    job = Job.objects.get()
    with django_assert_max_num_queries(11):  # what the worker runs for it
        export = jobs.kind_of(job).build(job, None, lambda *_progress: None)
    assert export.content is not None
    rows = list(load_workbook(io.BytesIO(export.content))["Theo nhóm"].iter_rows(values_only=True))
    assert ("Theo doanh nghiệp", "Công ty Lớn", 6) in rows
    assert ("Theo doanh nghiệp", "Công ty Nhỏ", "Ẩn: dưới 5 phiếu") in rows
    assert ("Theo doanh nghiệp", "Công ty Vừa", "Ẩn: dưới 5 phiếu") in rows
    assert ("Theo nhóm đối tượng", "Doanh nghiệp nhỏ và vừa", 8) in rows
    assert not any(row[2] in (3, 5) for row in rows)
