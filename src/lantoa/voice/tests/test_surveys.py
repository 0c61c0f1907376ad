import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from openpyxl import load_workbook

from lantoa.core.models import Job
from lantoa.core.tests.support import job_file, no_database_writes
from lantoa.orgs.models import Role
from lantoa.voice.models import SurveyResponse
from lantoa.voice.selectors.surveys import survey_results
from lantoa.voice.services import surveys as survey_services


@pytest.fixture
def survey(grassroots_officer, enterprise_a):
    survey = survey_services.survey_create(user=grassroots_officer, title="Tâm tư quý IV", unit=enterprise_a.unit)
    survey_services.survey_question_add(
        user=grassroots_officer, survey=survey, text="Hài lòng với lương?", kind="scale"
    )
    survey_services.survey_question_add(
        user=grassroots_officer, survey=survey, text="Mong muốn nhất?", kind="choice", choices=["Tăng lương", "Nhà trẻ"]
    )
    return survey


def answer(client, survey, **answers):
    client.cookies.clear()
    questions = list(survey.questions.all())
    data = {f"q{questions[0].pk}": answers.get("scale", ""), f"q{questions[1].pk}": answers.get("choice", "")}
    return client.post(reverse("voice:survey-answer", args=[survey.public_code]), data)


def test_a_worker_answers_anonymously_once_per_device(client, survey):
    first = client.post(
        reverse("voice:survey-answer", args=[survey.public_code]), {f"q{survey.questions.first().pk}": "2"}
    )
    assert "Cảm ơn bạn đã trả lời" in first.content.decode()
    again = client.post(
        reverse("voice:survey-answer", args=[survey.public_code]), {f"q{survey.questions.first().pk}": "5"}
    )
    assert "Điện thoại này đã trả lời khảo sát rồi" in again.content.decode()
    assert SurveyResponse.objects.count() == 1
    token = client.cookies["lt_sv"].value
    assert token not in SurveyResponse.objects.get().token_hash


def test_results_hide_questions_with_fewer_than_five_answers(client, survey):
    for value in ["1", "2", "4", "5"]:
        answer(client, survey, scale=value, choice="Tăng lương")
    sheets, results = survey_results(survey=survey)
    assert sheets == 4 and all(result.is_hidden for result in results)
    answer(client, survey, scale="2", choice="Nhà trẻ")
    sheets, results = survey_results(survey=survey)
    assert not results[0].is_hidden
    assert {bar.label: bar.count for bar in results[0].bars} == {"1": 1, "2": 2, "3": 0, "4": 1, "5": 1}


@pytest.mark.django_db(transaction=True)  # the worker builds the file
def test_results_page_draws_svg_bars_and_the_worker_builds_the_xlsx_for_the_surveys_officers_only(
    client, survey, grassroots_officer, make_official, commune
):
    for value in ["1", "2", "3", "4", "5"]:
        answer(client, survey, scale=value, choice="Tăng lương")
    client.force_login(grassroots_officer)
    page = client.get(reverse("voice:survey-detail", args=[survey.pk])).content.decode()
    assert '<svg class="bars"' in page
    export = reverse("voice:survey-export", args=[survey.pk])
    assert f'action="{export}"' in page
    with no_database_writes():
        assert client.get(export).status_code == 405  # no work on GET
    download = job_file(client, client.post(export))
    assert f'filename="khao-sat-{survey.pk}.xlsx"' in download["Content-Disposition"]
    rows = list(load_workbook(io.BytesIO(download.getvalue())).active.iter_rows(values_only=True))
    assert ("Mong muốn nhất?", "Tăng lương", 5, 1.0) in rows

    # the file asks the survey's own permission again: an officer of another commune is refused it
    job = Job.objects.get()
    client.force_login(make_official(unit=commune("Phường Rạch Giá"), role=Role.UNIT_ADMIN, name="Cán bộ phường"))
    assert client.get(reverse("core:job-file", args=[job.pk])).status_code == 404
    assert client.post(export).status_code == 404


def test_invalid_answers_are_refused_with_codes(survey, enterprise_a):
    with pytest.raises(ValidationError) as error:
        survey_services.survey_answer_submit(
            survey=survey, device_token="t" * 20, answers={survey.questions.first().pk: "9"}, enterprise=enterprise_a
        )
    assert error.value.code == "scale_invalid"
    with pytest.raises(ValidationError) as empty:
        survey_services.survey_answer_submit(survey=survey, device_token="t" * 20, answers={}, enterprise=enterprise_a)
    assert empty.value.code == "answers_empty"


def test_an_employer_cannot_build_surveys(employer, enterprise_a):
    with pytest.raises(PermissionDenied):
        survey_services.survey_create(user=employer, title="Khảo sát của giám đốc", unit=enterprise_a.unit)


def test_officer_builds_a_survey_in_the_office(client, grassroots_officer, enterprise_a):
    client.force_login(grassroots_officer)
    response = client.post(
        reverse("voice:survey-new"), {"title": "Nhà trọ", "unit": enterprise_a.unit.code, "segment": ""}
    )
    assert response.status_code == 302
    detail = client.post(
        response["Location"], {"text": "Bạn ở trọ hay nhà riêng?", "kind": "choice", "choices": "Trọ\nNhà riêng"}
    )
    assert detail.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "Bạn ở trọ hay nhà riêng?" in page and "/voice/s/" in page


@pytest.mark.django_db(transaction=True)  # the worker builds the file
def test_survey_export_never_turns_a_title_or_an_option_into_a_formula(client, grassroots_officer, enterprise_a):
    hostile = survey_services.survey_create(user=grassroots_officer, title="=cmd|' /C calc'!A0", unit=enterprise_a.unit)
    survey_services.survey_question_add(user=grassroots_officer, survey=hostile, text="@SUM(A1:A9)", kind="scale")
    survey_services.survey_question_add(
        user=grassroots_officer,
        survey=hostile,
        text="+1",
        kind="choice",
        choices=['=HYPERLINK("http://evil.example","Bấm")', "Nhà trẻ"],
    )
    for value in ["1", "2", "3", "4", "5"]:
        answer(client, hostile, scale=value, choice='=HYPERLINK("http://evil.example","Bấm")')
    client.force_login(grassroots_officer)
    download = job_file(client, client.post(reverse("voice:survey-export", args=[hostile.pk])))
    sheet = load_workbook(io.BytesIO(download.getvalue())).active
    assert sheet["A1"].value == "'=cmd|' /C calc'!A0"
    assert sheet["B3"].is_date
    assert sheet["B3"].number_format == "dd/mm/yyyy hh:mm"
    rows = list(sheet.iter_rows(values_only=True))
    assert ("'+1", '\'=HYPERLINK("http://evil.example","Bấm")', 5, 1.0) in rows
    assert all(
        not str(value).startswith(("=", "+", "-", "@")) for row in rows for value in row if isinstance(value, str)
    )


def test_stuffing_a_survey_is_capped_per_address_and_cannot_put_an_enterprise_on_the_hotspot_list(
    client, survey, enterprise_a
):
    """The attack: 100 answers of "1" in 20 s. One address gets 20 in; a botnet's rest adds at most 5 sheets a day."""
    import secrets

    from django.utils import timezone

    from lantoa.core.ratelimit import limit_of
    from lantoa.voice.models import HotspotScore
    from lantoa.voice.services import hotspots

    cap, _seconds = limit_of("survey")
    codes = [answer(client, survey, scale="1", choice="Tăng lương").status_code for _ in range(cap + 5)]
    assert codes == [200] * cap + [429] * 5
    questions = list(survey.questions.all())
    for _ in range(80):  # the same burst from rotating addresses: each sheet is stored, the index does not swing
        survey_services.survey_answer_submit(
            survey=survey, device_token=secrets.token_hex(16), answers={questions[0].pk: "1"}, enterprise=enterprise_a
        )
    assert SurveyResponse.objects.count() == cap + 80
    today = timezone.localdate()
    signals, _reports = hotspots.week_signals(week_on=hotspots.week_start(today))
    assert signals[enterprise_a.pk]["survey_dissatisfied"] == hotspots.SURVEY_SHEETS_PER_DAY
    hotspots.hotspot_week_compute(week_on=today)
    assert not HotspotScore.objects.filter(is_warning=True).exists()
