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
