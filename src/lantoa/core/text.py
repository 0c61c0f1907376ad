"""Vietnamese text at the boundaries: NFC normalisation, diacritic folding, slugs."""

import re
import unicodedata

_NON_SLUG = re.compile(r"[^a-z0-9]+")
_SPACES = re.compile(r"\s+")


def nfc(value: str) -> str:
    return unicodedata.normalize("NFC", value)


def clean_line(value: str) -> str:
    """NFC, trimmed, inner whitespace collapsed: for names and one-line fields."""
    return _SPACES.sub(" ", nfc(value)).strip()


def fold(value: str) -> str:
    """Lower-case text without tone marks or diacritics; đ becomes d (NFKD alone keeps đ)."""
    decomposed = unicodedata.normalize("NFKD", value.lower().replace("đ", "d").replace("Đ", "d"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def slugify_vi(value: str) -> str:
    return _NON_SLUG.sub("-", fold(value)).strip("-")
