"""Staggered entry into force, the consolidated BHYT text as current wording, notes on bodies gone, and the demo
passing `legal_check`."""

import datetime as dt
import io
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import Client
from pytest_django import Settings

from lantoa.core.tests.support import require
from lantoa.legal import demo, effective_dates, selectors
from lantoa.legal.models import Amendment, Document, Provision
from lantoa.legal.services import consolidated, handbook

SHARED = Path(settings.BASE_DIR).parent / "shared"
NEWER = SHARED / "legal-2026"
VBHN = NEWER / "luat-bhyt-vbhn-40-2026-hop-nhat.txt"


def test_an_effect_article_giving_some_khoan_an_earlier_date_is_read_per_khoan() -> None:
    lines = [
        (
            "dieu-3-khoan-1",
            "1. Luật này có hiệu lực thi hành từ ngày 01 tháng 7 năm 2025, trừ quy định tại khoản 2 Điều này.",
        ),
        (
            "dieu-3-khoan-2",
            "2. Quy định liên quan đến thủ tục tại các khoản 3, 16 và 28 Điều 1 của Luật này có hiệu lực thi hành từ"
            " ngày 01 tháng 01 năm 2025.",
        ),
    ]
    early = effective_dates.early_dates_in(lines=lines, act_date=dt.date(2025, 7, 1))
    assert [(e.slug, e.effective_on, e.source_slug) for e in early] == [
        (f"dieu-1-khoan-{n}", dt.date(2025, 1, 1), "dieu-3-khoan-2") for n in (3, 16, 28)
    ]
    covering = effective_dates.date_for("dieu-1-khoan-16-diem-a", early)
    assert covering is not None and covering.slug == "dieu-1-khoan-16"
    assert effective_dates.date_for("dieu-1-khoan-10", early) is None
    assert effective_dates.date_for("dieu-1-khoan-160", early) is None


def test_a_consolidated_text_header_names_the_act_and_the_latest_date_of_the_acts_it_folds_in() -> None:
    header = consolidated.header_of(
        [
            "Số: 40/VBHN-VPQH",
            "Hà Nội, ngày 16 tháng 3 năm 2026",
            "Luật Bảo hiểm y tế số 25/2008/QH12 ngày 14 tháng 11 năm 2008 của Quốc hội, có hiệu lực kể từ ngày 01 tháng"
            " 7 năm 2009, được sửa đổi, bổ sung bởi:",
            "1. Luật số 46/2014/QH13 ngày 13 tháng 6 năm 2014 …, có hiệu lực kể từ ngày 01 tháng 01 năm 2015;",
            "2. Luật Phòng bệnh số 114/2025/QH15 ngày 10 tháng 12 năm 2025, có hiệu lực kể từ ngày 01 tháng 7 năm 2026.",
            "Điều 1. Phạm vi điều chỉnh",
        ]
    )
    assert (header.vbhn, header.target, header.issued_on) == ("40/VBHN-VPQH", "25/2008/QH12", dt.date(2026, 3, 16))
    assert header.acts == ("46/2014/QH13", "114/2025/QH15") and header.effective_on == dt.date(2026, 7, 1)


@pytest.fixture
def library_2026(db: None, settings: Settings, tmp_path: Path) -> None:
    require((SHARED / "legal").is_dir() and NEWER.is_dir(), str(SHARED))
    settings.VAR_DIR = tmp_path
    demo.library_import(SHARED / "legal")


def _article(number: str, slug: str) -> tuple[Provision, list[Provision]]:
    return selectors.article_get(document=Document.objects.get(number=number), slug=slug)


def test_health_insurance_law_reads_per_khoan_dates_and_the_consolidated_wording(
    library_2026: None, client: Client
) -> None:
    # 51/2024 Điều 3 khoản 2: its Điều 1 khoản 23 (Điều 28 of the BHYT law) applies from 01/01/2025.
    early = Amendment.objects.get(target_number="25/2008/QH12", target_slug="dieu-28", source__slug="dieu-1-khoan-23")
    assert early.effective_on == dt.date(2025, 1, 1) and "khoản 2 Điều 3 51/2024/QH15" in early.note
    whole = Amendment.objects.get(target_number="25/2008/QH12", target_slug="dieu-12", source__slug="dieu-1-khoan-10")
    assert whole.effective_on == dt.date(2025, 7, 1) and whole.note == ""
    page = client.get("/phap-luat/25-2008-qh12/dieu-28", {"ngay": "01/02/2025"}).content.decode()
    assert "chuyển cơ sở khám bệnh, chữa bệnh" in page and "từ 01/01/2025" in page

    result = consolidated.consolidated_apply(path=VBHN)
    assert (result.vbhn, result.target, result.effective_on) == ("40/VBHN-VPQH", "25/2008/QH12", dt.date(2026, 7, 1))
    assert result.changed > 0 and Amendment.objects.filter(origin="vbhn", target_slug="dieu-28").count() == 0
    again = consolidated.consolidated_apply(path=VBHN)
    assert again.changed == result.changed and again.flagged_entries == 0
    article, parts = _article("25/2008/QH12", "dieu-3")  # changed by 46/2014, whose text the library lacks
    now = selectors.article_as_on(article=article, parts=parts, on=dt.date(2026, 12, 1))
    assert "thời gian tham gia bảo hiểm y tế" in now.intro.text
    before = selectors.article_as_on(article=article, parts=parts, on=dt.date(2026, 6, 30))
    assert now.replaced_whole is not None and before.replaced_whole is None
    page = client.get("/phap-luat/25-2008-qh12/dieu-3").content.decode()
    assert "40/VBHN-VPQH" in page and "không phải là luật" in page and "46/2014/QH13" in page


def test_legal_import_of_a_consolidated_text_stores_its_wording_as_the_current_wording(library_2026: None) -> None:
    out = io.StringIO()
    call_command("legal_import", str(VBHN), "--consolidated", "--no-index", stdout=out)
    assert f"{VBHN.name}: 40/VBHN-VPQH → 25/2008/QH12 changed=" in out.getvalue()
    assert Amendment.objects.filter(origin="vbhn", target_number="25/2008/QH12", target_slug="dieu-3").exists()


def test_labour_code_article_202_notes_the_district_level_is_gone_and_links_the_2025_decree(
    library_2026: None, client: Client
) -> None:
    page = client.get("/phap-luat/45-2019-qh14/dieu-202").content.decode()
    assert "khoản 3 nhắc «Ủy ban nhân dân cấp huyện»: cấp huyện không còn từ 01/07/2025" in page
    assert 'href="/phap-luat/129-2025-nd-cp/dieu-68"' in page
    old = client.get("/phap-luat/45-2019-qh14/dieu-202", {"ngay": "01/01/2024"}).content.decode()
    assert "cấp huyện không còn" not in old


def test_the_demo_library_and_handbook_pass_legal_check(library_2026: None) -> None:
    consolidated.consolidated_apply(path=VBHN)
    handbook.handbook_import()
    out = io.StringIO()
    call_command("legal_check", stdout=out)
    report = out.getvalue()
    assert "legal_check: không có vấn đề" in report and "cần xử lý" not in report
    assert "ghi chú" in report and "xem Điều 68 129/2025/NĐ-CP" in report
