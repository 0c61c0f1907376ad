import json

from django.utils import translation


def test_wagtails_approve_and_publish_button_reads_with_a_space():
    with translation.override("vi"):
        label = translation.gettext("%(label)s and Publish") % {"label": translation.gettext("Approve")}
    assert label == "Phê chuẩn và xuất bản"


def test_how_long_ago_reads_in_vietnamese():
    import datetime as dt

    from django.utils.timesince import timesince

    with translation.override("vi"):
        start = dt.datetime(2026, 1, 1, 8, 0, tzinfo=dt.UTC)
        assert timesince(start, now=start + dt.timedelta(minutes=13)) == "13\xa0phút"


def test_an_editor_signs_in_on_the_sites_page_and_reads_the_cms_in_vietnamese(client, admin_user):
    assert client.get("/cms/login/?next=/cms/pages/")["Location"] == "/office/login/?next=/cms/pages/"
    assert client.get("/cms/")["Location"] == "/office/login/?next=/cms/"
    signed_in = client.post("/office/login/?next=/cms/", {"username": admin_user.username, "password": "password"})
    assert signed_in["Location"] == "/cms/"
    dashboard = client.get("/cms/").content.decode()
    assert "Chuyển đến nội dung chính" in dashboard and "Tổng quan" in dashboard and "Site summary" not in dashboard
    # The menu is drawn by script from JSON in the page, where text is escaped.
    for vietnamese, english in (("Hình ảnh", "Images"), ("Tài liệu", "Documents"), ("Báo cáo", "Reports")):
        assert json.dumps(vietnamese)[1:-1] in dashboard and f'"{english}"' not in dashboard
