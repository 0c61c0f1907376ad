"""Building blocks for legal tests: import the small fixtures in tests/data through the real services."""

from pathlib import Path

from lantoa.legal.services import library

DATA = Path(__file__).resolve().parent / "data"


def import_library() -> library.ImportResult:
    return library.documents_import(path=DATA / "library.jsonl")
