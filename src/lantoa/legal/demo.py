"""Demo data for the legal app: the shipped handbook, and laws when the development corpus is present."""

from pathlib import Path

from django.conf import settings

from lantoa.legal import index_store, search
from lantoa.legal.models import Document
from lantoa.legal.services import consolidated, handbook, library


def shared_legal_dir() -> Path:
    return Path(settings.BASE_DIR).parent / "shared" / "legal"


def demo_files(folder: Path) -> list[Path]:
    """Records, then published texts, then the newer texts kept beside the folder (`../legal-2026`).

    Consolidated texts (văn bản hợp nhất, "vbhn" in the name) are not law and are left out: the site cites the acts;
    `load` then applies the consolidated BHYT text as the current wording where the amending acts are missing.
    """
    newer = folder.parent / f"{folder.name}-2026"
    return (
        sorted(folder.glob("laws*.jsonl"))
        + sorted((folder / "source").glob("*.txt"))
        + sorted(p for p in newer.glob("*.txt") if "vbhn" not in p.name)
    )


def library_import(folder: Path) -> list[library.ImportResult]:
    """Every law text of the site's library imported in the order of `demo_files`; the OCR copies of the newer
    texts are named so ("…-ocr-chua-doi-chieu.txt") and marked "cần đối chiếu"."""
    return [library.documents_import(path=path, unchecked="-ocr-" in path.name) for path in demo_files(folder)]


def load(*, logins: list) -> str:
    folder = Path(getattr(settings, "LEGAL_DEMO_DIR", "") or shared_legal_dir())
    imported = []
    # A second `load_demo` keeps what is there and starts in seconds; `legal_import` refreshes on purpose.
    if folder.is_dir() and not Document.objects.exists():
        for result in library_import(folder):
            if result.written:
                imported.extend(result.documents)
        for path in sorted(folder.parent.glob(f"{folder.name}-2026/*.txt")):
            if library.is_consolidated_text(path):
                consolidated.consolidated_apply(path=path)
    entries = handbook.handbook_import()
    changed = imported or entries.created or entries.updated
    # load_demo runs before the server starts: the index is built here, so the first question is answered at once.
    index = "đã có" if not changed and index_store.current_version() else f"{search.index_build()[0]} điều"
    return (
        f"{len(set(imported))} văn bản mới nhập, sổ tay {entries.created} mới / {entries.unchanged} không đổi, "
        f"chỉ mục tìm kiếm: {index}"
    )
