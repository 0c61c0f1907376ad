import pytest
from django.test import RequestFactory

from lantoa.core.links import absolute_url
from lantoa.core.qr import qr_svg
from lantoa.core.tests.qrcodes import decode_svg_in_chromium


def test_the_public_address_setting_wins_over_the_host_the_server_sees(settings):
    settings.PUBLIC_BASE_URL = "https://lantoa.angiang.gov.vn"
    request = RequestFactory().get("/", HTTP_HOST="localhost")
    assert absolute_url("/e/ABC123", request) == "https://lantoa.angiang.gov.vn/e/ABC123"
    assert absolute_url("e/ABC123") == "https://lantoa.angiang.gov.vn/e/ABC123"


def test_in_the_demo_links_take_the_host_the_visitor_typed(settings):
    settings.PUBLIC_BASE_URL = ""
    settings.ALLOWED_HOSTS = ["192.168.1.20"]
    request = RequestFactory().get("/", HTTP_HOST="192.168.1.20:8000")
    assert absolute_url("/bai-hoc/", request) == "http://192.168.1.20:8000/bai-hoc/"


def test_vietnamese_paths_are_percent_encoded_for_qr_readers(settings):
    settings.PUBLIC_BASE_URL = "https://lantoa.angiang.gov.vn"
    assert absolute_url("/hỏi-đáp/") == "https://lantoa.angiang.gov.vn/h%E1%BB%8Fi-%C4%91%C3%A1p/"


@pytest.mark.parametrize("path", ["/e/ABC123", "/hỏi-đáp/"])
def test_a_served_qr_svg_draws_in_chromium_and_decodes_to_its_address(settings, path, tmp_path):
    settings.PUBLIC_BASE_URL = "https://lantoa.angiang.gov.vn"
    url = absolute_url(path)
    svg = qr_svg(url, scale=8, title="Công ty May An Giang")
    assert svg.startswith('<svg xmlns="http://www.w3.org/2000/svg"')
    assert decode_svg_in_chromium(svg.encode(), tmp_path) == url
