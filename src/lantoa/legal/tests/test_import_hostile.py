"""Hostile law files: each is refused with a Vietnamese message naming the file, never a traceback."""

import io
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


def test_a_docx_that_unpacks_too_large_is_refused_before_parsing(tmp_path: Path) -> None:
    path = tmp_path / "bom.docx"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        with package.open("word/document.xml", "w") as part:
            for _chunk in range((importers.DOCX_MAX_UNPACKED_BYTES >> 20) + 1):
                part.write(b" " * (1 << 20))
    assert path.stat().st_size < 1 << 20
    assert _only_error(importers.parse(path)) == "Tệp bom.docx giải nén ra quá 64 MB, không đọc."


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
