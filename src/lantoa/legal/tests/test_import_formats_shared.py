"""A published law read from Word and from a web page gives the same tree as from plain text.

The shared folder holds the laws as text only; the Word and HTML files here are made from those texts (one
paragraph each, a web page with its menus and scripts around), so the three readers meet a real law's layout."""

import html
from pathlib import Path

import docx
import pytest

from lantoa.core.tests.support import SHARED_DIR, require
from lantoa.legal import importers

SOURCE = SHARED_DIR / "legal" / "source"
LAWS = ("uts_vlc_Bo-Luat-lao-dong-2019-333670.txt", "kkhome_Luat-41-2024-QH15-Bao-hiem-xa-hoi.txt")


def _source(name: str) -> Path:
    path = SOURCE / name
    require(path.exists(), str(path))
    return path


def _tree(result: importers.ParseResult) -> list[tuple]:
    return [
        (
            parsed.document.number,
            parsed.document.effective_on,
            [(p.kind, p.slug, p.parent_slug, p.text) for p in parsed.provisions],
        )
        for parsed in result.documents
    ]


@pytest.mark.parametrize("name", LAWS)
def test_word_and_web_page_of_a_law_parse_like_its_text(name: str, tmp_path: Path) -> None:
    text_file = _source(name)
    paragraphs = text_file.read_text(encoding="utf-8").splitlines()
    from_text = importers.parse(text_file, fmt="txt")
    assert from_text.errors == [] and len(from_text.documents) == 1
    assert len([p for p in from_text.documents[0].provisions if p.kind == "article"]) > 100

    word = docx.Document()
    for paragraph in paragraphs:
        word.add_paragraph(paragraph)
    word_file = tmp_path / text_file.with_suffix(".docx").name
    word.save(str(word_file))

    page = "".join(f"<p>{html.escape(paragraph)}</p>\n" for paragraph in paragraphs)
    web_file = tmp_path / text_file.with_suffix(".html").name
    web_file.write_text(
        "<html><head><script>var menu = 'Điều 999. Không phải luật';</script></head><body>"
        f"<nav><p>Trang chủ › Văn bản</p></nav><main>{page}</main><footer><p>Liên hệ</p></footer></body></html>",
        encoding="utf-8",
    )

    assert _tree(importers.parse(word_file, fmt="auto")) == _tree(from_text)
    assert _tree(importers.parse(web_file, fmt="auto")) == _tree(from_text)
