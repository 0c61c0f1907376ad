"""A worker's first view of each page fits in the first round trip: its HTML and the stylesheets and scripts it
links, each gzip-compressed, within 14 KB (the budget `bench/bench_offline.py` measures over the served site).

Measured on the site's law library (the shared corpus and the newer texts beside it), the shipped handbook (its
first page and each chapter's page) and every shipped lesson, for a worker who came from an enterprise's QR link (the
home and the report form then show that enterprise) and for one who did not.
"""

import datetime as dt
import gzip
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.test import Client
from django.utils.text import compress_string
from pytest_django import Settings

from lantoa.content import services as content_services
from lantoa.content.models import LessonPage
from lantoa.core.tests.support import SHARED_DIR, require
from lantoa.legal import demo, search
from lantoa.legal.models import HandbookChapter
from lantoa.legal.services import handbook
from lantoa.orgs.models import Enterprise

FIRST_VIEW_LIMIT = 14 * 1024
ASSET = re.compile(r'<(?:link rel="stylesheet" href|script src)="([^"]+)"')
DAY = dt.date(2026, 12, 2)
QUESTIONS = ("nghỉ phép năm được mấy ngày", "làm thêm chủ nhật", "thử việc tối đa bao lâu", "bị sa thải khi mang thai")


@pytest.fixture
def worker_site(db: None, settings: Settings, tmp_path: Path) -> None:
    require((SHARED_DIR / "legal-2026").is_dir(), str(SHARED_DIR / "legal-2026"))
    settings.VAR_DIR = tmp_path
    demo.library_import(SHARED_DIR / "legal")
    assert not handbook.handbook_import().problems
    search.index_build()
    assert not content_services.lessons_import().problems


def first_view_bytes(client: Client, path: str, params: dict[str, str] | None = None) -> int:
    """The page's HTML as GZipMiddleware sends it plus each stylesheet and script it links as whitenoise's
    compressed copy (gzip level 9), as the bench counts them on the wire."""
    response = client.get(path, params or {})
    assert response.status_code == 200, path
    html = response.content
    size = len(compress_string(html))
    for url in dict.fromkeys(ASSET.findall(html.decode())):
        found = finders.find(url.removeprefix(settings.STATIC_URL).split("?")[0])
        assert isinstance(found, str), url
        size += len(gzip.compress(Path(found).read_bytes(), compresslevel=9))
    return size


def _pages(client: Client) -> dict[str, int]:
    sizes = {path: first_view_bytes(client, path) for path in ("/", "/phap-luat/so-tay/", "/voice/")}
    for question in QUESTIONS:
        sizes[f"/phap-luat/hoi/?q={question}"] = first_view_bytes(
            client, "/phap-luat/hoi/", {"q": question, "on": DAY.isoformat()}
        )
    for chapter in HandbookChapter.objects.all():
        sizes[chapter.get_absolute_url()] = first_view_bytes(client, chapter.get_absolute_url())
    for lesson in LessonPage.objects.live():
        sizes[lesson.url] = first_view_bytes(client, lesson.url)
    return sizes


def test_every_worker_page_s_first_view_fits_in_14_kb(
    worker_site: None, client: Client, make_enterprise: Callable[..., Enterprise]
) -> None:
    anonymous = _pages(client)
    enterprise = make_enterprise(name="Công ty May Xuất khẩu Long Xuyên Thử nghiệm")
    client.get(f"/e/{enterprise.public_code}")
    from_qr = _pages(client)
    assert len(anonymous) >= 3 + len(QUESTIONS) + 15 + 30  # every shipped chapter and lesson was measured
    too_big = {
        f"{who}: {path}": size
        for who, sizes in (("anonymous", anonymous), ("from a QR link", from_qr))
        for path, size in sizes.items()
        if size > FIRST_VIEW_LIMIT
    }
    assert not too_big, too_big
