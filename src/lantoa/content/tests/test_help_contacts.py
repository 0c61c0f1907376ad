import pytest
from django.core.exceptions import ValidationError

from lantoa.content import services
from lantoa.content.models import HelpContact


def test_help_contacts_show_on_home_and_their_page_with_demo_values_marked(client, db):
    services.help_contact_save(title="Đường dây nóng Công đoàn", kind="phone", value="0296 000 0000", is_demo=True)
    services.help_contact_save(title="Trợ giúp pháp lý", kind="address", value="Số 1 đường Minh Họa", sort_order=1)
    home = client.get("/").content.decode()
    assert "Cần giúp đỡ? Liên hệ ngay" in home
    assert "Đường dây nóng Công đoàn: 0296 000 0000 (minh họa, chưa phải số thật) · Trợ giúp pháp lý: Số 1" in home
    page = client.get("/lien-he/").content.decode()
    assert 'href="tel:02960000000"' in page
    assert page.count("minh họa, chưa phải số thật") == 1  # only the demo number is marked
    assert "Số 1 đường Minh Họa" in page


def test_saving_a_contact_again_updates_it_and_empty_values_are_refused(db):
    services.help_contact_save(title="Zalo Công đoàn", kind="zalo", value="0900 000 000")
    contact = services.help_contact_save(title="Zalo Công đoàn", kind="zalo", value="0911 111 111")
    assert HelpContact.objects.get().value == "0911 111 111" and contact.href == "https://zalo.me/0911111111"
    with pytest.raises(ValidationError) as empty:
        services.help_contact_save(title="Zalo", kind="zalo", value="  ")
    assert empty.value.code == "contact_empty"


def test_home_links_the_handbook(client, db):
    assert 'href="/phap-luat/so-tay/"' in client.get("/").content.decode()
