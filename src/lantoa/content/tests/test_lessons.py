import unicodedata

from django.core.management import call_command

from lantoa.content import services
from lantoa.content.models import LessonCitation, LessonIndexPage, LessonPage, TopicPage
from lantoa.content.topics import TOPICS
from lantoa.core.tests.qrcodes import decode_svg_in_chromium


def test_lessons_import_builds_the_tree_and_is_idempotent(db, seed_sample):
    first = services.lessons_import(folder=seed_sample)
    second = services.lessons_import(folder=seed_sample)
    assert (first.created, first.updated, first.unchanged) == (2, 0, 0)
    assert (second.created, second.updated, second.unchanged) == (0, 0, 2)
    index = LessonIndexPage.objects.get()
    assert index.url == "/bai-hoc/"
    assert set(TopicPage.objects.values_list("slug", flat=True)) == set(TOPICS)
    lesson = LessonPage.objects.get(slug="hop-dong-phai-bang-van-ban")
    assert lesson.live
    assert lesson.url == "/bai-hoc/hop-dong-lao-dong/hop-dong-phai-bang-van-ban/"
    assert sorted(lesson.segments.values_list("slug", flat=True)) == ["ccn", "kcn", "migrant", "sme"]


def test_lessons_import_updates_a_changed_lesson_and_keeps_text_nfc(db, seed_sample):
    services.lessons_import(folder=seed_sample)
    path = seed_sample / "01-hop-dong-phai-bang-van-ban.toml"
    decomposed = unicodedata.normalize("NFD", 'title = "Hợp đồng bằng văn bản"')
    path.write_text(
        path.read_text(encoding="utf-8").replace(path.read_text(encoding="utf-8").splitlines()[1], decomposed),
        encoding="utf-8",
    )
    result = services.lessons_import(folder=seed_sample)
    assert (result.updated, result.unchanged) == (1, 1)
    lesson = LessonPage.objects.get(slug="hop-dong-phai-bang-van-ban")
    assert lesson.title == unicodedata.normalize("NFC", "Hợp đồng bằng văn bản")


def test_lessons_import_writes_nothing_when_a_file_is_broken(db, seed_sample):
    (seed_sample / "99-hong.toml").write_text('slug = "x"\ntitle = "X"\ntopic = "khong-co"\n', encoding="utf-8")
    result = services.lessons_import(folder=seed_sample)
    assert result.problems
    assert any("missing key" in problem.message for problem in result.problems)
    assert not LessonPage.objects.exists()


def test_import_lessons_command_reports_counts(db, seed_sample, capsys):
    call_command("import_lessons", str(seed_sample))
    assert "created=2" in capsys.readouterr().out


def test_lesson_page_shows_sections_citations_linked_to_the_legal_library_and_the_quiz(client, lessons):
    response = client.get("/bai-hoc/hop-dong-lao-dong/hop-dong-phai-bang-van-ban/")
    html = response.content.decode()
    assert response.status_code == 200
    for heading in ("Tình huống", "Luật nói gì", "Bạn nên làm gì", "Hỏi ai, ở đâu", "Căn cứ pháp lý"):
        assert heading in html
    assert 'href="/phap-luat/45-2019-qh14/dieu-14"' in html
    assert f'href="/quiz/{lessons["hop-dong-phai-bang-van-ban"].pk}/"' in html
    assert 'property="og:title"' in html
    assert "zalo.me/share" in html


def test_a_directive_citation_has_no_article_link(lessons):
    citation = LessonCitation.objects.get(page=lessons["chi-thi-58-la-gi"], doc_number="58-CT/TW")
    assert citation.provision_url == ""


def test_lesson_index_and_topic_pages_list_live_lessons(client, lessons):
    index = client.get("/bai-hoc/").content.decode()
    assert "Hợp đồng lao động" in index
    topic = client.get("/bai-hoc/hop-dong-lao-dong/").content.decode()
    assert "Làm việc từ 1 tháng trở lên phải có hợp đồng bằng văn bản" in topic


def test_worker_home_has_the_lessons_tile(client, lessons):
    assert 'href="/bai-hoc/"' in client.get("/").content.decode()


def test_sitemap_lists_published_lessons(client, lessons):
    assert "/bai-hoc/hop-dong-lao-dong/hop-dong-phai-bang-van-ban/" in client.get("/sitemap.xml").content.decode()


def test_every_page_has_a_qr_code_of_its_public_address(client, lessons, settings, tmp_path):
    settings.PUBLIC_BASE_URL = "https://lantoa.angiang.gov.vn"
    lesson = lessons["chi-thi-58-la-gi"]
    response = client.get(f"/qr/trang/{lesson.pk}.svg")
    assert response["Content-Type"] == "image/svg+xml"
    assert decode_svg_in_chromium(response.content, tmp_path) == f"https://lantoa.angiang.gov.vn{lesson.url}"
    assert client.get("/qr/trang/999999.svg").status_code == 404


def test_anonymous_lesson_view_is_cached_and_new_publication_is_served_at_once(client, lessons):
    lesson = lessons["hop-dong-phai-bang-van-ban"]
    url = lesson.url
    assert "Làm việc từ 1 tháng" in client.get(url).content.decode()
    lesson.title = "Tiêu đề mới sau khi duyệt"
    lesson.save_revision().publish()
    assert "Tiêu đề mới sau khi duyệt" in client.get(url).content.decode()


def test_video_audio_and_poster_pages_show_their_transcript_or_text(client, lessons):
    from lantoa.content.models import AudioPage, PosterPage, VideoPage

    topic = TopicPage.objects.get(slug="hop-dong-lao-dong")
    lesson = lessons["hop-dong-phai-bang-van-ban"]
    pages = [
        VideoPage(
            title="Video hợp đồng", slug="video-hop-dong", summary="Xem 2 phút.", transcript="- Lời thoại video."
        ),
        AudioPage(
            title="Phát thanh hợp đồng", slug="phat-thanh", summary="Nghe 3 phút.", transcript="Lời đọc bản tin."
        ),
        PosterPage(
            title="Áp phích",
            slug="ap-phich",
            summary="In dán.",
            headline="Ký hợp đồng trước",
            body="- Giữ 1 bản.",
            lesson=lesson,
        ),
    ]
    for page in pages:
        topic.add_child(instance=page)
        page.save_revision().publish()
    assert "Lời thoại video." in client.get(pages[0].url).content.decode()
    assert "Lời đọc bản tin." in client.get(pages[1].url).content.decode()
    poster = client.get(pages[2].url).content.decode()
    assert "Ký hợp đồng trước" in poster and lesson.url in poster


def test_lessons_explaining_finds_live_lessons_by_their_citations(lessons):
    from lantoa.core import registry

    found = registry.provision_explainers([("45/2019/QH14", "Điều 14"), ("45/2019/QH14", "Điều 999")])
    titles = [title for title, _url in found[("45/2019/QH14", "Điều 14")]]
    assert titles == ["Làm việc từ 1 tháng trở lên phải có hợp đồng bằng văn bản"]
    assert found[("45/2019/QH14", "Điều 14")][0][1].startswith("/bai-hoc/")
    assert ("45/2019/QH14", "Điều 999") not in found
    lessons["hop-dong-phai-bang-van-ban"].unpublish()
    assert registry.provision_explainers([("45/2019/QH14", "Điều 14")]) == {}


def test_a_lesson_cited_by_an_answer_links_to_its_new_address_once_republished(lessons, settings):
    from lantoa.core import registry

    settings.GENERATION_CHECK_SECONDS = 60  # as in production: kept URLs are not re-read on every call
    key = ("45/2019/QH14", "Điều 14")
    first = registry.provision_explainers([key])[key][0][1]
    lesson = lessons["hop-dong-phai-bang-van-ban"]
    lesson.slug = "hop-dong-bang-van-ban"
    lesson.save_revision().publish()

    moved = registry.provision_explainers([key])[key][0][1]
    assert first.endswith("/hop-dong-phai-bang-van-ban/")
    assert moved.endswith("/hop-dong-bang-van-ban/")
