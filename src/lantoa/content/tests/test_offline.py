import json

from lantoa.content.models import TopicPage


def test_service_worker_is_served_from_the_root_with_the_static_files_to_keep(client, db):
    response = client.get("/sw.js")
    assert response["Content-Type"].startswith("text/javascript")
    body = response.content.decode()
    assert "/static/core/worker.css" in body
    assert "/static/content/offline.js" in body


def test_topic_pack_lists_the_topic_its_lessons_their_quizzes_and_static_files(client, lessons):
    topic = TopicPage.objects.get(slug="hop-dong-lao-dong")
    lesson = lessons["hop-dong-phai-bang-van-ban"]
    urls = json.loads(client.get(f"/offline/chu-de/{topic.pk}.json").content)["urls"]
    assert urls[:2] == ["/bai-hoc/hop-dong-lao-dong/", lesson.url]
    assert f"/quiz/{lesson.pk}/" in urls
    assert "/static/core/worker.css" in urls


def test_an_unpublished_topic_has_no_pack(client, lessons):
    topic = TopicPage.objects.get(slug="bhxh")
    topic.unpublish()
    assert client.get(f"/offline/chu-de/{topic.pk}.json").status_code == 404


def test_lesson_page_links_the_manifest_and_offers_to_save_its_topic(client, lessons):
    html = client.get(lessons["hop-dong-phai-bang-van-ban"].url).content.decode()
    assert 'rel="manifest"' in html
    assert "Lưu chủ đề này để đọc khi không có mạng" in html
