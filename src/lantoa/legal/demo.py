"""Demo data for the legal app: the shipped handbook, and laws when the development corpus is present."""

from pathlib import Path

from django.conf import settings

from lantoa.legal import search
from lantoa.legal.models import Document
from lantoa.legal.services import handbook, library


def shared_legal_dir() -> Path:
    return Path(settings.BASE_DIR).parent / "shared" / "legal"


def load(*, logins: list) -> str:
    folder = Path(getattr(settings, "LEGAL_DEMO_DIR", "") or shared_legal_dir())
    imported = []
    # A second `load_demo` keeps what is there and starts in seconds; `legal_import` refreshes on purpose.
    if folder.is_dir() and not Document.objects.exists():
        files = sorted(folder.glob("laws*.jsonl")) + sorted((folder / "source").glob("*.txt"))
        for path in files:
            result = library.documents_import(path=path)
            if result.written:
                imported.extend(result.documents)
    entries = handbook.handbook_import()
    changed = imported or entries.created or entries.updated
    index = "đã có" if not changed and search.index_get() is not None else f"{search.index_build()} điều"
    return (
        f"{len(set(imported))} văn bản mới nhập, sổ tay {entries.created} mới / {entries.unchanged} không đổi, "
        f"chỉ mục tìm kiếm: {index}"
    )
