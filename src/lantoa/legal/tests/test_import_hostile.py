"""Hostile law files: each is refused with a Vietnamese message naming the file, never a traceback."""

import io
import itertools
import re
import zipfile
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from lantoa.legal import importers


def _only_error(result: importers.ParseResult) -> str:
    assert len(result.problems) == 1 and result.problems[0].is_error
    return result.problems[0].message


@pytest.mark.parametrize("suffix", [".txt", ".jsonl"])
def test_text_that_is_not_utf8_is_named(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"luat-cu{suffix}"
    path.write_bytes("Điều 1. Phạm vi điều chỉnh\n".encode("cp1258", errors="replace") + b"\xff\xfe\x81")
    assert _only_error(importers.parse(path)) == (
        "Tệp luat-cu" + suffix + " không phải văn bản UTF-8. Hãy lưu lại tệp với bảng mã UTF-8."
    )


def test_a_renamed_text_file_is_not_a_docx(tmp_path: Path) -> None:
    path = tmp_path / "gia.docx"
    path.write_text("Điều 1. Không phải Word", encoding="utf-8")
    assert _only_error(importers.parse(path)) == "Tệp gia.docx không phải tệp Word .docx đọc được."


def test_a_zip_without_a_word_document_is_not_a_docx(tmp_path: Path) -> None:
    path = tmp_path / "rong.docx"
    with zipfile.ZipFile(path, "w") as package:
        package.writestr("xl/workbook.xml", "<workbook/>")
    assert "rong.docx không phải tệp Word" in _only_error(importers.parse(path))


def test_a_docx_that_unpacks_too_large_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bom.docx"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        with package.open("word/document.xml", "w") as part:
            for _chunk in range((importers.DOCX_MAX_UNPACKED_BYTES >> 20) + 1):
                part.write(b" " * (1 << 20))
    assert path.stat().st_size < 1 << 20
    assert _only_error(importers.parse(path)) == "Tệp bom.docx giải nén ra quá 64 MB, không đọc."


W = b'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
PARAGRAPH = b"<w:p><w:r><w:t>Ng\xc6\xb0\xe1\xbb\x9di lao \xc4\x91\xe1\xbb\x99ng.</w:t></w:r></w:p>"


def _word_bomb(path: Path, *, paragraphs: int, extra: dict[str, bytes] | None = None) -> None:
    """A well-formed Word body of many paragraphs: a few KB zipped, megabytes inflated."""
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        for name, data in (extra or {}).items():
            package.writestr(zipfile.ZipInfo(name), data)  # stored, as a picture would be
        with package.open("word/document.xml", "w") as part:
            part.write(b'<?xml version="1.0"?><w:document ' + W + b"><w:body>")
            for _index in range(paragraphs):
                part.write(PARAGRAPH)
            part.write(b"</w:body></w:document>")


def test_the_limit_counts_the_bytes_actually_inflated_while_streaming(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(importers, "DOCX_MAX_UNPACKED_BYTES", 1 << 20)
    fits, bomb = tmp_path / "vua.docx", tmp_path / "bom-nho.docx"
    _word_bomb(fits, paragraphs=(1 << 20) // len(PARAGRAPH) - 10)
    _word_bomb(bomb, paragraphs=3 * (1 << 20) // len(PARAGRAPH))
    assert bomb.stat().st_size < 64 * 1024
    assert importers.docx_paragraphs(fits)[0] == "Người lao động."
    with pytest.raises(importers.DocxTooLarge, match=re.escape("Tệp bom-nho.docx giải nén ra quá 1 MB, không đọc.")):
        importers.docx_paragraphs(bomb)


def test_a_zip_header_that_understates_the_size_is_not_trusted(tmp_path: Path) -> None:
    path = tmp_path / "noi-doi.docx"
    _word_bomb(path, paragraphs=50_000)
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as package:
        local = package.getinfo("word/document.xml").header_offset + 22
    for offset in (local, *_central_entries(data, b"word/document.xml")):
        data[offset : offset + 4] = (1000).to_bytes(4, "little")  # "inflates to 1000 bytes"
    path.write_bytes(bytes(data))
    assert _only_error(importers.parse(path)) == "Tệp noi-doi.docx không phải tệp Word .docx đọc được."


def _central_entries(data: bytearray, name: bytes) -> list[int]:
    """Offsets of the uncompressed-size field of the central directory entries for `name`."""
    offsets, start = [], 0
    while (start := data.find(b"PK\x01\x02", start)) >= 0:
        name_length = int.from_bytes(data[start + 28 : start + 30], "little")
        if data[start + 46 : start + 46 + name_length] == name:
            offsets.append(start + 24)
        start += 4
    return offsets


def test_pictures_are_never_inflated_so_they_do_not_count(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(importers, "DOCX_MAX_UNPACKED_BYTES", 1 << 20)
    path = tmp_path / "co-anh.docx"
    _word_bomb(path, paragraphs=3, extra={"word/media/image1.png": b"\x89PNG" + b"\x00" * (2 << 20)})
    assert importers.docx_paragraphs(path) == ["Người lao động."] * 3


def test_a_billion_laughs_docx_is_refused_without_expanding_its_entities(tmp_path: Path) -> None:
    levels = "abcdefghij"
    declarations = '<!ENTITY a "hahahahaha">' + "".join(
        f'<!ENTITY {name} "{("&" + previous + ";") * 10}">' for previous, name in itertools.pairwise(levels)
    )
    body = (
        f'<?xml version="1.0"?><!DOCTYPE w:document [{declarations}]><w:document {W.decode()}>'
        "<w:body><w:p><w:r><w:t>Điều 1.&j;</w:t></w:r></w:p></w:body></w:document>"
    )
    path = tmp_path / "cuoi.docx"
    with zipfile.ZipFile(path, "w") as package:
        package.writestr("word/document.xml", body.encode())
    assert _only_error(importers.parse(path)) == "Tệp cuoi.docx không phải tệp Word .docx đọc được."


def test_a_table_row_is_one_line_and_a_docx_from_word_still_reads(tmp_path: Path) -> None:
    import docx

    word = docx.Document()
    word.add_paragraph("Điều 1. Phạm vi điều chỉnh")
    table = word.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text, table.rows[0].cells[1].text = "Mức lương", "5.310.000 đ"
    word.add_paragraph("Điều 2. Đối tượng áp dụng")
    path = tmp_path / "that.docx"
    word.save(str(path))
    assert importers.docx_paragraphs(path) == [
        "Điều 1. Phạm vi điều chỉnh",
        "Mức lương | 5.310.000 đ",
        "Điều 2. Đối tượng áp dụng",
    ]


@pytest.mark.django_db
def test_the_command_reports_the_bad_file_and_goes_on(tmp_path: Path) -> None:
    (tmp_path / "hong.docx").write_bytes(b"PK\x03\x04 not really a zip")
    (tmp_path / "sai-ma.txt").write_bytes(b"\xff\xfe\x81 Dieu 1")
    errors = io.StringIO()
    with pytest.raises(CommandError):
        call_command("legal_import", str(tmp_path), "--dry-run", "--no-index", stderr=errors, stdout=io.StringIO())
    lines = errors.getvalue()
    assert "hong.docx:1:1: error: Tệp hong.docx không phải tệp Word .docx đọc được." in lines
    assert "sai-ma.txt:1:1: error: Tệp sai-ma.txt không phải văn bản UTF-8." in lines
    assert "Traceback" not in lines
