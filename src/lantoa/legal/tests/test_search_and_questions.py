import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from pytest_django import DjangoAssertNumQueries, Settings

from lantoa.core.tests.support import run_worker
from lantoa.legal import search, selectors
from lantoa.legal.models import AdviserQuestion, HandbookEntry, Provision
from lantoa.legal.services import questions
from lantoa.legal.tests.factories import import_library
from lantoa.orgs.models import OrgUnit, Role, User


@pytest.fixture
def indexed(db: None, settings: Settings, tmp_path: Path) -> None:
    settings.VAR_DIR = tmp_path
    import_library()
    search.index_build()


def test_everyday_question_finds_the_overtime_article_with_its_passage_marked(indexed: None) -> None:
    outcome = search.search(query="cty bắt tăng ca 5 tiếng mỗi ngày có đúng ko", on=dt.date(2026, 1, 5))
    top = outcome.answers[0]
    assert (top.provision.document.number, top.provision.number) == ("45/2019/QH14", "107")
    assert top.in_force
    assert any(is_match for _text, is_match in top.passage.pieces)


def test_answers_list_the_lessons_other_apps_offer_for_the_article(
    indexed: None, monkeypatch: pytest.MonkeyPatch, client: Client
) -> None:
    from lantoa.core import registry

    lesson = ("Tăng ca bao nhiêu giờ là đúng luật", "/bai-hoc/tien-luong/tang-ca/")
    monkeypatch.setattr(
        registry,
        "provision_explainers",
        lambda keys: {key: [lesson] for key in keys if key == ("45/2019/QH14", "Điều 107")},
    )
    outcome = search.search(query="cty bắt tăng ca 5 tiếng mỗi ngày có đúng ko", on=dt.date(2026, 1, 5))
    assert outcome.answers[0].lessons == [lesson]
    page = client.get("/phap-luat/hoi/", {"q": "cty bắt tăng ca 5 tiếng mỗi ngày có đúng ko", "on": "2026-01-05"})
    assert "/bai-hoc/tien-luong/tang-ca/" in page.content.decode()


def test_superseded_articles_are_never_answers_after_their_expiry(indexed: None) -> None:
    question = "hop dong lao dong 3 thang co phai dong bao hiem xa hoi bat buoc"
    before = search.search(query=question, on=dt.date(2025, 6, 1))
    after = search.search(query=question, on=dt.date(2025, 8, 1))
    assert "58/2014/QH13" in {a.provision.document.number for a in before.answers}
    assert "58/2014/QH13" not in {a.provision.document.number for a in after.answers}


def test_search_api_answers_with_validity_and_citation(indexed: None, client: Client) -> None:
    response = client.get("/api/v1/legal/search", {"q": "lam them gio toi da", "on": "2026-01-05"})
    body = response.json()
    assert response.status_code == 200 and body["on"] == "2026-01-05"
    assert body["answers"][0]["article"] == "Điều 107" and body["answers"][0]["in_force"] is True
    assert client.get("/api/v1/openapi.json").json()["paths"]["/api/v1/legal/search"]


def test_search_page_offers_an_adviser_when_nothing_fits(indexed: None, client: Client) -> None:
    response = client.get("/phap-luat/hoi/", {"q": "cách nấu canh chua cá lóc ngon"})
    assert "Gửi tư vấn viên" in response.content.decode()


def test_question_is_rejected_when_too_short(db: None, province: OrgUnit) -> None:
    with pytest.raises(ValidationError) as error:
        questions.question_ask(text="luật?")
    assert error.value.code == "question_too_short"


def test_adviser_answers_and_publishes_and_the_asker_reads_it_by_code(
    indexed: None,
    client: Client,
    labour_federation: OrgUnit,
    make_official: Callable[..., User],
) -> None:
    receipt = questions.question_ask(text="Công ty nợ lương 2 tháng rồi nghỉ luôn thì đòi ở đâu?")
    adviser = make_official(unit=labour_federation, role=Role.LEGAL_ADVISER)
    client.force_login(adviser)
    page = client.get("/office/legal/questions/")
    assert receipt.question.question in page.content.decode()
    response = client.post(
        f"/office/legal/questions/{receipt.question.pk}/",
        {
            "answer": "Bạn gửi đơn đến công đoàn cơ sở hoặc hòa giải viên lao động.",
            "citations": "45/2019/QH14, Điều 107, khoản 2",
            "publish": "on",
            "title": "Công ty nợ lương thì đòi ở đâu?",
        },
    )
    assert response.status_code == 302
    question = AdviserQuestion.objects.get(pk=receipt.question.pk)
    assert question.status == AdviserQuestion.Status.PUBLISHED
    entry = HandbookEntry.objects.get(origin=HandbookEntry.Origin.ADVISER)
    assert entry.citations.get().provision.slug == "dieu-107-khoan-2"
    client.logout()
    follow = client.post("/phap-luat/tu-van/xem/", {"code": receipt.code})
    assert "hòa giải viên lao động" in follow.content.decode()
    assert "Công ty nợ lương thì đòi ở đâu?" in client.get(entry.get_absolute_url()).content.decode()


def test_questions_are_hidden_from_officials_without_the_adviser_role(
    db: None,
    province: OrgUnit,
    union_officer: User,
    client: Client,
) -> None:
    receipt = questions.question_ask(text="Công ty không cho nghỉ phép năm có đúng không?", unit=province)
    assert not selectors.questions_list_for_user(user=union_officer).exists()
    client.force_login(union_officer)
    assert client.get(f"/office/legal/questions/{receipt.question.pk}/").status_code == 404


def test_question_list_runs_in_few_queries(
    db: None,
    labour_federation: OrgUnit,
    make_official: Callable[..., User],
    client: Client,
    django_assert_max_num_queries: DjangoAssertNumQueries,
) -> None:
    for index in range(5):
        questions.question_ask(text=f"Câu hỏi số {index} về hợp đồng lao động?")
    client.force_login(make_official(unit=labour_federation, role=Role.LEGAL_ADVISER))
    with django_assert_max_num_queries(10):
        response = client.get("/office/legal/questions/")
    assert response.content.decode().count("Câu hỏi số") == 5


def test_adviser_clears_an_entry_flagged_for_review(
    db: None,
    client: Client,
    labour_federation: OrgUnit,
    make_official: Callable[..., User],
) -> None:
    from lantoa.legal.models import HandbookChapter

    chapter = HandbookChapter.objects.create(slug="c", title="C")
    entry = HandbookEntry.objects.create(chapter=chapter, slug="e", question="Q?", answer="A.", needs_review=True)
    client.force_login(make_official(unit=labour_federation, role=Role.LEGAL_ADVISER))
    assert "Đã rà soát, vẫn đúng" in client.get("/office/legal/questions/").content.decode()
    client.post(f"/office/legal/entries/{entry.pk}/reviewed")
    entry.refresh_from_db()
    assert not entry.needs_review


def test_searching_a_past_day_marks_when_the_old_law_stopped_applying(indexed: None, client: Client) -> None:
    response = client.get(
        "/phap-luat/hoi/", {"q": "hợp đồng 3 tháng đóng bảo hiểm xã hội bắt buộc", "on": "2025-06-01"}
    )
    text = response.content.decode()
    assert "Có hiệu lực ngày 01/06/2025" in text and "hết hiệu lực từ 01/07/2025" in text


def test_an_unanswered_question_is_overdue_after_its_deadline(db: None, province: OrgUnit) -> None:
    import time_machine

    with time_machine.travel(dt.datetime(2026, 3, 2, 8, tzinfo=dt.UTC)):
        receipt = questions.question_ask(text="Công ty trả lương trễ 20 ngày có bị phạt không?")
    assert receipt.question.due_at == dt.datetime(2026, 3, 7, 8, tzinfo=dt.UTC)
    with time_machine.travel(dt.datetime(2026, 3, 8, tzinfo=dt.UTC)):
        assert receipt.question.is_overdue


@pytest.mark.django_db(transaction=True)  # the task worker commits and closes connections, as in production
def test_a_published_answer_teaches_the_search_its_wording(
    indexed: None, labour_federation: OrgUnit, make_official: Callable[..., User]
) -> None:
    wording = "sếp bắt ở lại xưởng tới khuya mới cho về"
    article = ("45/2019/QH14", "107")

    def top(outcome: search.SearchOutcome) -> tuple[str, str]:
        return (outcome.answers[0].provision.document.number, outcome.answers[0].provision.number)

    assert top(search.search(query=wording, on=dt.date(2026, 1, 5))) != article
    receipt = questions.question_ask(text="Sếp bắt ở lại xưởng tới khuya mới cho về, vậy có đúng luật không?")
    questions.question_answer(
        question=receipt.question,
        answer="Làm thêm giờ phải được bạn đồng ý và không quá số giờ luật cho phép.",
        provisions=[Provision.objects.get(document__number="45/2019/QH14", slug="dieu-107")],
        user=make_official(unit=labour_federation, role=Role.LEGAL_ADVISER),
    )
    questions.question_publish(question=receipt.question)
    assert top(search.search(query=wording, on=dt.date(2026, 1, 5))) != article  # the worker has not run yet
    run_worker()  # the rebuild is a background job
    assert top(search.search(query=wording, on=dt.date(2026, 1, 5))) == article
