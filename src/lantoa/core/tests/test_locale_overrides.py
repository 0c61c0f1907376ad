from django.utils import translation


def test_wagtails_approve_and_publish_button_reads_with_a_space():
    with translation.override("vi"):
        label = translation.gettext("%(label)s and Publish") % {"label": translation.gettext("Approve")}
    assert label == "Phê chuẩn và xuất bản"
