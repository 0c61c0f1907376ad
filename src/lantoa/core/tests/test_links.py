import re

import pytest
from django.test import RequestFactory
from PIL import Image
from segno import make_qr

from lantoa.core.links import absolute_url
from lantoa.core.qr import qr_svg, qr_svg_inline
from lantoa.core.tests.qrcodes import decode_png, decode_svg_in_chromium, screenshot_in_chromium


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


@pytest.mark.parametrize("draw", [qr_svg, qr_svg_inline])
def test_every_qr_drawing_carries_a_viewbox_beside_its_natural_size(draw):
    svg = draw("https://lantoa.angiang.gov.vn/voice/r/", scale=4, title="Mã biên nhận")
    size = re.match(r'<svg[^>]* width="(\d+)" height="(\d+)" viewBox="0 0 (\d+) (\d+)"', svg)
    assert size is not None, svg[:120]
    assert size[1] == size[2] == size[3] == size[4]


def test_a_qr_in_a_page_scales_to_the_size_css_gives_it(tmp_path):
    """The receipt page sets its QR to 160 px (voice.css); here 400 px, far from the 116 px the drawing has."""
    url = "https://lantoa.angiang.gov.vn/voice/r/"
    page = tmp_path / "page.html"
    inline = qr_svg_inline(url, scale=4, title="Mã biên nhận")
    page.write_text(f"<!doctype html><style>body{{margin:0}} svg{{width:400px;height:400px}}</style>{inline}")
    shot = screenshot_in_chromium(page)
    assert decode_png(shot) == url
    dark = Image.open(shot).convert("L").point(lambda value: 255 if value < 128 else 0).getbbox()
    assert dark is not None
    left, top, right, bottom = dark
    modules = make_qr(url, error="m").symbol_size(border=0)[0]
    drawn = 400 * modules / (modules + 8)  # a quiet zone of 4 modules on each side
    assert abs((right - left) - drawn) < 8 and abs((bottom - top) - drawn) < 8
