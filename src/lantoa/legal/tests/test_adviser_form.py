"""The adviser form is a worker page with no account: its follow-up code travels only in POST bodies, no address
or user agent is kept for it, and its writes are rate limited like worker reports."""

import logging
import re
from typing import Any

import pytest
from django.test import Client, override_settings

from lantoa.legal.models import AdviserQuestion
from lantoa.legal.services import questions
from lantoa.orgs.models import OrgUnit
from lantoa.voice.privacy import is_voice_path

SECRET_IP = "203.0.113.88"
SECRET_UA = "Mozilla/5.0 (Linux; Android 14; SM-ADVISER-DEVICE-7)"
HEADERS: dict[str, Any] = {"REMOTE_ADDR": SECRET_IP, "HTTP_USER_AGENT": SECRET_UA, "HTTP_X_FORWARDED_FOR": SECRET_IP}
ASK = "/phap-luat/tu-van/"
FOLLOW = "/phap-luat/tu-van/xem/"
QUESTION = "Công ty không trả lương ngày nghỉ lễ thì có đúng luật không?"


def test_asking_shows_the_code_with_a_post_form_that_opens_the_question(client: Client, province: OrgUnit) -> None:
    page = client.post(ASK, {"question": QUESTION}).content.decode()
    shown = re.search(r'id="follow-code">([^<]+)<', page)
    assert shown is not None
    code = shown.group(1)
    assert f"?code={code}" not in page and f"code={code}&" not in page
    form = re.search(r'<form method="post" action="/phap-luat/tu-van/xem/">(.*?)</form>', page, re.S)
    assert form is not None and f'name="code" value="{code}"' in form.group(1)
    follow = client.post(FOLLOW, {"code": code}).content.decode()
    assert QUESTION in follow and "Chưa có câu trả lời" in follow


def test_the_follow_up_page_never_reads_a_code_from_the_url(client: Client, province: OrgUnit) -> None:
    receipt = questions.question_ask(text=QUESTION)
    page = client.get(FOLLOW, {"code": receipt.code}).content.decode()
    assert page.count(QUESTION) == 0
    assert 'method="post"' in page and receipt.code not in page


def test_a_wrong_code_is_refused_in_vietnamese(client: Client, province: OrgUnit) -> None:
    questions.question_ask(text=QUESTION)
    page = client.post(FOLLOW, {"code": "ABCD-EFGH"}).content.decode()
    assert "Không tìm thấy câu hỏi với mã này." in page and QUESTION not in page


@pytest.mark.parametrize("path", [ASK, FOLLOW])
def test_the_adviser_pages_keep_no_address_or_user_agent(
    client: Client, province: OrgUnit, caplog: pytest.LogCaptureFixture, path: str
) -> None:
    caplog.set_level(logging.DEBUG)
    assert is_voice_path(path)
    response = client.post(path, {"question": QUESTION, "code": "x"}, **HEADERS)
    client.post(path + "khong-co/", {}, **HEADERS)  # a 404 is logged with the request
    assert response["Cache-Control"] == "no-store"
    logged = caplog.text + "".join(repr(record.__dict__) for record in caplog.records)
    assert SECRET_IP not in logged and "SM-ADVISER-DEVICE-7" not in logged


@override_settings(RATE_LIMITS={"question": (2, 600)})
def test_too_many_questions_from_one_network_are_refused_in_vietnamese(client: Client, province: OrgUnit) -> None:
    for _attempt in range(2):
        assert client.post(ASK, {"question": QUESTION}, REMOTE_ADDR=SECRET_IP).status_code == 200
    refused = client.post(ASK, {"question": QUESTION}, REMOTE_ADDR=SECRET_IP)
    assert refused.status_code == 429 and "Bạn gửi nhanh quá" in refused.content.decode()
    assert 0 < int(refused["Retry-After"]) <= 600
    assert AdviserQuestion.objects.count() == 2
    assert client.post(ASK, {"question": QUESTION}, REMOTE_ADDR="198.51.100.9").status_code == 200


@override_settings(RATE_LIMITS={"follow": (3, 600)})
def test_guessing_codes_is_slowed_down_even_when_the_last_guess_is_right(client: Client, province: OrgUnit) -> None:
    receipt = questions.question_ask(text=QUESTION)
    for _attempt in range(3):
        assert client.post(FOLLOW, {"code": "ABCD-EFGH"}, REMOTE_ADDR=SECRET_IP).status_code == 200
    refused = client.post(FOLLOW, {"code": receipt.code}, REMOTE_ADDR=SECRET_IP)
    assert refused.status_code == 429 and QUESTION not in refused.content.decode()
    assert "Từ mạng này vừa có nhiều lượt gửi." in refused.content.decode()
