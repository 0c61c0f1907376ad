"""Demo data for the legal app: the shipped handbook, and laws when the development corpus is present."""

from pathlib import Path

from django.conf import settings

from lantoa.legal import search
from lantoa.legal.services import handbook, library


def shared_legal_dir() -> Path:
    return Path(settings.BASE_DIR).parent / "shared" / "legal"


def load(*, logins: list) -> str:
    folder = Path(getattr(settings, "LEGAL_DEMO_DIR", "") or shared_legal_dir())
    imported = []
    if folder.is_dir():
        files = sorted(folder.glob("laws*.jsonl")) + sorted((folder / "source").glob("*.txt"))
        for path in files:
            result = library.documents_import(path=path)
            if result.written:
                imported.extend(result.documents)
    entries = handbook.handbook_import()
    articles = search.index_build()
    return (
        f"{len(set(imported))} văn bản, sổ tay {entries.created} mới / {entries.unchanged} không đổi, "
        f"chỉ mục {articles} điều"
    )
