import io
import json

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from lantoa.core import public_files
from lantoa.core.tests.qrcodes import decode_svg_in_chromium
from lantoa.core.tests.support import no_database_writes
from lantoa.orgs import files, selectors
from lantoa.orgs.importers import COMMUNE_SHEET


def login(client, user):
    client.force_login(user)
    return client


def test_healthz_reports_database_status(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    body = json.loads(response.content)
    assert body["status"] == "ok"
    assert body["database"]["status"] == "ok"


def test_worker_home_is_vietnamese_and_needs_no_account(client, db):
    response = client.get("/")
    assert response.status_code == 200
    assert "Hiểu luật để bảo vệ mình" in response.content.decode()
    assert 'lang="vi"' in response.content.decode()


def test_enterprise_link_sets_the_worker_context(client, enterprise_a):
    response = client.get(f"/e/{enterprise_a.public_code}")
    assert response.status_code == 302
    assert response.cookies["lt_dn"].value == enterprise_a.public_code
    home = client.get("/").content.decode()
    assert enterprise_a.name in home


def test_unknown_enterprise_link_is_a_404(client, db):
    assert client.get("/e/ZZZZZZ").status_code == 404


def test_enterprise_poster_qr_draws_in_chromium_and_decodes_to_the_public_worker_link(
    client, enterprise_a, settings, tmp_path
):
    settings.PUBLIC_BASE_URL = "https://lantoa.angiang.gov.vn"
    response = client.get(f"/e/{enterprise_a.public_code}/qr.svg")
    assert response["Content-Type"] == "image/svg+xml"
    assert decode_svg_in_chromium(response.content, tmp_path) == (
        f"https://lantoa.angiang.gov.vn/e/{enterprise_a.public_code}"
    )


def test_sitemap_lists_public_pages(client, db):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert b"<loc>" in response.content


def test_office_requires_login(client, db):
    response = client.get(reverse("orgs:office-home"))
    assert response.status_code == 302
    assert reverse("orgs:login") in response["Location"]


def test_login_with_wrong_password_says_so_in_vietnamese(client, union_officer):
    response = client.post(reverse("orgs:login"), {"username": union_officer.username, "password": "sai"})
    assert "Số điện thoại hoặc mật khẩu không đúng" in response.content.decode()


def test_login_with_phone_and_password_opens_the_office(client, union_officer):
    response = client.post(reverse("orgs:login"), {"username": union_officer.username, "password": "mat-khau-thu"})
    assert response.status_code == 302
    page = client.get(reverse("orgs:office-home")).content.decode()
    assert "Cán bộ công đoàn" in page
    assert reverse("orgs:import-upload") in page


def test_enterprise_list_shows_only_the_officers_commune(
    client, commune_officer, enterprise_a, enterprise_b, django_assert_max_num_queries
):
    login(client, commune_officer)
    with django_assert_max_num_queries(8):
        page = client.get(reverse("orgs:enterprise-list")).content.decode()
    assert enterprise_a.name in page
    assert enterprise_b.name not in page


def test_enterprise_list_filters_by_segment_and_search(client, union_officer, enterprise_a, make_enterprise):
    make_enterprise(name="Công ty Đảo", commune="Đặc khu Phú Quốc")
    login(client, union_officer)
    page = client.get(reverse("orgs:enterprise-list"), {"segment": "island"}).content.decode()
    assert "Công ty Đảo" in page
    assert enterprise_a.name not in page
    fragment = client.get(reverse("orgs:enterprise-list"), {"q": "Công ty A"}, HTTP_HX_REQUEST="true").content.decode()
    assert enterprise_a.name in fragment
    assert "<html" not in fragment


def test_enterprise_detail_of_another_commune_is_hidden(client, commune_officer, enterprise_b):
    login(client, commune_officer)
    assert client.get(reverse("orgs:enterprise-detail", args=[enterprise_b.pk])).status_code == 404


def test_unit_tree_starts_at_the_officers_scope(client, commune_officer, commune):
    login(client, commune_officer)
    page = client.get(reverse("orgs:unit-tree")).content.decode()
    assert "Xã Bình Hòa" in page
    assert client.get(reverse("orgs:unit-children", args=["91"])).status_code == 404


def test_employer_cannot_open_the_import(client, employer):
    login(client, employer)
    assert client.get(reverse("orgs:import-upload")).status_code == 403
    assert client.get(reverse("orgs:import-template")).status_code == 403


@pytest.fixture
def empty_private_storage() -> None:
    """A private storage of its own (tests share one in memory): another test's template is not this one's."""
    from django.conf import settings
    from django.test.signals import setting_changed

    setting_changed.send(sender=None, setting="STORAGES", value=settings.STORAGES, enter=True)


def test_import_template_is_built_by_the_worker_and_only_streamed_by_the_get(
    client, union_officer, province, empty_private_storage
):
    login(client, union_officer)
    url = reverse("orgs:import-template")
    with no_database_writes():
        assert client.get(url).status_code == 503  # not built yet: the GET builds nothing
    assert public_files.files_build(source=files.SOURCE, pk=files.TEMPLATE_PK) == 1  # what the queued task does
    with no_database_writes():
        response = client.get(url)
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert response["Content-Disposition"] == 'attachment; filename="mau-nhap-don-vi-doanh-nghiep.xlsx"'
    communes = load_workbook(io.BytesIO(response.getvalue()))[COMMUNE_SHEET]
    assert {row[1] for row in communes.iter_rows(min_row=2, values_only=True)} == {
        unit.name for unit in selectors.communes_list()
    }
    assert public_files.files_build(source=files.SOURCE, pk=files.TEMPLATE_PK) == 0  # built once


def test_import_template_lists_a_renamed_commune_once_rebuilt(client, union_officer, province, empty_private_storage):
    login(client, union_officer)
    url = reverse("orgs:import-template")
    public_files.files_build(source=files.SOURCE, pk=files.TEMPLATE_PK)
    commune = selectors.communes_list()[0]
    commune.name = "Phường Thử Nghiệm"
    commune.save(update_fields=["name"])
    assert client.get(url).status_code == 503
    assert public_files.files_build(source=files.SOURCE, pk=files.TEMPLATE_PK) == 1
    communes = load_workbook(io.BytesIO(client.get(url).getvalue()))[COMMUNE_SHEET]
    assert "Phường Thử Nghiệm" in {row[1] for row in communes.iter_rows(min_row=2, values_only=True)}


def test_import_rejects_a_non_excel_upload_in_vietnamese(client, union_officer):
    from django.core.files.uploadedfile import SimpleUploadedFile

    login(client, union_officer)
    response = client.post(reverse("orgs:import-upload"), {"file": SimpleUploadedFile("ds.csv", b"a,b")})
    assert "Hãy chọn tệp Excel đuôi .xlsx" in response.content.decode()


def test_a_form_sent_without_its_security_cookie_is_explained_in_vietnamese(db):
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post(reverse("orgs:login"), {"username": "x", "password": "y"})
    assert response.status_code == 403
    assert "Chưa gửi được biểu mẫu" in response.content.decode()
