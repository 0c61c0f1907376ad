"""`manage.py legal_check` lists content resting on law no longer in force and bodies that no longer exist."""

import io
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from lantoa.legal import checks
from lantoa.legal.models import Citation, HandbookChapter, HandbookEntry, Provision
from lantoa.legal.tests.factories import import_library


@pytest.fixture
def entry(db: None) -> HandbookEntry:
    import_library()
    chapter = HandbookChapter.objects.create(slug="bhxh", title="Bảo hiểm xã hội")
    entry = HandbookEntry.objects.create(
        chapter=chapter,
        slug="dong-bhxh",
        question="Ai phải đóng BHXH?",
        answer="Hỏi UBND cấp huyện nơi bạn ở.",
    )
    Citation.objects.create(
        entry=entry, provision=Provision.objects.get(document__number="58/2014/QH13", slug="dieu-1")
    )
    return entry


def test_entries_citing_replaced_law_or_naming_a_defunct_body_fail_the_check(
    entry: HandbookEntry, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(checks, "EXCEPTIONS_PATH", tmp_path / "none.toml")
    out = io.StringIO()
    with pytest.raises(CommandError, match="2 vấn đề"):
        call_command("legal_check", stdout=out)
    report = out.getvalue()
    assert "Điều 1 58/2014/QH13, không còn hiệu lực" in report
    assert "nhắc «UBND cấp huyện»: cấp huyện không còn từ 01/07/2025" in report


def test_accepted_exceptions_with_a_reason_let_the_check_pass(
    entry: HandbookEntry, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    keys = [finding.key for finding in checks.findings(on=timezone.localdate())]
    accepted = tmp_path / "accepted.toml"
    accepted.write_text(
        "".join(f'[[exception]]\nkey = "{key}"\nreason = "Giữ để so sánh luật cũ và mới"\n' for key in keys),
        encoding="utf-8",
    )
    monkeypatch.setattr(checks, "EXCEPTIONS_PATH", accepted)
    out = io.StringIO()
    call_command("legal_check", stdout=out)
    assert "đã chấp nhận" in out.getvalue() and "không có vấn đề" in out.getvalue()
