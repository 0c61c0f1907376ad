"""The handbook page: its chapters (each its own page), its own search (with or without diacritics), the offline copy."""

import json

import pytest
from django.test import Client

from lantoa.legal.models import Citation, Document, HandbookChapter, HandbookEntry, Provision
from lantoa.legal.tests.factories import import_library


@pytest.fixture
def handbook(db: None) -> dict[str, HandbookEntry]:
    leave = HandbookChapter.objects.create(slug="nghi-phep", title="Nghỉ phép năm, nghỉ lễ, tết", position=1)
    hours = HandbookChapter.objects.create(slug="gio-lam", title="Giờ làm, làm thêm giờ", position=2)
    return {
        "annual": HandbookEntry.objects.create(
            chapter=leave,
            slug="nghi-phep-nam-may-ngay",
            question="Làm đủ 12 tháng được nghỉ phép năm mấy ngày?",
            answer="Được nghỉ 12 ngày làm việc, hưởng nguyên lương (Điều 113 Bộ luật Lao động 2019).",
            keywords="phép năm, nghỉ hằng năm",
        ),
        "sunday": HandbookEntry.objects.create(
            chapter=hours,
            slug="lam-them-chu-nhat",
            question="Làm thêm vào ngày nghỉ hằng tuần được trả bao nhiêu?",
            answer="Ít nhất 200 % tiền lương (Điều 98 Bộ luật Lao động 2019).",
            keywords="chủ nhật, tăng ca",
        ),
    }


def test_the_handbook_lists_its_chapters_with_their_counts_and_no_entry(client, handbook):
    html = client.get("/phap-luat/so-tay/").content.decode()
    assert (
        '<li id="nghi-phep"><a href="nghi-phep/">Nghỉ phép năm, nghỉ lễ, tết</a> <span class="muted">(1)</span>' in html
    )
    assert '<li id="gio-lam"><a href="gio-lam/">' in html
    assert handbook["annual"].question not in html
    assert 'id="handbook-search"' in html


def test_a_chapter_page_lists_its_entries_in_order_and_links_back(client, handbook):
    chapter = handbook["annual"].chapter
    HandbookEntry.objects.create(chapter=chapter, slug="nghi-le", question="Nghỉ lễ mấy ngày?", answer="…", position=2)
    response = client.get("/phap-luat/so-tay/nghi-phep/")
    html = response.content.decode()
    assert response.status_code == 200 and "<h1>Nghỉ phép năm, nghỉ lễ, tết</h1>" in html
    entries = html[html.index('<ul class="entries">') :]
    assert entries.index('href="../nghi-phep-nam-may-ngay"') < entries.index('href="../nghi-le"')
    assert handbook["sunday"].question not in html
    assert 'href="/phap-luat/so-tay/"' in html
    assert client.get("/phap-luat/so-tay/khong-co-chuong-nay/").status_code == 404


def test_an_entry_page_links_its_chapter_page(client, handbook):
    html = client.get(handbook["sunday"].get_absolute_url()).content.decode()
    assert '<a href="/phap-luat/so-tay/gio-lam/">Giờ làm, làm thêm giờ</a>' in html


@pytest.mark.parametrize("query", ["nghỉ phép năm", "nghi phep nam", "NGHI PHEP"])
def test_the_handbook_search_matches_with_or_without_diacritics(client, handbook, query):
    html = client.get("/phap-luat/so-tay/", {"q": query}).content.decode()
    results = html.split('id="handbook-results"')[1].split("</section>")[0]
    assert "Làm đủ 12 tháng được nghỉ phép năm mấy ngày?" in results
    assert "Làm thêm vào ngày nghỉ hằng tuần" not in results


def test_a_search_that_matches_nothing_says_so(client, handbook):
    html = client.get("/phap-luat/so-tay/", {"q": "xe máy điện"}).content.decode()
    assert "Chưa có mục nào khớp" in html


def test_the_offline_copy_holds_every_entry_and_the_words_the_search_skips(client, handbook):
    data = json.loads(client.get("/phap-luat/so-tay/du-lieu.json").content)
    assert [entry["u"] for entry in data["entries"]] == [
        "/phap-luat/so-tay/nghi-phep-nam-may-ngay",
        "/phap-luat/so-tay/lam-them-chu-nhat",
    ]
    assert data["entries"][1]["a"].startswith("Ít nhất 200 %")
    assert "khong" in data["stopwords"]


def test_every_legal_answer_links_the_handbook_with_the_question(client, handbook):
    html = client.get("/phap-luat/hoi/", {"q": "nghỉ phép năm"}).content.decode()
    assert 'href="/phap-luat/so-tay/?q=ngh%E1%BB%89%20ph%C3%A9p%20n%C4%83m" id="handbook-link"' in html


def test_an_entry_page_lists_the_provisions_it_cites_in_its_order(
    client: Client, handbook: dict[str, HandbookEntry]
) -> None:
    import_library()
    entry = handbook["sunday"]
    overtime = Provision.objects.get(document__number="45/2019/QH14", slug="dieu-107")
    clause = Provision.objects.get(document__number="45/2019/QH14", slug="dieu-107-khoan-2")
    Citation.objects.create(entry=entry, provision=clause, position=0)
    Citation.objects.create(entry=entry, provision=overtime, position=1)
    html = client.get(entry.get_absolute_url()).content.decode()
    cited = html[html.index('<ul class="citations">') :]
    first, second = (
        cited.index(f'href="{clause.get_absolute_url()}"'),
        cited.index(f'href="{overtime.get_absolute_url()}"'),
    )
    assert first < second and "khoản 2 Điều 107" in cited


def test_an_entry_citing_an_unchecked_copy_marks_it_beside_the_citation(
    client: Client, handbook: dict[str, HandbookEntry]
) -> None:
    import_library()
    overtime = Provision.objects.get(document__number="45/2019/QH14", slug="dieu-107")
    Citation.objects.create(entry=handbook["sunday"], provision=overtime, position=0)

    def cited() -> str:
        page = client.get(handbook["sunday"].get_absolute_url()).content.decode()
        return page.split('<ul class="citations">')[1]

    assert "Cần đối chiếu" not in cited()
    Document.objects.filter(number="45/2019/QH14").update(needs_checking=True)
    assert "Cần đối chiếu văn bản gốc" in cited()
