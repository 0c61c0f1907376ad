import datetime as dt
from pathlib import Path

import pytest
from django.test import Client
from pytest_django import DjangoAssertNumQueries, Settings

from lantoa.legal import importers, selectors
from lantoa.legal.models import Document, HandbookChapter, HandbookEntry, Provision
from lantoa.legal.services import handbook, library
from lantoa.legal.tests.factories import DATA, import_library


def test_jsonl_import_builds_articles_clauses_and_points_then_is_idempotent(db: None) -> None:
    first = import_library()
    assert first.written and first.created > 0
    article = Provision.objects.get(document__number="45/2019/QH14", slug="dieu-107")
    assert article.title == "Làm thêm giờ"
    point = Provision.objects.get(document__number="45/2019/QH14", slug="dieu-107-khoan-2-diem-b")
    assert point.article == article and point.parent is not None and point.parent.slug == "dieu-107-khoan-2"
    again = import_library()
    assert (again.created, again.updated) == (0, 0) and again.unchanged == first.created


def test_import_with_duplicate_or_missing_articles_writes_nothing(db: None) -> None:
    result = library.documents_import(path=DATA / "broken.jsonl")
    messages = [(p.line, p.message) for p in result.problems if p.is_error]
    assert (2, "45/2019/QH14: Điều 105 trùng (đã có ở dòng 1)") in messages
    assert any(line == 3 and "thiếu Điều 106, 107, 108" in message for line, message in messages)
    assert not result.written and not Document.objects.exists()


def test_heading_glued_to_an_article_is_dropped_and_reported() -> None:
    parsed = importers.parse_jsonl(DATA / "library.jsonl")
    old = next(d for d in parsed.documents if d.document.number == "58/2014/QH13")
    clause = next(row for row in old.provisions if row.slug == "dieu-1-khoan-1")
    assert "QUYỀN" not in clause.text and "Chương" not in clause.text
    warnings = [p.message for p in parsed.problems if not p.is_error]
    assert any("QUYỀN VÀ TRÁCH NHIỆM" in message for message in warnings)


def test_replacement_stated_in_the_new_law_expires_the_old_one(db: None) -> None:
    import_library()
    old = Document.objects.get(number="58/2014/QH13")
    assert old.status == Document.Status.SUPERSEDED and old.expiry_on == dt.date(2025, 7, 1)
    validity = selectors.validity_of(document=old, on=dt.date(2026, 1, 1))
    assert not validity.in_force and validity.replaced_by is not None
    assert validity.replaced_by.number == "41/2024/QH15"
    assert selectors.validity_of(document=old, on=dt.date(2024, 1, 1)).in_force


def test_articles_in_force_on_a_date(db: None) -> None:
    import_library()

    def keys(day: dt.date) -> set[str]:
        return {
            f"{p.document.number} {p.slug}" for p in selectors.provisions_in_force(on=day).select_related("document")
        }

    assert "58/2014/QH13 dieu-1" in keys(dt.date(2025, 6, 30))
    assert "41/2024/QH15 dieu-1" not in keys(dt.date(2025, 6, 30))
    assert "58/2014/QH13 dieu-1" not in keys(dt.date(2025, 7, 1))
    assert "41/2024/QH15 dieu-1" in keys(dt.date(2025, 7, 1))


def test_text_import_places_articles_under_chapter_and_section(db: None) -> None:
    import_library()
    result = library.documents_import(path=DATA / "code.txt")
    assert result.written, result.problems
    article = Provision.objects.select_related("parent__parent").get(document__number="45/2019/QH14", slug="dieu-105")
    section = article.parent
    assert section is not None and section.kind == "section"
    assert section.parent is not None and section.parent.title == "Thời giờ làm việc, thời giờ nghỉ ngơi"
    # the wording imported from the records is kept
    assert Provision.objects.filter(slug="dieu-107-khoan-2-diem-b").exists()


def test_superseded_article_page_says_since_when_and_by_what(db: None, client: Client) -> None:
    import_library()
    response = client.get("/phap-luat/58-2014-qh13/dieu-1")
    text = response.content.decode()
    assert "Hết hiệu lực từ 01/07/2025" in text
    assert "thay thế bởi" in text and "Luật Bảo hiểm xã hội 41/2024/QH15" in text


def test_article_page_links_cross_references(db: None, client: Client) -> None:
    import_library()
    response = client.get("/phap-luat/45-2019-qh14/dieu-107")
    text = response.content.decode()
    assert "Còn hiệu lực" in text
    assert '<a href="/phap-luat/45-2019-qh14/dieu-105#dieu-105-khoan-1">khoản 1 Điều 105 của Bộ luật này</a>' in text
    assert '<a href="/phap-luat/45-2019-qh14/dieu-106">Điều 106 của Bộ luật này</a>' in text


def test_references_inside_the_article_and_without_of_link_to_their_khoan() -> None:
    from lantoa.legal.models import Document, Provision
    from lantoa.legal.templatetags.legal import cross_links

    article = Provision(number="36", document=Document(slug="45-2019-qh14"))
    text = str(cross_links("theo điểm b khoản 1 Điều này và khoản 2 Điều 35 Bộ luật này; Điều này & <b>", article))
    assert '<a href="#dieu-36-khoan-1-diem-b">điểm b khoản 1 Điều này</a>' in text
    assert '<a href="/phap-luat/45-2019-qh14/dieu-35#dieu-35-khoan-2">khoản 2 Điều 35 Bộ luật này</a>' in text
    assert text.endswith("; Điều này &amp; &lt;b&gt;")


def test_document_page_lists_articles(
    db: None, client: Client, django_assert_max_num_queries: DjangoAssertNumQueries
) -> None:
    import_library()
    with django_assert_max_num_queries(6):
        response = client.get("/phap-luat/45-2019-qh14/")
    assert "Điều 107. Làm thêm giờ" in response.content.decode()


def test_reimport_that_changes_a_cited_article_flags_entries_for_review(db: None, tmp_path: Path) -> None:
    import_library()
    chapter = HandbookChapter.objects.create(slug="gio-lam", title="Giờ làm")
    entry = HandbookEntry.objects.create(
        chapter=chapter, slug="tang-ca", question="Tăng ca?", answer="Không quá 40 giờ."
    )
    entry.citations.create(
        provision=handbook.provision_resolve(doc_number="45/2019/QH14", article="Điều 107", clause="khoản 2")
    )
    changed = tmp_path / "laws.jsonl"
    changed.write_text(
        (DATA / "library.jsonl").read_text("utf-8").replace("40 giờ trong 01 tháng", "60 giờ trong 01 tháng"), "utf-8"
    )
    result = library.documents_import(path=changed)
    entry.refresh_from_db()
    assert result.flagged_entries == 1 and entry.needs_review
    assert "45/2019/QH14" in entry.review_note


def test_shipped_handbook_has_forty_entries_or_more_each_citing_a_provision() -> None:
    import tomllib

    entries = [
        e for path in sorted(handbook.SEED_DIR.glob("*.toml")) for e in tomllib.loads(path.read_text("utf-8"))["entry"]
    ]
    assert len(entries) >= 40
    assert all(entry["citations"] for entry in entries)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "2. Luật Bảo hiểm xã hội số 58/2014/QH13 hết hiệu lực kể từ ngày Luật này có hiệu lực thi hành.",
            ("replaces", "58/2014/QH13", ()),
        ),
        (
            "2. Các quy định về bảo hiểm tai nạn lao động tại các điều 104, 105 và 117 của Luật bảo hiểm xã hội số 58/2014/QH13 hết hiệu lực kể từ ngày Luật này có hiệu lực thi hành.",
            ("amends", "58/2014/QH13", ("104", "105", "117")),
        ),
    ],
)
def test_relations_are_read_from_the_effectivity_article(text: str, expected: tuple) -> None:
    (found,) = importers.relations_in(text)
    assert (found.kind, found.target_number, found.target_articles) == expected


def test_word_and_html_files_parse_like_the_text_file(tmp_path: Path) -> None:
    import docx

    lines = (DATA / "code.txt").read_text("utf-8").splitlines()
    word = docx.Document()
    for line in lines:
        word.add_paragraph(line)
    word.save(str(tmp_path / "code.docx"))
    page = "<html><body><script>x()</script>" + "".join(f"<p>{line}</p>" for line in lines) + "</body></html>"
    (tmp_path / "code.html").write_text(page, "utf-8")

    def shape(result: importers.ParseResult) -> list[tuple[str, str, str]]:
        return [(row.kind, row.slug, row.text) for doc in result.documents for row in doc.provisions]

    expected = shape(importers.parse(DATA / "code.txt"))
    assert expected and shape(importers.parse(tmp_path / "code.docx")) == expected
    assert shape(importers.parse(tmp_path / "code.html")) == expected


def test_demo_loader_imports_laws_once_and_the_handbook_idempotently(
    db: None, settings: Settings, tmp_path: Path
) -> None:
    from lantoa.legal import demo, index_store

    folder = tmp_path / "legal"
    folder.mkdir()
    (folder / "laws.jsonl").write_text((DATA / "library.jsonl").read_text("utf-8"), "utf-8")
    settings.LEGAL_DEMO_DIR = str(folder)
    settings.VAR_DIR = tmp_path
    first = demo.load(logins=[])
    assert "3 văn bản mới nhập" in first and index_store.current_version()
    assert "0 văn bản mới nhập" in demo.load(logins=[])
    # entries citing laws absent from this small folder are reported by the import, not written half-linked
    assert not HandbookEntry.objects.filter(citations__isnull=True).exists()
