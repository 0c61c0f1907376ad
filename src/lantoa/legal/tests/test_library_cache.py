"""The law library kept in each process for the answer page: every write path moves the library generation, and
the page shows what was written at once, never an answer kept from before."""

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from django.core.cache import cache
from django.test import Client
from pytest_django import DjangoAssertNumQueries, Settings

from lantoa.legal import library_cache, search
from lantoa.legal.models import Amendment, Document, HandbookChapter, HandbookEntry, Provision, Relation
from lantoa.legal.services import consolidated, handbook, library, questions
from lantoa.legal.tests.factories import DATA, import_library
from lantoa.orgs.models import OrgUnit, Role, User

DAY = dt.date(2026, 1, 5)
QUESTION = "cty bắt tăng ca 5 tiếng mỗi ngày có đúng ko"  # answered by 45/2019/QH14 Điều 107 khoản 2 (tests below)


@pytest.fixture
def indexed(db: None, settings: Settings, tmp_path: Path) -> None:
    settings.VAR_DIR = tmp_path
    import_library()
    search.index_build()


def _page(client: Client) -> str:
    """The answer page's text (marks around the question's words taken out)."""
    response = client.get("/phap-luat/hoi/", {"q": QUESTION, "on": DAY.isoformat()})
    assert response.status_code == 200
    return re.sub(r"</?mark>", "", response.content.decode())


def _khoan(slug: str = "dieu-107-khoan-2") -> Provision:
    return Provision.objects.get(document__number="45/2019/QH14", slug=slug)


def _article_107() -> Provision:
    return Provision.objects.get(document__number="45/2019/QH14", slug="dieu-107")


def _handbook_file(folder: Path, *, citations: str) -> Path:
    folder.mkdir(exist_ok=True)
    (folder / "tang-ca.toml").write_text(
        'slug = "tang-ca"\nchapter = "Làm thêm giờ"\norder = 1\n\n[[entry]]\nslug = "tang-ca-toi-da"\n'
        'question = "Công ty bắt tăng ca bao nhiêu tiếng là đúng?"\nanswer = "Tăng ca phải được bạn đồng ý."\n'
        f"{citations}",
        "utf-8",
    )
    return folder


EDITED = "Người sử dụng lao động được sử dụng người lao động làm thêm giờ khi ghi vào sổ theo dõi được ký."
CITE_107 = '[[entry.citations]]\ndoc_number = "45/2019/QH14"\narticle = "Điều 107"\n'


def _vbhn_file(folder: Path) -> Path:
    """A consolidated text of the Labour Code whose Điều 107 khoản 2 reads otherwise than the library computes."""
    path = folder / "bo-luat-lao-dong-vbhn-99-2026-hop-nhat.txt"
    path.write_text(
        "\n".join(
            [
                "VĂN PHÒNG QUỐC HỘI",
                "Số: 99/VBHN-VPQH",
                "Hà Nội, ngày 01 tháng 02 năm 2026",
                "BỘ LUẬT LAO ĐỘNG",
                "Bộ luật Lao động số 45/2019/QH14 ngày 20 tháng 11 năm 2019 của Quốc hội, có hiệu lực kể từ ngày 01"
                " tháng 01 năm 2021, được sửa đổi, bổ sung bởi:",
                "Luật số 99/2025/QH15 sửa đổi Bộ luật Lao động, có hiệu lực kể từ ngày 01 tháng 01 năm 2026.",
                "Điều 107. Làm thêm giờ",
                "1. Thời gian làm thêm giờ là khoảng thời gian làm việc ngoài thời giờ làm việc bình thường.",
                "2. Lời văn hợp nhất: tăng ca chỉ khi người lao động đồng ý bằng văn bản.",
            ]
        ),
        "utf-8",
    )
    return path


def _through_admin(client: Client, make_superuser: Callable[[], User]) -> None:
    client.force_login(make_superuser())
    source = Provision.objects.get(document__number="41/2024/QH15", slug="dieu-2")
    response = client.post(
        "/django-admin/legal/amendment/add/",
        {
            "source": source.pk,
            "effective_on": "2025-07-01",
            "note": "",
            "target_number": "45/2019/QH14",
            "target_slug": "dieu-107-khoan-2",
            "kind": "amend",
            "text": f"2. {EDITED}",
            "old_phrase": "",
            "new_phrase": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    client.logout()


def _published_answer(unit: OrgUnit, adviser: User) -> None:
    receipt = questions.question_ask(text="Công ty bắt tăng ca mỗi ngày 5 tiếng có đúng không ạ?", unit=unit)
    questions.question_answer(
        question=receipt.question,
        answer="Không quá 12 giờ một ngày kể cả tăng ca.",
        provisions=[_khoan()],
        user=adviser,
    )
    questions.question_publish(question=receipt.question)


@pytest.fixture
def make_superuser(db: None) -> Callable[[], User]:
    return lambda: User.objects.create_superuser(username="bien-tap", password="x")


@pytest.fixture
def adviser(labour_federation: OrgUnit, make_official: Callable[..., User]) -> User:
    return make_official(unit=labour_federation, role=Role.LEGAL_ADVISER)


WRITES: dict[str, Callable[..., object]] = {
    "a provision saved": lambda **_: _khoan().save(),
    "a khoản deleted": lambda **_: _khoan("dieu-105-khoan-2").delete(),
    "a document saved": lambda **_: Document.objects.get(number="45/2019/QH14").save(),
    "a relation saved": lambda **_: Relation.objects.create(
        source=Document.objects.get(number="41/2024/QH15"), target_number="99/2099/QH99", kind="amends"
    ),
    "an amendment deleted": lambda **_: Amendment.objects.get(target_slug="dieu-106").delete(),
    "a re-import (legal_import)": lambda tmp_path, **_: library.documents_import(
        path=_changed_library(tmp_path, "Thời giờ làm việc bình thường không quá 10 giờ")
    ),
    "a consolidated text": lambda tmp_path, **_: consolidated.consolidated_apply(path=_vbhn_file(tmp_path)),
    "the handbook import": lambda tmp_path, **_: handbook.handbook_import(
        directory=_handbook_file(tmp_path / "handbook", citations=CITE_107)
    ),
    "an entry flagged for review (update)": lambda **_: library.entries_flag_for_review(
        provision_ids=[_article_107().pk], reason="Đã sửa."
    ),
    "an amendment saved in the admin": lambda client, make_superuser, **_: _through_admin(client, make_superuser),
    "an adviser's answer published": lambda labour_federation, adviser, **_: _published_answer(
        labour_federation, adviser
    ),
    "the index published": lambda **_: search.index_build(),
}


def _changed_library(folder: Path, phrase: str) -> Path:
    path = folder / "library.jsonl"
    path.write_text(
        (DATA / "library.jsonl").read_text("utf-8").replace("Thời giờ làm việc bình thường không quá 08 giờ", phrase),
        "utf-8",
    )
    return path


# Real commits: inside the test's own transaction the setup's bump would stay due, and no later write adds another
# (one per transaction). The shared number's wait for the commit: test_library_generation_commit.py.
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("name", WRITES)
def test_every_write_path_of_the_library_moves_its_generation_at_once_and_again_on_commit(
    name: str,
    indexed: None,
    tmp_path: Path,
    client: Client,
    make_superuser: Callable[[], User],
    labour_federation: OrgUnit,
    adviser: User,
) -> None:
    if name == "an entry flagged for review (update)":
        handbook.handbook_import(directory=_handbook_file(tmp_path / "handbook", citations=CITE_107))
    if name == "an amendment deleted":
        Amendment.objects.create(target_number="45/2019/QH14", target_slug="dieu-106", kind="repeal")
    before, shared_before = library_cache.library_version(), cache.get(library_cache.library_generation.key)
    WRITES[name](
        tmp_path=tmp_path,
        client=client,
        make_superuser=make_superuser,
        labour_federation=labour_federation,
        adviser=adviser,
    )
    assert library_cache.library_version() != before  # this process serves nothing it kept before
    assert cache.get(library_cache.library_generation.key) != shared_before  # every other process, once committed


def test_citations_written_in_bulk_alone_move_the_generation(indexed: None) -> None:
    chapter = HandbookChapter.objects.create(slug="lam-them", title="Làm thêm giờ")
    entry = HandbookEntry.objects.create(chapter=chapter, slug="tang-ca", question="Tăng ca?", answer="Có giới hạn.")
    before = library_cache.library_version()
    # The handbook import's own write of citations (its other writes send signals): only `bulk_create` runs here.
    assert handbook._citations_set(entry=entry, provisions=[_khoan()])
    assert library_cache.library_version() != before


def _repeal_107_from_july_2025() -> None:
    """An amendment repealing BLLĐ Điều 107, its target already linked: applying it writes by `update()` alone."""
    source = Provision.objects.get(document__number="41/2024/QH15", slug="dieu-2")
    Amendment.objects.create(
        source=source, target_number="45/2019/QH14", target_slug="dieu-107", target=_article_107(), kind="repeal",
        effective_on=dt.date(2025, 7, 1),
    )  # fmt: skip


def test_a_repeal_applied_by_update_alone_moves_the_generation(indexed: None) -> None:
    _repeal_107_from_july_2025()
    before = library_cache.library_version()
    library.amendments_apply()  # the target already linked: its only write is `update(expiry_on=…)`
    assert library_cache.library_version() != before


def test_a_repeated_question_reads_nothing_from_the_library_again(
    indexed: None, django_assert_max_num_queries: DjangoAssertNumQueries
) -> None:
    search.search(query=QUESTION, on=DAY)
    with django_assert_max_num_queries(0):
        again = search.search(query=QUESTION, on=DAY)
    assert again.answers[0].provision.number == "107"


def test_a_khoan_saved_shows_its_new_words_on_the_next_answer(indexed: None, client: Client) -> None:
    assert "đáp ứng đầy đủ các yêu cầu sau đây" in _page(client)
    khoan = _khoan()
    khoan.text = "Người sử dụng lao động được sử dụng người lao động làm thêm giờ khi có thỏa thuận bằng văn bản:"
    khoan.save()
    page = _page(client)
    assert "khi có thỏa thuận bằng văn bản" in page and "đáp ứng đầy đủ các yêu cầu sau đây" not in page


def test_a_reimport_shows_the_new_wording_at_once(indexed: None, client: Client, tmp_path: Path) -> None:
    assert "khi có thỏa thuận bằng văn bản" not in _page(client)
    original = "làm thêm giờ khi đáp ứng đầy đủ các yêu cầu sau đây"
    path = tmp_path / "library.jsonl"
    path.write_text(
        (DATA / "library.jsonl").read_text("utf-8").replace(original, "làm thêm giờ khi có thỏa thuận bằng văn bản"),
        "utf-8",
    )
    assert library.documents_import(path=path).updated == 1
    assert "khi có thỏa thuận bằng văn bản" in _page(client)


def _kept_wording_of_107() -> str:
    outcome = search.search(query=QUESTION, on=DAY)
    article = outcome.answers[0].provision
    wording = search._library_reads(keys=[(article.document.number, article.number)], on=DAY).wordings[article.pk]
    return "\n".join(row.text for row in [wording.intro, *wording.parts])


def test_an_amendment_saved_in_the_admin_shows_on_the_next_answer(
    indexed: None, client: Client, make_superuser: Callable[[], User]
) -> None:
    assert "ghi vào sổ theo dõi được ký" not in _page(client)
    _through_admin(client, make_superuser)
    assert "ghi vào sổ theo dõi được ký" in _page(client)


def test_a_consolidated_text_shows_on_the_next_answer(indexed: None, client: Client, tmp_path: Path) -> None:
    _page(client)
    result = consolidated.consolidated_apply(path=_vbhn_file(tmp_path))
    assert result.changed == 1
    assert "tăng ca chỉ khi người lao động đồng ý bằng văn bản" in _page(client)


def test_a_handbook_entry_citing_the_article_is_listed_on_the_next_answer(
    indexed: None, client: Client, tmp_path: Path
) -> None:
    assert "Công ty bắt tăng ca bao nhiêu tiếng là đúng?" not in _page(client)
    handbook.handbook_import(directory=_handbook_file(tmp_path / "handbook", citations=CITE_107))
    assert "Công ty bắt tăng ca bao nhiêu tiếng là đúng?" in _page(client)


def test_a_published_adviser_answer_is_listed_on_the_next_answer(
    indexed: None, client: Client, labour_federation: OrgUnit, adviser: User
) -> None:
    _page(client)
    _published_answer(labour_federation, adviser)
    entry = HandbookEntry.objects.get(origin=HandbookEntry.Origin.ADVISER)
    assert entry.get_absolute_url() in _page(client)


def test_an_article_repealed_by_update_leaves_the_answers_at_once(indexed: None, client: Client) -> None:
    assert "Điều 107. Làm thêm giờ" in _page(client)
    _repeal_107_from_july_2025()
    library.amendments_apply()
    assert "Điều 107. Làm thêm giờ" not in _page(client)


def test_a_change_committed_by_another_server_is_read_once_the_shared_generation_moves(indexed: None) -> None:
    """Another server's write reaches this process through the shared cache only (no signal runs here)."""
    search.search(query=QUESTION, on=DAY)
    Provision.objects.filter(pk=_khoan().pk).update(text="Lời văn do máy chủ khác ghi.")  # no signal, no bump
    assert "Lời văn do máy chủ khác ghi" not in _kept_wording_of_107()  # kept: nothing said it changed
    cache.incr(library_cache.library_generation.key)  # what the other server's commit does
    assert "Lời văn do máy chủ khác ghi" in _kept_wording_of_107()


def test_the_chapter_of_an_entry_saved_moves_the_generation(indexed: None) -> None:
    before = library_cache.library_version()
    HandbookChapter.objects.create(slug="chuong-moi", title="Chương mới")
    assert library_cache.library_version() != before
