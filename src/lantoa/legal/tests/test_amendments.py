"""Provision-level amendments and repeals: read from the amending act, applied on the date asked."""

import datetime as dt
import os
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import Client
from pytest_django import DjangoAssertNumQueries, Settings

from lantoa.core.tests.support import require
from lantoa.legal import answers, demo, importers, retrieval, search, selectors
from lantoa.legal.models import Amendment, Document, Provision, Relation
from lantoa.legal.services import library

SHARED = Path(settings.BASE_DIR).parent / "shared"


def test_a_repeal_naming_a_section_clauses_points_and_articles_lists_each_target() -> None:
    text = (
        "2. Các quy định về chế độ X tại Mục 3 Chương III, khoản 4 Điều 84, điểm b khoản 1 và điểm a khoản 2"
        " Điều 86, các điều 104, 105 và 117 của Luật Mẫu số 58/2014/QH13 hết hiệu lực kể từ ngày Luật này có"
        " hiệu lực thi hành."
    )
    rows = importers.repeals_in(slug="dieu-92-khoan-2", text=text)
    assert {(row.kind, row.target_number) for row in rows} == {("repeal", "58/2014/QH13")}
    assert [row.target_slug for row in rows] == [
        "chuong-3-muc-3",
        "dieu-104",
        "dieu-105",
        "dieu-117",
        "dieu-84-khoan-4",
        "dieu-86-khoan-1-diem-b",
        "dieu-86-khoan-2-diem-a",
    ]


def test_an_amending_article_gives_each_target_its_quoted_wording_and_its_source() -> None:
    lines = [
        ("dieu-9", "Sửa đổi, bổ sung một số điều của Luật Mẫu số 84/2015/QH13 như sau:"),
        ("dieu-9-khoan-1", "1. Sửa đổi, bổ sung khoản 2 và khoản 3 Điều 8 như sau:"),
        ("dieu-9-khoan-1", '"2. Lời mới của khoản hai.'),
        ("dieu-9-khoan-1", '3. Lời mới của khoản ba.".'),
        ("dieu-9-khoan-2", "2. Bổ sung Điều 48a vào sau Điều 48 như sau:"),
        ("dieu-9-khoan-2", "“Điều 48a. Tên mới"),
        ("dieu-9-khoan-2", "Điều 48b. Không phải một điều của luật sửa đổi”."),
        ("dieu-9-khoan-3", '3. Thay cụm từ "Phòng A" bằng cụm từ "Sở B" tại khoản 1 Điều 5, Điều 7.'),
        ("dieu-9-khoan-4", "4. Bãi bỏ Điều 42 đến Điều 44 của Luật Khác số 39/2009/QH12."),
    ]
    rows = [
        (r.source_slug, r.kind, r.target_number, r.target_slug, r.text, r.old_phrase, r.new_phrase)
        for r in importers.amendments_in(lines=lines)
    ]
    law = "84/2015/QH13"
    assert rows == [
        ("dieu-9-khoan-1", "amend", law, "dieu-8-khoan-2", "2. Lời mới của khoản hai.", "", ""),
        ("dieu-9-khoan-1", "amend", law, "dieu-8-khoan-3", "3. Lời mới của khoản ba.", "", ""),
        (
            "dieu-9-khoan-2",
            "add",
            law,
            "dieu-48a",
            "Điều 48a. Tên mới\nĐiều 48b. Không phải một điều của luật sửa đổi",
            "",
            "",
        ),
        ("dieu-9-khoan-3", "replace_phrase", law, "dieu-5-khoan-1", "", "Phòng A", "Sở B"),
        ("dieu-9-khoan-3", "replace_phrase", law, "dieu-7", "", "Phòng A", "Sở B"),
        ("dieu-9-khoan-4", "repeal", "39/2009/QH12", "dieu-42", "", "", ""),
        ("dieu-9-khoan-4", "repeal", "39/2009/QH12", "dieu-43", "", "", ""),
        ("dieu-9-khoan-4", "repeal", "39/2009/QH12", "dieu-44", "", "", ""),
    ]


def test_quoted_articles_and_khoan_of_an_amending_act_stay_inside_its_own_article(tmp_path: Path) -> None:
    path = tmp_path / "luat-9-2024-qh15.txt"
    path.write_text(
        "Luật số: 9/2024/QH15\nQuốc hội ban hành Luật sửa đổi Luật Mẫu số 25/2008/QH12.\n"
        "Điều 1. Sửa đổi, bổ sung một số điều của Luật Mẫu\n1. Sửa đổi, bổ sung Điều 9 như sau:\n"
        '"Điều 9. Tên\n1. Khoản một mới.\n2. Khoản hai mới.".\n2. Bãi bỏ khoản 2 Điều 3.\n'
        "Điều 2. Điều khoản thi hành\nLuật này có hiệu lực thi hành từ ngày 01 tháng 7 năm 2025.\n",
        encoding="utf-8",
    )
    (parsed,) = importers.parse(path).documents
    assert [row.slug for row in parsed.provisions if row.kind != "point"] == [
        "dieu-1",
        "dieu-1-khoan-1",
        "dieu-1-khoan-2",
        "dieu-2",
    ]
    assert parsed.document.amends_number == "25/2008/QH12"
    assert parsed.document.effective_on == dt.date(2025, 7, 1)


@pytest.fixture
def shared_legal(db: None, settings: Settings, tmp_path: Path) -> None:
    require((SHARED / "legal").is_dir() and (SHARED / "legal-2026").is_dir(), f"{SHARED}")
    settings.VAR_DIR = tmp_path
    call_command("legal_import", str(SHARED / "legal"), "--no-index", stdout=open(os.devnull, "w"))  # noqa: SIM115


def _article(number: str, slug: str) -> tuple[Provision, list[Provision]]:
    return selectors.article_get(document=Document.objects.get(number=number), slug=slug)


def test_osh_law_article_43_reads_as_amended_by_the_2024_social_insurance_law(shared_legal: None) -> None:
    for slug in ("dieu-42-khoan-7", "dieu-43-khoan-1", "dieu-44-khoan-2-diem-b", "dieu-49-khoan-3", "dieu-53-khoan-3"):
        amendment = Amendment.objects.get(target_number="84/2015/QH13", target_slug=slug)
        assert amendment.target is not None and amendment.kind == Amendment.Kind.AMEND
        source = amendment.source
        assert source is not None and source.article is not None
        assert (source.document.number, source.article.number) == ("41/2024/QH15", "139")
        assert amendment.effective_on == dt.date(2025, 7, 1)
    article, parts = _article("84/2015/QH13", "dieu-43")
    now = selectors.article_as_on(article=article, parts=parts, on=dt.date(2026, 1, 1))
    clause = next(item for item in now.parts if item.provision.slug == "dieu-43-khoan-1")
    assert "các điểm a, b, c, d, đ, e, i và l khoản 1 Điều 2" in clause.text
    assert "e và h" in clause.changes[0].previous_text
    terms = retrieval.QueryWords(words={"l": 1.0}, pairs={"i_l": 5.0})
    passage = answers.passage_pick(article=article, wording=now, terms=terms)
    assert passage.slug == "dieu-43-khoan-1" and "e, i và l" in "".join(text for text, _ in passage.pieces)
    before = selectors.article_as_on(article=article, parts=parts, on=dt.date(2025, 6, 30))
    clause = next(item for item in before.parts if item.provision.slug == "dieu-43-khoan-1")
    assert "các điểm a, b, c, d, đ, e và h khoản 1 Điều 2" in clause.text and clause.later
    assert Relation.objects.filter(source__number="41/2024/QH15", target_number="84/2015/QH13").exists()


def test_social_insurance_articles_repealed_in_2016_keep_their_own_date_and_source(shared_legal: None) -> None:
    def in_force(day: dt.date) -> set[str]:
        return set(
            selectors.provisions_in_force(on=day).filter(document__number="58/2014/QH13").values_list("slug", flat=True)
        )

    in_2020 = in_force(dt.date(2020, 1, 1))
    assert {"dieu-42", "dieu-43", "dieu-51", "dieu-52", "dieu-104", "dieu-117"}.isdisjoint(in_2020)
    assert {"dieu-41", "dieu-53", "dieu-103"} <= in_2020
    assert "dieu-43" in in_force(dt.date(2016, 6, 30))
    search_keys = search.keys_in_force(on=dt.date(2020, 1, 1))
    assert retrieval.make_key("58/2014/QH13", "Điều 43") not in search_keys
    assert retrieval.make_key("58/2014/QH13", "Điều 51") not in search_keys
    assert retrieval.make_key("58/2014/QH13", "Điều 53") in search_keys
    article, parts = _article("58/2014/QH13", "dieu-51")
    # Repealed with the Mục holding it: worded as repealed from that day, as a later change the day before.
    repealed = selectors.article_as_on(article=article, parts=parts, on=dt.date(2016, 7, 1)).intro
    assert repealed.repealed and [c.amendment.target_slug for c in repealed.changes] == ["chuong-3-muc-3"]
    before = selectors.article_as_on(article=article, parts=parts, on=dt.date(2016, 6, 30)).intro
    assert not before.repealed and [a.target_slug for a in before.later] == ["chuong-3-muc-3"]
    validity = selectors.validity_of(document=article.document, provision=article, on=dt.date(2026, 1, 1))
    assert validity.expiry_on == dt.date(2016, 7, 1) and validity.replaced_by is None
    repealed_by = validity.repealed_by
    assert repealed_by is not None
    assert (repealed_by.document.number, repealed_by.slug) == ("84/2015/QH13", "dieu-92-khoan-2")
    article, _parts = _article("58/2014/QH13", "dieu-86")
    point = Provision.objects.get(document__number="58/2014/QH13", slug="dieu-86-khoan-1-diem-b")
    assert point.expiry_on == dt.date(2016, 7, 1) and article.expiry_on is None


def test_health_insurance_articles_12_and_13_show_the_wording_of_the_2024_amendment(shared_legal: None) -> None:
    result = library.documents_import(path=SHARED / "legal-2026" / "luat-51-2024-qh15-sua-doi-bhyt.txt")
    assert result.written and not [p for p in result.problems if p.is_error]
    assert Relation.objects.filter(source__number="51/2024/QH15", target__number="25/2008/QH12").exists()
    for slug, old in (("dieu-12", "đủ 3 tháng"), ("dieu-13", "mức lương tối thiểu")):
        article, parts = _article("25/2008/QH12", slug)
        assert old in article.text + "".join(part.text for part in parts)
        wording = selectors.article_as_on(article=article, parts=parts, on=dt.date(2026, 1, 1))
        assert wording.replaced_whole is not None and old not in wording.intro.text
        source = wording.replaced_whole.source
        assert source is not None and source.document.number == "51/2024/QH15"
        assert wording.replaced_whole.effective_on == dt.date(2025, 7, 1)
        then = selectors.article_as_on(article=article, parts=parts, on=dt.date(2020, 1, 1))
        assert then.replaced_whole is None


def test_amendments_read_for_several_articles_at_once_are_each_articles_own(
    shared_legal: None, django_assert_num_queries: DjangoAssertNumQueries
) -> None:
    slugs = ("dieu-42", "dieu-43", "dieu-44", "dieu-45", "dieu-53")
    articles = [_article("84/2015/QH13", slug)[0] for slug in slugs]
    articles.append(_article("58/2014/QH13", "dieu-51")[0])  # repealed with the Mục holding it
    one_by_one = {article.pk: selectors.amendments_for_article(article=article) for article in articles}
    with django_assert_num_queries(1):
        together = selectors.amendments_for_articles(articles=articles)
    assert together == one_by_one
    targets = [[amendment.target_slug for amendment in together[article.pk]] for article in articles]
    assert targets == [
        ["dieu-42-khoan-7"],
        ["dieu-43-khoan-1"],
        ["dieu-44-khoan-2-diem-b"],
        [],
        ["dieu-53-khoan-3"],
        ["chuong-3-muc-3"],
    ]


def test_article_page_shows_the_change_its_source_and_the_wording_on_the_date_asked(
    shared_legal: None, client: Client
) -> None:
    url = "/phap-luat/84-2015-qh13/dieu-43"
    page = client.get(url).content.decode()
    assert "e, i và l khoản 1 Điều 2" in page and "<details" in page
    assert "01/07/2025" in page and "41/2024/QH15" in page and "Điều 139" in page
    old = client.get(url, {"ngay": "01/01/2020"}).content.decode()
    assert "e và h khoản 1 Điều 2" in old and "Sẽ thay đổi từ 01/07/2025" in old
    assert "e và h khoản 1 Điều 2" in client.get(url, {"ngay": "2020-01-01"}).content.decode()
    repealed = client.get("/phap-luat/58-2014-qh13/dieu-43").content.decode()
    assert "Hết hiệu lực từ 01/07/2016" in repealed and "bãi bỏ bởi" in repealed


def test_the_demo_imports_the_newer_texts_but_not_consolidated_ones() -> None:
    require((SHARED / "legal-2026").is_dir(), f"{SHARED / 'legal-2026'}")
    names = [path.name for path in demo.demo_files(SHARED / "legal")]
    assert names[0].endswith(".jsonl") and "luat-51-2024-qh15-sua-doi-bhyt.txt" in names
    assert "nd-161-2026-nd-cp-luong-co-so-ocr-chua-doi-chieu.txt" in names
    assert not any("vbhn" in name for name in names)


def test_the_base_salary_decree_of_2026_ends_the_2024_one_and_is_marked_for_checking(shared_legal: None) -> None:
    folder = SHARED / "legal-2026"
    for name in (
        "nd-161-2026-nd-cp-luong-co-so-ocr-chua-doi-chieu.txt",
        "nd-128-2025-nd-cp-phan-quyen-phan-cap-noi-vu.txt",
    ):
        call_command("legal_import", str(folder / name), "--no-index", stdout=open(os.devnull, "w"))  # noqa: SIM115
    decree = Document.objects.get(number="161/2026/NĐ-CP")
    assert decree.effective_on == dt.date(2026, 7, 1) and decree.needs_checking
    assert not Document.objects.get(number="128/2025/NĐ-CP").needs_checking
    assert Relation.objects.filter(source=decree, target_number="73/2024/NĐ-CP", kind="replaces").exists()
