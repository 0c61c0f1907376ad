"""The answer page on the whole shared library with the shipped handbook: a short plain answer with its figure
first, then the khoản that answers, with its points."""

import datetime as dt
import os
import re
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import Client
from pytest_django import Settings

from lantoa.core.tests.support import SHARED_DIR, require
from lantoa.legal import search
from lantoa.legal.services import handbook

DAY = dt.date(2026, 12, 2)


@pytest.fixture
def shared_library(db: None, settings: Settings, tmp_path: Path) -> None:
    require((SHARED_DIR / "legal").is_dir(), str(SHARED_DIR / "legal"))
    settings.VAR_DIR = tmp_path
    call_command("legal_import", str(SHARED_DIR / "legal"), "--no-index", stdout=open(os.devnull, "w"))  # noqa: SIM115
    handbook.handbook_import()
    search.index_build()


def _section(html: str, css_class: str) -> str:
    match = re.search(rf'<section class="card {css_class}".*?</section>', html, re.S)
    assert match, css_class
    return match.group()


def test_the_answer_leads_with_the_plain_answer_and_its_figure_then_the_khoan(
    shared_library: None, client: Client
) -> None:
    outcome = search.search(query="nghỉ phép năm được mấy ngày", on=DAY)
    top = outcome.answers[0]
    assert (top.provision.document.number, top.provision.number) == ("45/2019/QH14", "113")
    assert top.passage.slug == "dieu-113-khoan-1" and top.passage.text.rstrip().endswith("nguy hiểm.")
    assert "12 ngày làm việc" in top.passage.text  # its điểm a, not cut at "… như sau:"
    page = client.get("/phap-luat/hoi/", {"q": "nghỉ phép năm được mấy ngày", "on": DAY.isoformat()}).content.decode()
    lead = _section(page, "lead")
    assert "12 ngày" in lead and page.index("Trả lời ngắn") < page.index("Điều 113. Nghỉ hằng năm")
    assert "<mark>đã</mark>" not in page and "<mark>được</mark>" not in page
    body = client.get("/api/v1/legal/search", {"q": "nghỉ phép năm được mấy ngày", "on": DAY.isoformat()}).json()
    assert "12 ngày làm việc" in body["short_answer"]["text"] and body["answers"][0]["passage_label"] == "khoản 1"
    assert "a) 12 ngày làm việc" in body["answers"][0]["passage"]

    outcome = search.search(query="làm thêm chủ nhật", on=DAY)
    assert outcome.lead is not None and "200%" in outcome.lead.text
    overtime_pay = next(a for a in outcome.answers if a.provision.number == "98")
    assert overtime_pay.passage.slug == "dieu-98-khoan-1" and "ít nhất bằng 200%" in overtime_pay.passage.text
    page = client.get("/phap-luat/hoi/", {"q": "làm thêm chủ nhật", "on": DAY.isoformat()}).content.decode()
    assert "200%" in _section(page, "lead") and "Điều 98. Tiền lương làm thêm giờ" in page


def _marked_words(answer: search.Answer) -> set[str]:
    return {text for line in [answer.passage.pieces, *answer.passage.points] for text, is_match in line if is_match}


def test_short_questions_lead_with_the_provision_that_answers_them(shared_library: None) -> None:
    for question in ("thử việc tối đa bao lâu", "thu viec toi da bao lau"):
        top = search.search(query=question, on=DAY).answers[0]
        assert (top.provision.document.number, top.provision.number) == ("45/2019/QH14", "25"), question
        # The article's intro introduces its khoản: the limits are shown with it, not cut at "… sau đây:".
        assert "Không quá 180 ngày" in top.passage.text and "Không quá 06 ngày làm việc" in top.passage.text

    for question in ("làm thêm chủ nhật", "lam them chu nhat"):
        outcome = search.search(query=question, on=DAY)
        numbers = [(a.provision.document.number, a.provision.number) for a in outcome.answers]
        assert numbers[0] == ("45/2019/QH14", "98"), question
        assert numbers.index(("45/2019/QH14", "111")) > 0
        assert outcome.answers[0].passage.slug == "dieu-98-khoan-1"
        assert "b) Vào ngày nghỉ hằng tuần, ít nhất bằng 200%;" in outcome.answers[0].passage.text.splitlines()

    for answer in search.search(query="làm thêm giờ tối đa", on=DAY).answers:
        lines = answer.passage.text.splitlines()
        assert not lines[-1].rstrip().endswith(":"), answer.passage.label  # a list is shown with its sentence
    top = search.search(query="làm thêm giờ tối đa", on=DAY).answers[0]
    assert top.provision.number == "107" and "không quá 200 giờ trong 01 năm" in top.passage.text


def test_a_word_typed_without_diacritics_is_not_marked_in_a_different_word(
    shared_library: None, client: Client
) -> None:
    for question in ("nghi thai san", "nghỉ thai sản"):
        answers = search.search(query=question, on=DAY).answers
        dismissal = next(a for a in answers if "sa thải" in a.passage.text)  # Điều 137: no dismissal for pregnancy
        assert "thai" in _marked_words(dismissal) and "thải" not in _marked_words(dismissal)
        page = client.get("/phap-luat/hoi/", {"q": question, "on": DAY.isoformat()}).content.decode()
        assert "<mark>thai</mark> <mark>sản</mark>" in page and "<mark>thải</mark>" not in page
    fired = search.search(query="bi sa thai", on=DAY).answers
    assert any({"sa", "thải"} <= _marked_words(a) for a in fired)
